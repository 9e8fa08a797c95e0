import type { CallResult } from '../../../shared/contract/errors';
import type { KinshipEvent } from '../../../shared/contract/events';
import { TOKEN_PARAM, WS_PATH } from '../../../shared/contract/channels';
import type { ServerFrame } from '../../../shared/contract/wire';
import type { Transport } from './transport';

const TOKEN_STORAGE_KEY = 'kinship.token';

/**
 * The token arrives in the address's fragment (#token=…), which is never sent to a server. It is
 * kept for this tab only and removed from the address bar so it is not bookmarked or shared.
 */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get(TOKEN_PARAM);
  if (fromHash) {
    storage.setItem(TOKEN_STORAGE_KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return storage.getItem(TOKEN_STORAGE_KEY);
}

type Pending = { resolve: (result: CallResult<unknown>) => void };

/** The close code of a connection whose sign-in session is over (electron/web/socketSession.ts). */
const SIGNED_OUT_CLOSE_CODE = 4401;

/**
 * Calls over the web host's WebSocket, reconnecting when the connection drops. The desk's host
 * takes its per-run token; a team server (token null) knows the person by their session cookie,
 * and `onSignedOut` is told when the session is over (a call refused as unauthenticated, or the
 * server closing the connection for that reason); the transport then stops.
 */
export function createWebSocketTransport(token: string | null, origin: string, onSignedOut: () => void = () => undefined): Transport & { close(): void } {
  const url = `${origin.replace(/^http/, 'ws')}${WS_PATH}${token === null ? '' : `?${TOKEN_PARAM}=${encodeURIComponent(token)}`}`;
  let signedOut = false;
  function signOut() {
    if (signedOut) return;
    signedOut = true;
    socket?.close();
    onSignedOut();
  }
  const listeners = new Set<(event: KinshipEvent) => void>();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;

  function failAll(message: string) {
    for (const [, call] of pending) call.resolve({ ok: false, error: { code: 'transport', message } });
    pending.clear();
  }

  function connect(): Promise<WebSocket> {
    if (signedOut) {
      const refused = Promise.reject(new Error('signed out'));
      refused.catch(() => undefined);
      return refused;
    }
    if (opened) return opened;
    opened = new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.addEventListener('open', () => {
        socket = ws;
        resolve(ws);
      });
      ws.addEventListener('message', (message) => {
        const frame = JSON.parse(String(message.data)) as ServerFrame;
        if (frame.type === 'event') {
          for (const listener of listeners) {
            // one listener's fault must not keep the event from the others
            try {
              listener(frame.event);
            } catch (error) {
              console.error(`Kinship: a listener for ${frame.event.name} failed`, error);
            }
          }
        } else {
          pending.get(frame.id)?.resolve(frame.result);
          pending.delete(frame.id);
          if (!frame.result.ok && frame.result.error.code === 'unauthenticated') signOut();
        }
      });
      ws.addEventListener('close', (event) => {
        socket = null;
        opened = null;
        if (event.code === SIGNED_OUT_CLOSE_CODE) {
          for (const [, call] of pending) call.resolve({ ok: false, error: { code: 'unauthenticated', message: 'You are signed out: sign in again.' } });
          pending.clear();
          signOut();
          reject(new Error('signed out'));
          return;
        }
        failAll('The connection to Kinship was lost. It will reconnect on the next action.');
        reject(new Error('closed'));
      });
    });
    opened.catch(() => undefined);
    return opened;
  }

  return {
    host: 'web',
    async call(method, input) {
      if (signedOut) return { ok: false, error: { code: 'unauthenticated', message: 'You are signed out: sign in again.' } };
      let ws: WebSocket;
      try {
        ws = socket ?? (await connect());
      } catch {
        return { ok: false, error: { code: 'transport', message: 'Kinship’s web host cannot be reached. Is it still running?' } };
      }
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, { resolve });
        ws.send(JSON.stringify({ type: 'call', id, method, input }));
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      void connect();
      return () => listeners.delete(listener);
    },
    close() {
      signedOut = true;
      socket?.close();
    },
  };
}
