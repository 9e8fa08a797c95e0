import type { IncomingMessage } from 'node:http';

/** An address as written by Node, without IPv4-in-IPv6 dressing (::ffff:10.0.0.5 is 10.0.0.5). */
export const plainAddress = (address: string | undefined): string => (address ?? '').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');

/**
 * Who a request comes from: the peer, or, when the peer is the trusted proxy, the address the proxy
 * says (the last entry of X-Forwarded-For, the one the proxy itself added — entries before it are
 * whatever the client chose to send).
 */
export function clientAddress(request: IncomingMessage, trustProxy: string | null): string {
  const peer = plainAddress(request.socket.remoteAddress);
  if (!trustProxy || peer !== plainAddress(trustProxy)) return peer;
  const forwarded = request.headers['x-forwarded-for'];
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').map((part) => part.trim()).filter(Boolean).pop();
  return last ? plainAddress(last) : peer;
}
