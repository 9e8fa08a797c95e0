import type { CallResult } from '../../shared/contract/errors';
import type { KinshipEvent } from '../../shared/contract/events';
import type { ServicesState, ServicesStatus } from '../../shared/contract/servicesStatus';
import { createServicesConnection, type ServicesConnection } from './servicesConnection';
import { lostCall, type ServicesExit, type SpawnedServices, type StopMessage } from './servicesWire';

export interface SupervisorOptions {
  /** Starts one services process (utilityProcess.fork in Electron, child_process.fork under Node) and sends it its start message. */
  spawn(): SpawnedServices;
  /**
   * How long to wait before each restart in a row: the n-th unexpected end since the services last
   * ran steadily waits the n-th delay; when the delays run out, the supervisor gives up ('failed').
   */
  restartDelaysMs?: readonly number[];
  /** A process that has not opened the services by then is killed (and counts as a failed start). */
  readyTimeoutMs?: number;
  /** Ready this long without ending: the count of failures in a row starts again. */
  steadyAfterMs?: number;
  /** Asked to stop, a process that has not exited by then is killed. */
  stopTimeoutMs?: number;
  log?: (line: string) => void;
}

export const DEFAULT_RESTART_DELAYS_MS = [0, 1_000, 3_000, 10_000] as const;

interface Attempt {
  spawned: SpawnedServices;
  connection: ServicesConnection;
  ready: boolean;
  /** Why it ended, when the supervisor or the process itself knows better than the exit code. */
  failure: string | null;
}

interface Waiting {
  method: string;
  input: unknown;
  answer: (result: CallResult<unknown>) => void;
}

function describeExit(exit: ServicesExit): string {
  if (exit.signal) return `signal ${exit.signal}`;
  return `exit code ${exit.code ?? 'unknown'}`;
}

const MESSAGES: Record<ServicesState, string> = {
  starting: 'Kinship is opening the workspace.',
  ready: 'Kinship’s services are running.',
  reconnecting: 'Kinship’s services stopped unexpectedly and are restarting. What you were doing is sent again once they are back.',
  stopping: 'Kinship is closing.',
  stopped: 'Kinship’s services are closed.',
  failed: 'Kinship’s services stopped unexpectedly several times in a row and were not restarted. Quit Kinship and open it again.',
};

/**
 * Runs the services in a process of their own and keeps them running: starts one, hands calls to
 * it, passes its events on, restarts it when it ends unexpectedly (with a visible 'reconnecting'
 * status meanwhile), and stops it cleanly when asked. Every call is answered: by the services, or —
 * when the process it went to is gone — with the retryable 'transport' error, never left waiting.
 * Plain Node; the Electron main process and the tests differ only in `spawn`.
 */
