import { AsyncLocalStorage } from 'node:async_hooks';
import { afterCommit } from '../common/afterCommit';
import { eventPayloads, type EventName, type EventPayload, type KinshipEvent } from '../../../shared/contract/events';

/** A listener may do its work later (reading the store): what it fails at then is logged like a failure at once. */
export type EventListener = (event: KinshipEvent) => unknown;

/** Runs a function in the context this module was loaded in: no caller's (no open transaction's) async context. */
const outsideAnyCall = AsyncLocalStorage.snapshot();

/**
 * Carries events from the services to whichever host is listening (IPC windows, WebSocket
 * clients). Payloads are checked against the contract before anyone sees them (the emitter hears
 * of a bad one at once). An event raised inside a store transaction is delivered once it commits,
 * and never if it rolls back; listeners run outside the emitter's async context, so what they read
 * is never read inside the writer's transaction.
 */
export function createEventBus() {
  const listeners = new Set<EventListener>();
  function deliver(event: KinshipEvent): void {
    for (const listener of listeners) {
      const failed = (error: unknown) => console.error(`Kinship: an event listener failed on ${event.name}:`, error);
      try {
        const later = listener(event);
        if (later instanceof Promise) later.catch(failed);
      } catch (error) {
        // one broken listener (a closed socket) must not stop the others
        failed(error);
      }
    }
  }
  return {
    emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
      const checked = eventPayloads[name].parse(payload) as EventPayload<E>;
      const event = { name, payload: checked } as KinshipEvent;
      afterCommit(() => outsideAnyCall(deliver, event));
    },
    subscribe(listener: EventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get listenerCount(): number {
      return listeners.size;
    },
  };
}

export type EventBus = ReturnType<typeof createEventBus>;
