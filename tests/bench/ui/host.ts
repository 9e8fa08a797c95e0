/** Starting and stopping the web host for the UI benchmark, never leaving one behind. */
import type { ChildProcess } from 'node:child_process';
import { startWebHost, type WebHost } from '../../e2e/webHostFixture';
import { CALL_TRACE_PREFIX, type CallTiming } from '../../../electron/web/socketSession';
import { withTimeout } from './stats';

export interface RunningHost {
  host: WebHost;
  process: ChildProcess;
  /** performance.now() (this process) just before the host was spawned. */
  spawnedAt: number;
  /** Where each call's time went in the host, by the frame's id (the newest call with that id; see CallTiming). */
  calls: Map<number, CallTiming>;
}

const running = new Set<ChildProcess>();

/** Starts the web host on `dataDir`, with `env` added to its environment (e.g. KINSHIP_DATABASE_URL). */
export async function startHost(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<RunningHost> {
  const spawnedAt = performance.now();
  const started = await withTimeout(startWebHost(dataDir, { ...env, KINSHIP_TRACE_CALLS: '1' }, 120_000), 120_000, 'the web host printing its address');
  running.add(started.process);
  const calls = new Map<number, CallTiming>();
  let partial = '';
  started.process.stderr!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      if (!line.startsWith(CALL_TRACE_PREFIX)) continue;
      const timing = JSON.parse(line.slice(CALL_TRACE_PREFIX.length)) as CallTiming;
      calls.set(timing.id, timing);
    }
  });
  started.process.once('exit', () => running.delete(started.process));
  return { ...started, spawnedAt, calls };
}

/** Stops the host (SIGTERM, then SIGKILL after 10 s). Leaves its data folder alone. */
export async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    running.delete(child);
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }, 10_000);
  await exited;
  clearTimeout(timer);
  running.delete(child);
}

/** For exit paths that cannot wait: kill every host this benchmark started, by its own handle. */
export function killHostsNow(): void {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  running.clear();
}

export async function stopAllHosts(): Promise<void> {
  await Promise.all([...running].map((child) => stopHost(child)));
}
