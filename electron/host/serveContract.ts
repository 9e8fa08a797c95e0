import { requestFrame } from '../../shared/contract/wire';
import type { ServerFrame } from '../../shared/contract/wire';
import type { Api } from '../services/api/createApi';
import { isMessageOfType, lostCall, type ServicesChannel, type StopMessage } from './servicesWire';

export interface ContractServer {
  /** Calls started and not yet answered. */
  inFlight(): number;
  /** Refuses new calls (they get the retryable error) and resolves once the ones under way are answered. */
  drain(): Promise<void>;
}

/**
 * Serves the api over one channel, in the web host's frames: each call in, its result out by id,
 * and every event of the services' bus out as it happens. A 'stop' message is handed to `onStop`.
 */
export function serveContract(channel: ServicesChannel, api: Api, onStop: () => void): ContractServer {
  let inFlight = 0;
  let draining = false;
  let drained: (() => void) | null = null;
  const send = (frame: ServerFrame) => channel.post(frame);
  const settle = () => {
    inFlight--;
    if (draining && inFlight === 0) drained?.();
  };

  api.bus.subscribe((event) => send({ type: 'event', event }));

  channel.onMessage(async (message) => {
    if (isMessageOfType<StopMessage>(message, 'stop')) return onStop();
    const parsed = requestFrame.safeParse(message);
    if (!parsed.success) {
      send({ type: 'result', id: -1, result: { ok: false, error: { code: 'invalid-input', message: 'A call must be {type: "call", id, method, input}.' } } });
      return;
    }
    const { id, method, input } = parsed.data;
    if (draining) {
      send({ type: 'result', id, result: lostCall('Kinship is closing; this was not done.') });
      return;
    }
    inFlight++;
    // every Electron window is a console of the desk's owner; for now the windows share one "view as"
    // (the relay does not yet say which window a call came from)
    void api
      .call(method, input, await api.deskCaller('electron'))
      .catch((error: unknown) => ({ ok: false as const, error: { code: 'internal' as const, message: error instanceof Error ? error.message : String(error) } }))
      .then((result) => {
        send({ type: 'result', id, result });
        settle();
      });
  });

  return {
    inFlight: () => inFlight,
    drain() {
      draining = true;
      if (inFlight === 0) return Promise.resolve();
      return new Promise((resolve) => (drained = resolve));
    },
  };
}
