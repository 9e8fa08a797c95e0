import { requestFrame } from '../../shared/contract/wire';
import type { ServerFrame } from '../../shared/contract/wire';
import type { CallResult } from '../../shared/contract/errors';
import type { Api } from '../services/api/createApi';
import { createWriteLane } from '../services/api/writeLane';
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
  // the windows' writes land in the order they were sent (reads run beside them)
  const writes = createWriteLane();
  let draining = false;
  let drained: (() => void) | null = null;
  const send = (frame: ServerFrame) => channel.post(frame);
  const settle = () => {
    inFlight--;
    if (draining && inFlight === 0) drained?.();
  };

  api.bus.subscribe((event) => send({ type: 'event', event }));

  /** One call, answered whatever happens on the way (a typed error for a fault): it never rejects. */
  async function answer(id: number, method: string, input: unknown): Promise<void> {
    let result: CallResult<unknown>;
    try {
      // every Electron window is a console of the desk's owner; for now the windows share one "view as"
      // (the relay does not yet say which window a call came from)
      result = await api.call(method, input, await api.deskCaller('electron'));
    } catch (error) {
      console.error(`Kinship: ${method} failed in the services process:`, error);
      result = { ok: false, error: { code: 'internal', message: `${method} failed: ${error instanceof Error ? error.message : String(error)}` } };
    }
    try {
      send({ type: 'result', id, result });
    } catch (error) {
      // the link is gone (the parent closed it): nobody is left to tell
      console.error(`Kinship: the answer to ${method} could not be sent:`, error);
    } finally {
      settle();
    }
  }

  channel.onMessage((message) => {
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
    void writes.run(method, () => answer(id, method, input));
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
