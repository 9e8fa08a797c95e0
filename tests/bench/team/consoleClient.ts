/**
 * A simulated console of the team bench: a person signed in through the team server's own HTTP
 * endpoints, holding the WebSocket a console holds. Each call's time is taken as the console sees
 * it (the call frame sent → its answer read), and each `message.added` event's arrival is noted
 * by message id, for the fan-out figures.
 */
import WebSocket from 'ws';
import { AUTH_PATHS } from '../../../shared/contract/people';
import { WS_PATH, type ServerFrame } from '../../../shared/contract/wire';
import type { CallResult } from '../../../shared/contract/errors';

export interface Timed<T> {
  result: CallResult<T>;
  ms: number;
}

/** A JSON POST to the server's account endpoints: its status, body and the session cookie it set. */
export async function post(origin: string, route: string, body: unknown, cookie?: string): Promise<{ status: number; body: Record<string, unknown>; cookie: string | null }> {
  const response = await fetch(`${origin}${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin, ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });
  const setCookie = response.headers.get('set-cookie');
  const json = (await response.json()) as Record<string, unknown>;
  if (response.status >= 300) throw new Error(`${route} answered ${response.status}: ${JSON.stringify(json)}`);
  return { status: response.status, body: json, cookie: setCookie ? setCookie.split(';')[0]! : null };
}

export class ConsoleClient {
  /** message id → when its `message.added` reached this console (performance.now()). */
  readonly heard = new Map<number, number>();
  private readonly waiting = new Map<number, (result: CallResult<unknown>) => void>();
  private nextId = 1;
  closed = false;

  private constructor(
    readonly name: string,
    readonly server: number,
    private readonly ws: WebSocket,
  ) {
    ws.on('message', (data: WebSocket.RawData) => {
      const at = performance.now();
      const frame = JSON.parse(data.toString()) as ServerFrame;
      if (frame.type === 'result') this.waiting.get(frame.id)?.(frame.result);
      else if (frame.type === 'event' && frame.event.name === 'message.added') this.heard.set(frame.event.payload.messageId, at);
    });
    ws.on('close', () => {
      this.closed = true;
      for (const resolve of this.waiting.values()) resolve({ ok: false, error: { code: 'transport', message: 'the connection closed' } } as CallResult<unknown>);
      this.waiting.clear();
    });
  }

  /** Signs in at `origin` (POST /auth/sign-in) and opens the console's WebSocket with that session. */
  static async signIn(origin: string, server: number, person: { name: string; email: string; password: string }): Promise<ConsoleClient> {
    const signedIn = await post(origin, AUTH_PATHS.signIn, { email: person.email, password: person.password });
    if (!signedIn.cookie) throw new Error(`signing in ${person.email} set no session`);
    const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}${WS_PATH}`, { headers: { Origin: origin, Cookie: signedIn.cookie } });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new ConsoleClient(person.name, server, ws);
  }

  async call<T = unknown>(method: string, input: unknown = {}): Promise<Timed<T>> {
    const id = this.nextId++;
    const started = performance.now();
    const result = await new Promise<CallResult<unknown>>((resolve) => {
      if (this.closed) {
        resolve({ ok: false, error: { code: 'transport', message: 'the connection is closed' } } as CallResult<unknown>);
        return;
      }
      this.waiting.set(id, resolve);
      this.ws.send(JSON.stringify({ type: 'call', id, method, input }));
    });
    this.waiting.delete(id);
    return { result: result as CallResult<T>, ms: performance.now() - started };
  }

  close(): void {
    this.ws.close();
  }
}
