import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_PARAM } from '../../shared/contract/wire';

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Host names the web host answers to: loopback only, so a rebinding DNS name gets nothing. */
export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(hostHeader.toLowerCase());
}

export type GuardVerdict = { allowed: true } | { allowed: false; status: 401 | 403; reason: string };

/**
 * Decides whether a WebSocket upgrade may reach the api: it must be addressed to the loopback
 * host, come from the console's own page (when a browser sends an Origin) and carry the token.
 */
export function checkUpgrade(request: IncomingMessage, token: string, port: number): GuardVerdict {
  if (!isLoopbackHost(request.headers.host, port)) {
    return { allowed: false, status: 403, reason: 'not addressed to the loopback host' };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !isLoopbackHost(origin.replace(/^http:\/\//, ''), port)) {
    return { allowed: false, status: 403, reason: `origin ${origin} is not the console` };
  }
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const offered = url.searchParams.get(TOKEN_PARAM) ?? '';
  if (!offered || !sameSecret(offered, token)) {
    return { allowed: false, status: 401, reason: 'missing or wrong token' };
  }
  return { allowed: true };
}
