import { eventPayloads, type EventName, type EventPayload, type KinshipEvent } from '../../../shared/contract/events';

/** A listener may do its work later (reading the store): what it fails at then is logged like a failure at once. */
export type EventListener = (event: KinshipEvent) => unknown;

/**
 * Carries events from the services to whichever host is listening (IPC windows, WebSocket
 * clients). Payloads are checked against the contract before anyone sees them.
 */
export function createEventBus() {
  const listeners = new Set<EventListener>();
  return {
    emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
      const checked = eventPayloads[name].parse(payload) as EventPayload<E>;
      const event = { name, payload: checked } as KinshipEvent;
      for (const listener of listeners) {
        const failed = (error: unknown) => console.error(`Kinship: an event listener failed on ${name}:`, error);
        try {
          const later = listener(event);
          if (later instanceof Promise) later.catch(failed);
        } catch (error) {
          // one broken listener (a closed socket) must not stop the others
          failed(error);
        }
      }
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
