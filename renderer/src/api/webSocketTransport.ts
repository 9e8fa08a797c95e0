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

/** Calls over the web host's WebSocket, reconnecting when the connection drops. */
export function createWebSocketTransport(token: string, origin: string): Transport {
  const url = `${origin.replace(/^http/, 'ws')}${WS_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
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
        }
      });
      ws.addEventListener('close', () => {
        socket = null;
        opened = null;
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
  };
}
