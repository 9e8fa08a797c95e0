/**
 * Time as the services see it, injected so tests control it instead of sleeping: the wall clock
 * (when something happened) and a scheduler (how long work has run, and timers). The real ones are
 * the system's clock and the event loop's timers.
 */

/** Wall-clock milliseconds since the epoch. */
export type Now = () => number;

export interface Scheduler {
  /** Monotonic milliseconds: only differences mean anything (latencies, how long a slice has run). */
  monotonic(): number;
  /** Runs `task` after `delayMs`; the returned function cancels it if it has not run. Never keeps the process alive. */
  after(delayMs: number, task: () => void): () => void;
}

export const realNow: Now = () => Date.now();

export const realScheduler: Scheduler = {
  monotonic: () => performance.now(),
  after(delayMs, task) {
    const timer = setTimeout(task, delayMs);
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};
