import type { CallResult } from '../../shared/contract/errors';
import type { KinshipEvent } from '../../shared/contract/events';
import type { RequestFrame } from '../../shared/contract/wire';
import { isMessageOfType, lostCall, type FailedMessage, type ReadyMessage, type ServicesChannel } from './servicesWire';

type Answer = (result: CallResult<unknown>) => void;

/**
 * The parent's side of one services process: calls out with an id, results matched back by it,
 * events handed on. When the process goes, `lose` answers every call still waiting with the
 * retryable error, so nothing waits for an answer that cannot come.
 */
export function createServicesConnection(channel: ServicesChannel, onEvent: (event: KinshipEvent) => void) {
  const pending = new Map<number, Answer>();
  let nextId = 1;
  let lost = false;
  let announceReady: () => void = () => undefined;
  let announceFailure: (message: string) => void = () => undefined;
  /** Resolves when the services say they are open; rejects with their reason if they cannot start. */
  const ready = new Promise<void>((resolve, reject) => {
    announceReady = resolve;
    announceFailure = (message) => reject(new Error(message));
  });
  ready.catch(() => undefined);

  channel.onMessage((message) => {
    if (lost || typeof message !== 'object' || message === null) return;
    if (isMessageOfType<ReadyMessage>(message, 'ready')) return announceReady();
    if (isMessageOfType<FailedMessage>(message, 'failed')) return announceFailure(message.message);
    const frame = message as { type?: unknown; id?: unknown; result?: CallResult<unknown>; event?: KinshipEvent };
    if (frame.type === 'event' && frame.event) return onEvent(frame.event);
    if (frame.type === 'result' && typeof frame.id === 'number') {
      const answer = pending.get(frame.id);
      pending.delete(frame.id);
      answer?.(frame.result!);
    }
  });

  return {
    ready,
    /** Calls sent and not yet answered. */
    pendingCount: () => pending.size,
    call(method: string, input: unknown): Promise<CallResult<unknown>> {
      if (lost) return Promise.resolve(lostCall('Kinship’s services are restarting; this was not done. Try again in a moment.'));
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        const frame: RequestFrame = { type: 'call', id, method, input };
        try {
          channel.post(frame);
        } catch {
          pending.delete(id);
          resolve(lostCall('Kinship’s services could not be reached; this was not done. Try again in a moment.'));
        }
      });
    },
    /** The process is gone: every call still waiting is answered with the retryable error. */
    lose(message: string): void {
      if (lost) return;
      lost = true;
      announceFailure(message);
      const answers = [...pending.values()];
      pending.clear();
      for (const answer of answers) answer(lostCall(message));
    },
  };
}

export type ServicesConnection = ReturnType<typeof createServicesConnection>;
