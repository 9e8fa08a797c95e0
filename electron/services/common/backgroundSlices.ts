import { realScheduler, type Scheduler } from './time';

/** Runs `run` at a later turn of the event loop, after the I/O that is ready now (setImmediate in the hosts). */
export type NextTurn = (run: () => void) => void;

export interface BackgroundSlicesOptions {
  /** The monotonic clock and timers; the event loop's by default. */
  scheduler?: Scheduler;
  nextTurn?: NextTurn;
  /** After the last call is answered, background work waits this long more: a console's calls come in bursts. */
  quietMs?: number;
  /** A slice never waits longer than this for the api to be quiet: background work is delayed, never stopped. */
  maxWaitMs?: number;
}

/** What background work asks of the gate: a turn to run one short slice. */
export interface BackgroundTurns {
  /** Runs `slice` at the next quiet turn of the event loop; returns how to cancel it if it has not run. */
  schedule(slice: () => void): () => void;
}

export interface BackgroundSlices extends BackgroundTurns {
  /** A call has started: background slices wait until it (and every other) is answered. Returns how to say it has been. */
  callStarted(): () => void;
  /** Slices waiting for their turn (for tests and diagnostics). */
  waiting(): number;
  /** Drops every waiting slice; nothing runs after this. */
  close(): void;
}

const QUIET_MS = 30;
const MAX_WAIT_MS = 250;

/**
 * The services' one thread serves the api and does the background work (storing the backlog's
 * readings, the connection sweep). So that no call waits behind that work, background work runs
 * here in short slices, one per turn of the event loop (each turn lets the I/O that came meanwhile
 * — a console's next call — be read first), and only while no call is running and none has for
 * `quietMs`. A slice that has waited `maxWaitMs` runs anyway, so a console that never stops calling
 * slows the background work down without stopping it.
 */
export function createBackgroundSlices(options: BackgroundSlicesOptions = {}): BackgroundSlices {
  const scheduler = options.scheduler ?? realScheduler;
  const nextTurn: NextTurn = options.nextTurn ?? ((run) => void setImmediate(run));
  const quietMs = options.quietMs ?? QUIET_MS;
  const maxWaitMs = options.maxWaitMs ?? MAX_WAIT_MS;
  const waiting: { slice: () => void; since: number; cancelled: boolean }[] = [];
  let calls = 0;
  let lastCallEnded = -Infinity;
  let turnAsked = false;
  let timer: { at: number; cancel: () => void } | null = null;
  let closed = false;

  function askTurn(): void {
    if (turnAsked || closed || waiting.length === 0) return;
    turnAsked = true;
    nextTurn(turn);
  }

  /** Looks again at `delayMs` from now (or sooner, if asked for sooner already). */
  function lookAgainIn(delayMs: number): void {
    const at = scheduler.monotonic() + delayMs;
    if (timer && timer.at <= at) return;
    timer?.cancel();
    const cancel = scheduler.after(Math.max(1, delayMs), () => {
      timer = null;
      askTurn();
    });
    timer = { at, cancel };
  }

  function turn(): void {
    turnAsked = false;
    while (waiting[0]?.cancelled) waiting.shift();
    const next = waiting[0];
    if (closed || !next) return;
    const at = scheduler.monotonic();
    const waitedFor = at - next.since;
    if (waitedFor < maxWaitMs) {
      // a call running: its end asks for a turn (or the longest wait runs it anyway)
      if (calls > 0) return lookAgainIn(maxWaitMs - waitedFor);
      const quietFor = at - lastCallEnded;
      if (quietFor < quietMs) return lookAgainIn(Math.min(quietMs - quietFor, maxWaitMs - waitedFor));
    }
    waiting.shift();
    try {
      next.slice();
    } catch (error) {
      console.error('Kinship: background work failed:', error);
    }
    askTurn();
  }

  return {
    schedule(slice) {
      const entry = { slice, since: scheduler.monotonic(), cancelled: false };
      waiting.push(entry);
      askTurn();
      return () => {
        entry.cancelled = true;
      };
    },
    callStarted() {
      calls++;
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        calls--;
        lastCallEnded = scheduler.monotonic();
        if (calls === 0 && waiting.length > 0) lookAgainIn(quietMs);
      };
    },
    waiting: () => waiting.filter((entry) => !entry.cancelled).length,
    close() {
      closed = true;
      waiting.length = 0;
      timer?.cancel();
      timer = null;
    },
  };
}

