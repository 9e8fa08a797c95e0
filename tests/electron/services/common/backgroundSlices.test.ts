import { describe, expect, it } from 'vitest';
import { createBackgroundSlices } from '../../../../electron/services/common/backgroundSlices';
import type { Scheduler } from '../../../../electron/services/common/time';

/** A clock and timers the test moves, and turns of the event loop it takes one at a time. */
function harness(options: { quietMs?: number; maxWaitMs?: number } = {}) {
  let clock = 0;
  let timers: { at: number; task: () => void; cancelled: boolean }[] = [];
  let turns: (() => void)[] = [];
  const scheduler: Scheduler = {
    monotonic: () => clock,
    after(delayMs, task) {
      const timer = { at: clock + delayMs, task, cancelled: false };
      timers.push(timer);
      return () => void (timer.cancelled = true);
    },
  };
  const slices = createBackgroundSlices({ scheduler, nextTurn: (run) => void turns.push(run), quietMs: options.quietMs ?? 30, maxWaitMs: options.maxWaitMs ?? 250 });
  return {
    slices,
    /** Runs the turns asked for so far (not those they ask for). */
    turn() {
      const now = turns;
      turns = [];
      for (const run of now) run();
    },
    /** Moves the clock, firing the timers due, and runs every turn that follows. */
    advance(ms: number) {
      clock += ms;
      const due = timers.filter((timer) => !timer.cancelled && timer.at <= clock);
      timers = timers.filter((timer) => !due.includes(timer));
      for (const timer of due) timer.task();
      for (let guard = 0; turns.length && guard < 100; guard++) this.turn();
    },
  };
}

describe('background slices', () => {
  it('run one per turn of the event loop, so what came in meanwhile is served between two', () => {
    const h = harness();
    const ran: string[] = [];
    h.slices.schedule(() => ran.push('a'));
    h.slices.schedule(() => ran.push('b'));
    expect(ran).toEqual([]);
    h.turn();
    expect(ran).toEqual(['a']);
    h.turn();
    expect(ran).toEqual(['a', 'b']);
  });

  it('wait while a call runs, and until the api has been quiet a moment after it', () => {
    const h = harness({ quietMs: 30 });
    const ran: string[] = [];
    const answered = h.slices.callStarted();
    h.slices.schedule(() => ran.push('store readings'));
    h.advance(100);
    expect(ran).toEqual([]);
    answered();
    h.advance(20);
    expect(ran).toEqual([]);
    // a second call in the burst holds it again
    const second = h.slices.callStarted();
    h.advance(20);
    second();
    h.advance(29);
    expect(ran).toEqual([]);
    h.advance(1);
    expect(ran).toEqual(['store readings']);
  });

  it('are delayed by a console that never stops calling, never stopped', () => {
    const h = harness({ maxWaitMs: 250 });
    const ran: number[] = [];
    h.slices.callStarted();
    h.slices.schedule(() => ran.push(1));
    h.advance(249);
    expect(ran).toEqual([]);
    h.advance(1);
    expect(ran).toEqual([1]);
  });

  it('can be cancelled before they run, and nothing runs once closed', () => {
    const h = harness();
    const ran: string[] = [];
    const cancel = h.slices.schedule(() => ran.push('cancelled'));
    h.slices.schedule(() => ran.push('kept'));
    cancel();
    h.advance(1);
    expect(ran).toEqual(['kept']);
    h.slices.schedule(() => ran.push('after close'));
    h.slices.close();
    h.advance(1000);
    expect(ran).toEqual(['kept']);
    expect(h.slices.waiting()).toBe(0);
  });

  it('go on after a slice that throws', () => {
    const h = harness();
    const ran: string[] = [];
    const quiet = console.error;
    console.error = () => undefined;
    try {
      h.slices.schedule(() => {
        throw new Error('boom');
      });
      h.slices.schedule(() => ran.push('next'));
      h.advance(1);
    } finally {
      console.error = quiet;
    }
    expect(ran).toEqual(['next']);
  });
});
