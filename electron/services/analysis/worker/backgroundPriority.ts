import os from 'node:os';

/**
 * Below people's work, not starved by it: a busy console and host get nearly all the CPU, yet the
 * backlog still moves (nice 10 weighs about a tenth of a normal thread; the lowest, 19, a seventieth).
 */
export const BACKGROUND_PRIORITY = os.constants.priority.PRIORITY_BELOW_NORMAL;

/** How the analysis worker keeps its reading from taking CPU that a person is waiting for. */
export interface BackgroundPriority {
  /** This thread (and every thread it starts from now on) runs at BACKGROUND_PRIORITY. */
  lowered: boolean;
  /** Threads the model may use for one step; undefined leaves onnxruntime's own choice (one per core). */
  modelThreads: number | undefined;
}

/**
 * Reading the backlog is background work: it must use idle CPU, never CPU the host needs to answer
 * a call or the console's page needs to paint. On Linux a thread's nice value is its own, and the
 * threads it starts (onnxruntime's pool) inherit it, so the worker lowers its own before any model
 * is loaded and the model may still use every core when nobody else needs them. Elsewhere
 * setpriority would lower the whole process, so there the model leaves one core free instead.
 */
export function enterBackgroundPriority(platform: NodeJS.Platform = process.platform): BackgroundPriority {
  if (platform === 'linux') {
    try {
      os.setPriority(0, BACKGROUND_PRIORITY);
      return { lowered: true, modelThreads: undefined };
    } catch {
      // a sandbox may forbid it: fall back to leaving a core free
    }
  }
  return { lowered: false, modelThreads: Math.max(1, os.availableParallelism() - 1) };
}
