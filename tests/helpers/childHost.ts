import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { CallResult } from '../../shared/contract/errors';
import type { KinshipEvent } from '../../shared/contract/events';

const MAIN = fileURLToPath(new URL('./childHostMain.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ChildHost {
  call(method: string, input: unknown): Promise<CallResult<unknown>>;
  /** The first event from now on that passes `test` (rejects if the process ends first). */
  waitForEvent(test: (event: KinshipEvent) => boolean): Promise<KinshipEvent>;
  /** kill -9, as a crash or a power cut would; resolves once the process is gone. */
  crash(): Promise<void>;
  /** Ends the process normally. */
  stop(): Promise<void>;
  readonly process: ChildProcess;
}

/**
 * The real services in a child Node process over a workspace file (see childHostMain.ts), so a
 * test can kill them at any moment and start them again on the same file.
 */
export async function startChildHost(file: string, now?: number): Promise<ChildHost> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, file, ...(now !== undefined ? [String(now)] : [])], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const pending = new Map<number, (result: CallResult<unknown>) => void>();
  const watchers = new Set<(event: KinshipEvent) => void>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    void exited.then(() => reject(new Error('the child host exited before it was ready')));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const frame = JSON.parse(line) as { type: 'ready' } | { type: 'result'; id: number; result: CallResult<unknown> } | { type: 'event'; event: KinshipEvent };
      if (frame.type === 'ready') resolve();
      else if (frame.type === 'result') {
        pending.get(frame.id)?.(frame.result);
        pending.delete(frame.id);
      } else for (const watcher of [...watchers]) watcher(frame.event);
    });
  });
  await ready;
  const lost = { ok: false as const, error: { code: 'transport' as const, message: 'The connection to Kinship was lost.' } };
  void exited.then(() => {
    for (const [, resolve] of pending) resolve(lost);
    pending.clear();
  });
  return {
    process: child,
    call(method, input) {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(lost);
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        child.stdin!.write(`${JSON.stringify({ id, method, input })}\n`);
      });
    },
    waitForEvent(test) {
      return new Promise((resolve, reject) => {
        void exited.then(() => reject(new Error('the child host ended before the event came')));
        const watcher = (event: KinshipEvent) => {
          if (!test(event)) return;
          watchers.delete(watcher);
          resolve(event);
        };
        watchers.add(watcher);
      });
    },
    async crash() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.stdin!.end();
      child.kill('SIGTERM');
      await exited;
    },
  };
}
