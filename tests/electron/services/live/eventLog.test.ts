import { describe, expect, it } from 'vitest';
import { createEventLog } from '../../../../electron/services/live';
import type { KinshipEvent } from '../../../../shared/contract/events';
import { parseCursor, formatCursor } from '../../../../shared/contract/live';

const event = (reason: string): KinshipEvent => ({ name: 'workspace.changed', payload: { reason } });
const reasons = (replay: ReturnType<ReturnType<typeof createEventLog>['since']>) =>
  replay.kind === 'events' ? replay.events.map((item) => `${item.seq}:${(item.event.payload as { reason: string }).reason}`) : replay.reason;

describe('the recent-events log a reconnecting console resumes from', () => {
  it('numbers events 1, 2, 3… and answers exactly what came after a cursor, oldest first', () => {
    const log = createEventLog({ epoch: 'run-a', capacity: 10 });
    for (const name of ['a', 'b', 'c', 'd']) log.append(event(name));
    expect(log.position()).toBe(4);
    expect(reasons(log.since({ epoch: 'run-a', seq: 0 }))).toEqual(['1:a', '2:b', '3:c', '4:d']);
    expect(reasons(log.since({ epoch: 'run-a', seq: 2 }))).toEqual(['3:c', '4:d']);
    expect(reasons(log.since({ epoch: 'run-a', seq: 4 }))).toEqual([]);
  });

  it('keeps only the newest `capacity` events: a cursor whose next event is gone is too old', () => {
    const log = createEventLog({ epoch: 'run-a', capacity: 3 });
    for (const name of ['a', 'b', 'c', 'd', 'e']) log.append(event(name));
    // kept: 3, 4, 5 — a cursor at 2 needs 3 (kept), at 1 needs 2 (gone)
    expect(reasons(log.since({ epoch: 'run-a', seq: 2 }))).toEqual(['3:c', '4:d', '5:e']);
    expect(reasons(log.since({ epoch: 'run-a', seq: 1 }))).toBe('too-old');
    expect(reasons(log.since({ epoch: 'run-a', seq: 0 }))).toBe('too-old');
    // the ring wraps many times and still answers in order
    for (let n = 0; n < 100; n++) log.append(event(`x${n}`));
    expect(reasons(log.since({ epoch: 'run-a', seq: 102 }))).toEqual(['103:x97', '104:x98', '105:x99']);
  });

  it('a cursor of another run, or beyond anything numbered, is not ours: a gap, never an empty answer', () => {
    const log = createEventLog({ epoch: 'run-b', capacity: 10 });
    log.append(event('a'));
    expect(reasons(log.since({ epoch: 'run-a', seq: 1 }))).toBe('other-run');
    expect(reasons(log.since({ epoch: 'run-b', seq: 2 }))).toBe('unknown');
  });

  it('a cursor travels in the address as <epoch>.<seq>, and anything else is no cursor at all', () => {
    expect(parseCursor(formatCursor({ epoch: '5f0c-11aa', seq: 42 }))).toEqual({ epoch: '5f0c-11aa', seq: 42 });
    for (const bad of ['', '42', '.42', 'run.', 'run.-1', 'run.1.5', 'r un.3', 'run.abc', `${'e'.repeat(65)}.1`, null, undefined]) expect(parseCursor(bad)).toBeNull();
  });
});
