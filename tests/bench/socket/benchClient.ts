import type { Socket } from 'node:net';
/** Clients of the web host for `npm run bench:socket`: a console that reads, and one that never does. */
import WebSocket from 'ws';

export type Result = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** A console's connection: calls with ids, answers matched to them, events ignored. */
export class BenchClient {
  readonly ws: WebSocket;
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result) => void>();
  closed: { code: number; reason: string } | null = null;

  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { type: string; id?: number; result?: Result };
      if (frame.type !== 'result' || frame.id === undefined) return;
      const resolve = this.pending.get(frame.id);
      this.pending.delete(frame.id);
      resolve?.(frame.result!);
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      for (const resolve of this.pending.values()) resolve({ ok: false, error: { code: 'closed', message: `closed ${code}` } });
      this.pending.clear();
    });
    ws.on('error', () => undefined);
  }

  static open(apiUrl: string): Promise<BenchClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(apiUrl, { perMessageDeflate: false });
      ws.once('open', () => resolve(new BenchClient(ws)));
      ws.once('error', reject);
    });
  }

  get outstanding(): number {
    return this.pending.size;
  }

  call(method: string, input: unknown): Promise<Result> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.ws.send(JSON.stringify({ type: 'call', id, method, input }));
    });
  }

  async value<T>(method: string, input: unknown): Promise<T> {
    const result = await this.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  }

  close(): void {
    this.ws.close();
  }
}

/** The host's api address from the address it prints (token in the fragment). */
export function apiUrlOf(hostUrl: string): string {
  const url = new URL(hostUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token');
  return `ws://${url.host}/api?token=${token}`;
}

/**
 * A client that asks and never reads: its TCP socket is paused right after the upgrade, so the
 * host's answers pile up in the kernel and then in the host. Returns when every call is written.
 */
export async function openNonReader(apiUrl: string, calls: { method: string; input: unknown }[]) {
  const ws = new WebSocket(apiUrl, { perMessageDeflate: false });
  let closedBy: number | null = null;
  ws.on('error', () => undefined);
  ws.on('close', (code) => (closedBy = code));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const socket = (ws as unknown as { _socket: Socket })._socket;
  socket.pause();
  // a paused socket still sees its end; the 'close' event of ws needs reading, so watch the socket
  socket.on('close', () => (closedBy ??= 1006));
  calls.forEach((call, index) => ws.send(JSON.stringify({ type: 'call', id: index + 1, ...call })));
  return {
    get closed() {
      return closedBy !== null || socket.destroyed;
    },
    /** Leaves without reading or saying goodbye (the way a killed tab or a stuck client goes). */
    leave() {
      socket.destroy();
    },
  };
}
