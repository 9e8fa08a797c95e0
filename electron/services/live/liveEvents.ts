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
  follow(cursor: LiveCursor | null, listener: LiveListener): { opening: Opening; stop(): void };
  close(): void;
}

/** The events of this process's services, numbered as they are sent, the recent ones kept for consoles that reconnect. */
export function createInProcessEvents(bus: EventBus, options: { capacity?: number; epoch?: string } = {}): LiveEventSource {
  const log = createEventLog({ epoch: options.epoch ?? randomUUID(), ...(options.capacity ? { capacity: options.capacity } : {}) });
  const followers = new Set<LiveListener>();
  const unsubscribe = bus.subscribe((event) => {
    const seq = EPHEMERAL_EVENTS.has(event.name) ? null : log.append(event).seq;
    for (const follower of followers) {
      try {
        follower(event, seq);
      } catch (error) {
        console.error(`Kinship: a console's listener failed on ${event.name}:`, error);
      }
    }
  });
  return {
    epoch: log.epoch,
    follow(cursor, listener) {
      // read and join in one step: nothing can be sent between the two
      const replay = cursor ? log.since(cursor) : null;
      followers.add(listener);
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
      followers.clear();
    },
  };
}
