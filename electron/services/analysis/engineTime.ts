/** Where the analysis engine gets its time from: real by default, controlled by tests. */
export interface AnalysisClock {
  /** Wall-clock time in ms since the epoch: when a reading was made. */
  now(): number;
  /** A monotonic time in ms: latencies and how often progress is reported. */
  monotonic(): number;
}

/** How the analysis engine waits: real timers by default, a test's own queue in tests. */
export interface AnalysisScheduler {
  /** Runs `task` after `ms`; the timer never keeps the process alive. Returns a cancel function. */
  after(ms: number, task: () => void): () => void;
}

export const realClock: AnalysisClock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
};

export const realScheduler: AnalysisScheduler = {
  after(ms, task) {
    const timer = setTimeout(task, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};