export function createServicesSupervisor(options: SupervisorOptions) {
  const delays = options.restartDelaysMs ?? DEFAULT_RESTART_DELAYS_MS;
  const readyTimeoutMs = options.readyTimeoutMs ?? 120_000;
  const steadyAfterMs = options.steadyAfterMs ?? 60_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  const log = options.log ?? ((line: string) => console.log(line));
  const eventListeners = new Set<(event: KinshipEvent) => void>();
  const statusListeners = new Set<(status: ServicesStatus) => void>();
  let status: ServicesStatus = { state: 'starting', message: MESSAGES.starting, seq: 1 };
  let current: Attempt | null = null;
  const waiting: Waiting[] = [];
  let failuresInARow = 0;
  let stopping: Promise<ServicesExit | null> | null = null;
  const timers = { restart: null as NodeJS.Timeout | null, ready: null as NodeJS.Timeout | null, steady: null as NodeJS.Timeout | null };

  const clear = (name: keyof typeof timers) => {
    if (timers[name]) clearTimeout(timers[name]);
    timers[name] = null;
  };

  function setStatus(state: ServicesState, message = MESSAGES[state]) {
    status = { state, message, seq: status.seq + 1 };
    for (const listener of [...statusListeners]) listener(status);
  }

  function emit(event: KinshipEvent) {
    for (const listener of [...eventListeners]) {
      try {
        listener(event);
      } catch (error) {
        log(`Kinship: a listener for ${event.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  function failWaiting(message: string) {
    for (const call of waiting.splice(0)) call.answer(lostCall(message));
  }

  function launch(restart: boolean) {
    let spawned: SpawnedServices;
    try {
      spawned = options.spawn();
    } catch (error) {
      return ended(null, error instanceof Error ? error.message : String(error));
    }
    const attempt: Attempt = { spawned, connection: createServicesConnection(spawned.channel, emit), ready: false, failure: null };
    current = attempt;
    log(`Kinship: services process ${spawned.pid ?? ''} starting${restart ? ' again' : ''}.`);
    timers.ready = setTimeout(() => {
      attempt.failure = `it did not open the workspace within ${Math.round(readyTimeoutMs / 1000)} s`;
      spawned.kill();
    }, readyTimeoutMs);
    attempt.connection.ready.then(
      () => {
        if (current !== attempt || stopping) return;
        clear('ready');
        attempt.ready = true;
        setStatus('ready');
        for (const call of waiting.splice(0)) void attempt.connection.call(call.method, call.input).then(call.answer);
        // whatever happened while they were down was not announced: every window reads everything again
        if (restart) emit({ name: 'workspace.changed', payload: { reason: 'services-restarted' } });
        timers.steady = setTimeout(() => (failuresInARow = 0), steadyAfterMs);
      },
      (error: unknown) => (attempt.failure ??= error instanceof Error ? error.message : String(error)),
    );
    void spawned.exited.then((exit) => ended(attempt, attempt.failure ?? describeExit(exit)));
  }

  /** A process ended (or could not be started): answer what it held, then restart it or give up. */
  function ended(attempt: Attempt | null, why: string) {
    clear('ready');
    clear('steady');
    if (attempt && current === attempt) current = null;
    if (stopping) {
      attempt?.connection.lose('Kinship is closing; this was not done.');
      return;
    }
    const lost = `Kinship’s services stopped unexpectedly (${why}) before answering; they are restarting. Try again in a moment.`;
    attempt?.connection.lose(lost);
    // calls that were waiting for this process to open were waiting for it alone
    if (!attempt?.ready) failWaiting(lost);
    failuresInARow++;
    const delay = delays[failuresInARow - 1];
    if (delay === undefined) {
      log(`Kinship: the services process ended unexpectedly (${why}), ${failuresInARow} times in a row; not restarting it.`);
      setStatus('failed', `${MESSAGES.failed} (Last: ${why}.)`);
      failWaiting(MESSAGES.failed);
      return;
    }
    log(`Kinship: the services process ended unexpectedly (${why}); restarting it${delay ? ` in ${delay} ms` : ''}.`);
    setStatus('reconnecting');
    timers.restart = setTimeout(() => {
      timers.restart = null;
      if (!stopping) launch(true);
    }, delay);
  }

  launch(false);

  return {
    status: () => status,
    call(method: string, input: unknown): Promise<CallResult<unknown>> {
      if (stopping) return Promise.resolve(lostCall('Kinship is closing; this was not done.'));
      if (status.state === 'failed') return Promise.resolve(lostCall(status.message));
      if (current?.ready) return current.connection.call(method, input);
      return new Promise((answer) => waiting.push({ method, input, answer }));
    },
    onEvent(listener: (event: KinshipEvent) => void): () => void {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onStatus(listener: (status: ServicesStatus) => void): () => void {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    /** The process now serving, if any (tests kill it to see a restart). */
    pid: () => current?.spawned.pid,
    /**
     * Asks the services to finish what they are doing, close the workspace and exit; kills the
     * process if it has not exited in time. Resolves with how it ended (null if none was running).
     */
    stop(): Promise<ServicesExit | null> {
      stopping ??= (async () => {
        clear('restart');
        clear('ready');
        clear('steady');
        setStatus('stopping');
        failWaiting('Kinship is closing; this was not done.');
        const attempt = current;
        let exit: ServicesExit | null = null;
        if (attempt) {
          const stop: StopMessage = { type: 'stop' };
          try {
            attempt.spawned.channel.post(stop);
          } catch {
            // the process is already going: waiting for its exit is all there is to do
          }
          let timer: NodeJS.Timeout | null = null;
          const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), stopTimeoutMs)));
          exit = await Promise.race([attempt.spawned.exited, late]);
          if (timer) clearTimeout(timer);
          if (!exit) {
            log(`Kinship: the services process did not stop within ${Math.round(stopTimeoutMs / 1000)} s; ending it.`);
            attempt.spawned.kill();
            exit = await attempt.spawned.exited;
          }
        }
        setStatus('stopped');
        return exit;
      })();
      return stopping;
    },
  };
}

export type ServicesSupervisor = ReturnType<typeof createServicesSupervisor>;
