import { AsyncLocalStorage } from 'node:async_hooks';
import { afterCommit } from '../common/afterCommit';
import { eventPayloads, type EventName, type EventPayload, type KinshipEvent } from '../../../shared/contract/events';

/**
 * A listener may do its work later (reading the store): what it fails at then is logged like a
 * failure at once. `from` is null for an event of this process, or the process that raised it when
 * it came from another server process on the same database (only listeners that follow the team hear those).
 */
export type EventListener = (event: KinshipEvent, from: string | null) => unknown;

/**
 * Events about this process alone — its analysis worker, its backlog's progress, its background
 * work — are never told to the other server processes: each console hears its own host's.
 */
export const PROCESS_EVENTS: ReadonlySet<EventName> = new Set<EventName>(['analysis.status', 'progress', 'workspace.background']);

/** Where an event goes: to this process's listeners and the team ('everywhere'), only here, or only to the team. */
export type EventReach = 'everywhere' | 'here' | 'team';

/** Listeners told of one kind of news, each apart: one that throws does not keep it from the others. */
function createSignal<A extends unknown[]>(what: string) {
  const listeners = new Set<(...args: A) => void>();
  return {
    tell(...args: A): void {
      for (const listener of listeners) {
        try {
          listener(...args);
        } catch (error) {
          console.error(`Kinship: ${what} failed:`, error);
        }
      }
    },
    listen(listener: (...args: A) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Runs a function in the context this module was loaded in: no caller's (no open transaction's) async context. */
const outsideAnyCall = AsyncLocalStorage.snapshot();

/**
 * Carries events from the services to whichever host is listening (IPC windows, WebSocket
 * clients). Payloads are checked against the contract before anyone sees them (the emitter hears
 * of a bad one at once). An event raised inside a store transaction is delivered once it commits,
 * and never if it rolls back; listeners run outside the emitter's async context, so what they read
 * is never read inside the writer's transaction.
 *
 * Several server processes on one database: what this process raises also goes to whatever is
 * attached with `tellTeam` (events/teamEvents.ts, once committed), and what the others raised comes
 * in through `receive` — to the listeners that follow the team (the consoles, the people events are
 * filtered by, the analysis engine for a workspace changed in bulk), never to the services' own
 * reactions to a single change (the process that stored a message reads it) and never out again.
 */
export function createEventBus() {
  const listeners = new Map<EventListener, { team: boolean }>();
  const outgoing = new Set<(event: KinshipEvent) => void>();
  const missed = createSignal<[]>('telling a follower that events were missed');
  const gone = createSignal<[processId: string]>('forgetting a server process that is gone');
  const asked = createSignal<[]>('telling the team what is so now');
  const asking = createSignal<[]>('asking the team what is so now');
  function deliver(event: KinshipEvent, from: string | null): void {
    for (const [listener, { team }] of listeners) {
      if (from !== null && !team) continue;
      const failed = (error: unknown) => console.error(`Kinship: an event listener failed on ${event.name}:`, error);
      try {
        const later = listener(event, from);
        if (later instanceof Promise) later.catch(failed);
      } catch (error) {
        // one broken listener (a closed socket) must not stop the others
        failed(error);
      }
    }
  }
  function send(event: KinshipEvent): void {
    for (const out of outgoing) {
      try {
        out(event);
      } catch (error) {
        console.error(`Kinship: telling the team of ${event.name} failed:`, error);
      }
    }
  }
  return {
    emit<E extends EventName>(name: E, payload: EventPayload<E>, reach: EventReach = 'everywhere'): void {
      const checked = eventPayloads[name].parse(payload) as EventPayload<E>;
      const event = { name, payload: checked } as KinshipEvent;
      afterCommit(() =>
        outsideAnyCall(() => {
          if (reach !== 'team') deliver(event, null);
          if (reach !== 'here' && !PROCESS_EVENTS.has(name)) send(event);
        }),
      );
    },
    /** An event another server process raised (checked like ours): to the listeners that follow the team, never out again. */
    receive(from: string, event: KinshipEvent): void {
      const schema = eventPayloads[event.name] as (typeof eventPayloads)[EventName] | undefined;
      if (!schema || PROCESS_EVENTS.has(event.name)) return;
      const checked = { name: event.name, payload: schema.parse(event.payload) } as KinshipEvent;
      outsideAnyCall(deliver, checked, from);
    },
    /**
     * Listens to this process's events; with `team`, to the other server processes' too (`from`
     * names the process).
     */
    subscribe(listener: EventListener, options: { team?: boolean } = {}): () => void {
      listeners.set(listener, { team: options.team ?? false });
      return () => listeners.delete(listener);
    },
    /** Where this process's events go once committed, for the others (the team's channel). Returns the detaching. */
    tellTeam(out: (event: KinshipEvent) => void): () => void {
      outgoing.add(out);
      return () => outgoing.delete(out);
    },
    /** Said when the team's events may have been missed (the link to the others dropped): consoles must read everything again. */
    missed: missed.tell,
    onMissed: missed.listen,
    /** Another server process is gone (ended, or killed): what it alone said of the present (who is online, viewing, typing) ends. */
    processGone: gone.tell,
    onProcessGone: gone.listen,
    /** Another server process asks what is so now (it has just joined, or may have missed changes): this process tells the team again. */
    asked: asked.tell,
    onAsked: asked.listen,
    /** This process wants to hear what is so now at the others (its live queue has just started): they are asked (`asked` there). */
    askTeam: asking.tell,
    onAskTeam: asking.listen,
    get listenerCount(): number {
      return listeners.size;
    },
  };
}

export type EventBus = ReturnType<typeof createEventBus>;
