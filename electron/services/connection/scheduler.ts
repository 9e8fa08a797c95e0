/**
 * Time as the connection service sees it, injected so tests control it instead of sleeping: a
 * monotonic clock (how long a slice of work has run) and timers. The real one is the event loop's.
 */
export interface Scheduler {
  /** Monotonic milliseconds (only differences mean anything). */
  elapsed(): number;
  /** Runs `task` after `delayMs`; cancel() stops it if it has not run. Never keeps the process alive. */
  after(delayMs: number, task: () => void): { cancel(): void };
}

export const realScheduler: Scheduler = {
  elapsed: () => performance.now(),
  after(delayMs, task) {
    const timer = setTimeout(task, delayMs);
    timer.unref?.();
    return { cancel: () => clearTimeout(timer) };
  },
};
