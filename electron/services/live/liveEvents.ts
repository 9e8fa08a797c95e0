import { randomUUID } from 'node:crypto';
import { EPHEMERAL_EVENTS, type KinshipEvent } from '../../../shared/contract/events';
import type { LiveCursor, ResumeOutcome } from '../../../shared/contract/live';
import type { EventBus } from '../events/eventBus';
import { createEventLog, type Sequenced } from './eventLog';

/** How a console's following of the stream begins: where the stream is, and what it missed since its cursor. */
export interface Opening {
  epoch: string;
  /** The last sequence number given when following began. */
  seq: number;
  outcome: Exclude<ResumeOutcome, { state: 'resumed' }> | { state: 'resumed' };
  /** With 'resumed': the events after the cursor, oldest first (nothing newer comes through the listener before them). */
  missed: Sequenced[];
}

/** One event as it reaches a follower: its sequence number, or null for an ephemeral one (never kept, never replayed). */
export type LiveListener = (event: KinshipEvent, seq: number | null) => void;

/**
 * The stream began again under a follower (a new epoch): events may have been missed (the link to
 * the team's other server processes dropped), so the console reads everything again and follows on from `opening`.
 */
export type RestartListener = (opening: Opening) => void;

/** Events a console hears from the live service as the whole team's (merged across server processes), never as one process's. */
const MERGED_BY_LIVE: ReadonlySet<string> = new Set(['presence.changed', 'activity.changed']);

/**
 * Where consoles take the screen's events from. In one process, straight from the services' bus
 * (createInProcessEvents); across server processes a source would number the events in the shared
 * database and hear the others' through it (PostgreSQL LISTEN/NOTIFY), keeping its own recent log:
 * `follow` stays the same.
 */
export interface LiveEventSource {
  readonly epoch: string;
  /**
   * Follows the stream from `cursor` (null: from now on). Returns at once with the events missed
   * since the cursor; every later event goes to `listener`, in order, none repeated and none missed
   * between the two.
   */
  follow(cursor: LiveCursor | null, listener: LiveListener, restarted?: RestartListener): { opening: Opening; stop(): void };
  close(): void;
}

/**
 * The events of this process's services and of the team's other server processes (on PostgreSQL),
 * numbered as they are sent here, the recent ones kept for consoles that reconnect. When the team's
 * events may have been missed (bus.missed: the link to the others dropped), the stream begins again
 * under a new epoch and every follower is told so (`restarted`, a gap): nothing is missed silently.
 */
export function createInProcessEvents(bus: EventBus, options: { capacity?: number; epoch?: string } = {}): LiveEventSource {
  const newLog = (epoch: string) => createEventLog({ epoch, ...(options.capacity ? { capacity: options.capacity } : {}) });
  let log = newLog(options.epoch ?? randomUUID());
  const followers = new Map<LiveListener, RestartListener | undefined>();
  const unsubscribe = bus.subscribe(
    (event, from) => {
      // presence and activity of the others come to consoles merged with ours (the live service's)
      if (from !== null && MERGED_BY_LIVE.has(event.name)) return;
      const seq = EPHEMERAL_EVENTS.has(event.name) ? null : log.append(event).seq;
      for (const follower of followers.keys()) {
        try {
          follower(event, seq);
        } catch (error) {
          console.error(`Kinship: a console's listener failed on ${event.name}:`, error);
        }
      }
    },
    { team: true },
  );
  const stopMissed = bus.onMissed(() => {
    log = newLog(randomUUID());
    const opening: Opening = { epoch: log.epoch, seq: 0, outcome: { state: 'gap', reason: 'missed' }, missed: [] };
    for (const restarted of followers.values()) {
      try {
        restarted?.(opening);
      } catch (error) {
        console.error('Kinship: telling a console to read everything again failed:', error);
      }
    }
  });
  return {
    get epoch() {
      return log.epoch;
    },
    follow(cursor, listener, restarted) {
      // read and join in one step: nothing can be sent between the two
      const replay = cursor ? log.since(cursor) : null;
      followers.set(listener, restarted);
      const opening: Opening =
        replay === null
          ? { epoch: log.epoch, seq: log.position(), outcome: { state: 'fresh' }, missed: [] }
          : replay.kind === 'gap'
            ? { epoch: log.epoch, seq: log.position(), outcome: { state: 'gap', reason: replay.reason }, missed: [] }
            : { epoch: log.epoch, seq: log.position(), outcome: { state: 'resumed' }, missed: replay.events };
      return { opening, stop: () => void followers.delete(listener) };
    },
    close() {
      unsubscribe();
      stopMissed();
      followers.clear();
    },
  };
}
