/**
 * What one console's WebSocket may hold on the web host, and what happens past each bound. One
 * client, however it behaves, gets a bounded share of the host's memory and time:
 *
 * - Calls: at most `maxInFlight` run at once for a connection; up to `maxQueued` more (and no
 *   more than `maxQueuedBytes` of their frames) wait their turn. A call past that is answered at
 *   once with the typed refusal `{ ok: false, error: { code: 'busy' } }`: nothing ran, the
 *   connection stays open, and the console may send it again when its earlier calls are answered.
 * - Unsent bytes: while more than `highWaterBytes` of answers and events wait to be written to a
 *   connection, none of its calls are started (other connections carry on).
 * - A client that does not read is dropped (its socket terminated; the client sees close code
 *   1006, as no close frame can reach a peer that is not reading): when more than
 *   `maxBufferedBytes` are still unsent as something else is to be sent to it, or when it has been
 *   over `highWaterBytes` for `stallMs` without taking any of it. Everything it held (its queue,
 *   its unsent bytes, its event subscription) is released.
 * - A dead peer (nothing from it, not even a pong to a ping, within `heartbeatMs`) is dropped the
 *   same way.
 * - A frame larger than `maxPayload` closes the connection with 1009 (Message Too Big), by ws.
 */
export interface SocketLimits {
  maxInFlight: number;
  maxQueued: number;
  maxQueuedBytes: number;
  highWaterBytes: number;
  maxBufferedBytes: number;
  stallMs: number;
  heartbeatMs: number;
  maxPayload: number;
}

const MB = 1024 * 1024;

export const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  maxInFlight: 8,
  // with maxInFlight: 64 calls outstanding per console, several times what the console itself sends at once
  maxQueued: 56,
  maxQueuedBytes: 16 * MB,
  highWaterBytes: 4 * MB,
  // a thread's page of long messages can be tens of megabytes: one answer always goes out whole
  maxBufferedBytes: 64 * MB,
  stallMs: 30_000,
  heartbeatMs: 30_000,
  // the largest valid call (a playbook at its limits, a 100,000-character draft) is far smaller
  maxPayload: 8 * MB,
};

/** Why the host ended a connection (or 'client' when the client closed it). */
export type CloseReason = 'client' | 'not-reading' | 'no-pong' | 'host-stopping' | 'error' | 'signed-out';

/** One connection as the host sees it, for tests, benchmarks and diagnostics. */
export interface ConnectionStats {
  id: number;
  state: 'open' | 'closed';
  /** Calls started and not yet answered. */
  inFlight: number;
  /** Calls waiting for their turn. */
  queued: number;
  queuedBytes: number;
  /** Answers and events not yet handed to the operating system. */
  bufferedBytes: number;
  /** Over the high-water mark: none of its calls start until the client reads. */
  waitingForClientToRead: boolean;
  received: number;
  answered: number;
  refusedBusy: number;
  closeReason: CloseReason | null;
}
