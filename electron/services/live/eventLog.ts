import type { KinshipEvent } from '../../../shared/contract/events';
import type { GapReason, LiveCursor } from '../../../shared/contract/live';

/** An event with its place in the run's stream. */
export interface Sequenced {
  seq: number;
  event: KinshipEvent;
}

/** The events after a cursor, or why they cannot be told. */
export type Replay = { kind: 'events'; events: Sequenced[] } | { kind: 'gap'; reason: GapReason };

/** How many recent events a host keeps for consoles that reconnect. */
export const DEFAULT_LOG_CAPACITY = 4_096;

/**
 * The recent events of one host run, numbered 1, 2, 3… in the order they were sent, the newest
 * `capacity` of them kept (a ring: the oldest goes when a new one comes). It answers "what came
 * after this cursor" exactly, or says it cannot: a cursor of another run, one older than what is
 * kept, or one beyond anything numbered.
 */
export function createEventLog(options: { epoch: string; capacity?: number }) {
  const capacity = Math.max(1, options.capacity ?? DEFAULT_LOG_CAPACITY);
  const ring: (Sequenced | undefined)[] = new Array<Sequenced | undefined>(capacity);
  let last = 0;

  return {
    epoch: options.epoch,
    /** The last sequence number given (0 before any). */
    position: () => last,
    /** Numbers the event and keeps it. */
    append(event: KinshipEvent): Sequenced {
      last++;
      const entry = { seq: last, event };
      ring[last % capacity] = entry;
      return entry;
    },
    /** The events after the cursor, oldest first; or a gap. */
    since(cursor: LiveCursor): Replay {
      if (cursor.epoch !== options.epoch) return { kind: 'gap', reason: 'other-run' };
      if (cursor.seq > last) return { kind: 'gap', reason: 'unknown' };
      const oldestKept = Math.max(1, last - capacity + 1);
      // the next event the console needs is cursor.seq + 1: it must still be kept
      if (cursor.seq + 1 < oldestKept) return { kind: 'gap', reason: 'too-old' };
      const events: Sequenced[] = [];
      for (let seq = cursor.seq + 1; seq <= last; seq++) events.push(ring[seq % capacity]!);
      return { kind: 'events', events };
    },
  };
}

export type EventLog = ReturnType<typeof createEventLog>;
