import { expect, vi } from 'vitest';
import type { Scheduler } from '../../electron/services/common/time';

/**
 * A scheduler whose time moves only when the test says so: `advance(ms)` runs every timer that
 * falls due on the way, in order, and `runUntilIdle()` runs timers until none is left.
 */
export function manualScheduler() {
  let time = 0;
  let nextId = 1;
  const timers = new Map<number, { due: number; task: () => void }>();

  function nextDue(limit: number): [number, { due: number; task: () => void }] | null {
    let found: [number, { due: number; task: () => void }] | null = null;
    for (const entry of timers) if (entry[1].due <= limit && (!found || entry[1].due < found[1].due)) found = entry;
    return found;
  }

  /** One turn of the event loop: every promise settled by now has run what follows it. */
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

  const scheduler: Scheduler & { advance(ms: number): void; advanceAsync(ms: number): Promise<void>; runUntilIdle(maxTimers?: number): number; pending(): number; now(): number } = {
    monotonic: () => time,
    after(delayMs, task) {
      const id = nextId++;
      timers.set(id, { due: time + Math.max(0, delayMs), task });
      return () => void timers.delete(id);
    },
    advance(ms) {
      const until = time + ms;
      for (let next = nextDue(until); next; next = nextDue(until)) {
        timers.delete(next[0]);
        time = Math.max(time, next[1].due);
        next[1].task();
      }
      time = until;
    },
    /**
     * Like `advance`, for timers whose work is asynchronous (the store's): time stops at each timer,
     * and the work it started runs (a turn of the event loop) before time moves on, so a timer that
     * work sets again on the way is run in its turn too.
     */
    async advanceAsync(ms) {
      const until = time + ms;
      await turn();
      for (let next = nextDue(until); next; next = nextDue(until)) {
        timers.delete(next[0]);
        time = Math.max(time, next[1].due);
        next[1].task();
        await turn();
      }
      time = until;
    },
    /** Runs timers, earliest first, until none is left; returns how many ran. */
    runUntilIdle(maxTimers = 100_000) {
      let ran = 0;
      for (let next = nextDue(Infinity); next; next = nextDue(Infinity)) {
        if (++ran > maxTimers) throw new Error('the timers never settle');
        timers.delete(next[0]);
        time = Math.max(time, next[1].due);
        next[1].task();
      }
      return ran;
    },
    pending: () => timers.size,
    now: () => time,
  };
  return scheduler;
}

/**
 * Runs the scheduler's timers, letting the (asynchronous) work each starts run too, until `settled`
 * says the work is done: timers that work sets are run in their turn. Returns how many timers ran.
 */
export async function runUntilSettled(scheduler: ReturnType<typeof manualScheduler>, settled: () => boolean | Promise<boolean>): Promise<number> {
  let ran = 0;
  await vi.waitFor(
    async () => {
      ran += scheduler.runUntilIdle();
      expect(await settled()).toBe(true);
    },
    { timeout: 60_000, interval: 2 },
  );
  return ran;
}
