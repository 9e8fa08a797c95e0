import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { forkNodeServices } from '../../../electron/host/forkNodeServices';
import { createServicesSupervisor, type ServicesSupervisor, type SupervisorOptions } from '../../../electron/host/servicesSupervisor';
import type { ServicesStartOptions } from '../../../electron/host/servicesWire';
import { DATABASE_FILE_NAME } from '../../../electron/services/dataDir';
import type { KinshipEvent } from '../../../shared/contract/events';
import type { ServicesState, ServicesStatus } from '../../../shared/contract/servicesStatus';
import { tempDir } from '../../helpers/tempDir';

/** The services process as built (electron.vite.config.ts): the file Electron's main process forks with utilityProcess.fork. */
const ENTRY = fileURLToPath(new URL('../../../out/main/servicesProcess.js', import.meta.url));
/** A stand-in that ends as soon as it starts: a services process that cannot come up. */
const CRASHING = fileURLToPath(new URL('../../helpers/crashingServices.mjs', import.meta.url));
/** A stand-in that opens and then answers nothing, not even 'stop'. */
const DEAF = fileURLToPath(new URL('../../helpers/deafServices.mjs', import.meta.url));

const running: ServicesSupervisor[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.stop();
});

function startOptions(): ServicesStartOptions {
  // no packaged models: the lexicon reads, so the test needs no model files and little memory
  return { host: 'electron', dataDir: tempDir(), resourcesDir: tempDir('kinship-resources-') };
}

function supervise(start: ServicesStartOptions, entry = ENTRY, options: Partial<SupervisorOptions> = {}) {
  const log: string[] = [];
  const statuses: ServicesStatus[] = [];
  const events: KinshipEvent[] = [];
  const supervisor = createServicesSupervisor({
    spawn: () => forkNodeServices(entry, start, { env: { ...process.env, KINSHIP_MODELS_DIR: '' } }),
    log: (line) => log.push(line),
    ...options,
  });
  running.push(supervisor);
  supervisor.onStatus((status) => statuses.push(status));
  supervisor.onEvent((event) => events.push(event));
  return { supervisor, log, statuses, events };
}

function statusReached(supervisor: ServicesSupervisor, state: ServicesState): Promise<ServicesStatus> {
  if (supervisor.status().state === state) return Promise.resolve(supervisor.status());
  return new Promise((resolve) => {
    const off = supervisor.onStatus((status) => {
      if (status.state !== state) return;
      off();
      resolve(status);
    });
  });
}

function eventSeen(supervisor: ServicesSupervisor, test: (event: KinshipEvent) => boolean): Promise<KinshipEvent> {
  return new Promise((resolve) => {
    const off = supervisor.onEvent((event) => {
      if (!test(event)) return;
      off();
      resolve(event);
    });
  });
}

async function ok(supervisor: ServicesSupervisor, method: string, input: unknown) {
  const result = await supervisor.call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('the services process (forked as Electron forks it, under plain Node)', () => {
  it('serves the contract: calls made before it is ready wait for it, results come back, events arrive', async () => {
    const { supervisor } = supervise(startOptions());
    expect(supervisor.status().state).toBe('starting');
    // asked at once: the call waits for the workspace to open rather than failing
    const status = (await ok(supervisor, 'workspace.status', {})) as { host: string; store: { state: string } };
    expect(status.host).toBe('electron');
    expect(status.store.state).toBe('ready');
    expect(supervisor.status().state).toBe('ready');

    const changed = eventSeen(supervisor, (event) => event.name === 'workspace.changed');
    await ok(supervisor, 'workspace.startEmpty', {});
    expect((await changed).payload).toEqual({ reason: 'started-empty' });

    // the contract's own validation runs in the services process, and its typed error comes back
    const refused = await supervisor.call('conversations.get', { id: -1 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const unknown = await supervisor.call('no.such', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('killed with SIGKILL mid-work: the call under way fails with the retryable error, a new process serves again, and every window is told to read afresh', async () => {
    const start = startOptions();
    const { supervisor, statuses, log } = supervise(start);
    await ok(supervisor, 'workspace.status', {});
    const firstPid = supervisor.pid();

    // the demo load reports progress while it writes: kill the process in the middle of it, as soon as it says so
    const reconnecting = statusReached(supervisor, 'reconnecting');
    const off = supervisor.onEvent((event) => {
      if (event.name !== 'progress' || event.payload.task !== 'demo.load' || event.payload.done === 0) return;
      off();
      process.kill(firstPid!, 'SIGKILL');
    });
    const loading = supervisor.call('demo.load', {});

    const lost = await loading;
    expect(lost).toMatchObject({ ok: false, error: { code: 'transport' } });
    expect(!lost.ok && lost.error.message).toMatch(/stopped unexpectedly \(signal SIGKILL\)/);
    expect((await reconnecting).message).toMatch(/restarting/);
    // the workspace was left mid-write: its WAL is still beside it
    expect(fs.existsSync(path.join(start.dataDir, `${DATABASE_FILE_NAME}-wal`))).toBe(true);

    // a call made while it restarts waits for the new process instead of failing
    const restartedNews = eventSeen(supervisor, (event) => event.name === 'workspace.changed' && event.payload.reason === 'services-restarted');
    const afterRestart = (await ok(supervisor, 'workspace.status', {})) as { store: { state: string } };
    expect(afterRestart.store.state).toBe('ready');
    await restartedNews;
    expect(supervisor.pid()).not.toBe(firstPid);
    expect(statuses.map((status) => status.state)).toEqual(['ready', 'reconnecting', 'ready']);
    expect(log.some((line) => /ended unexpectedly \(signal SIGKILL\); restarting/.test(line))).toBe(true);
  });

  it('stops cleanly when asked: calls under way are answered, the workspace is closed with its WAL checkpointed, the process exits 0', async () => {
    const start = startOptions();
    const { supervisor } = supervise(start);
    await ok(supervisor, 'workspace.startEmpty', {});
    const underWay = supervisor.call('workspace.status', {});
    const exit = await supervisor.stop();
    expect(await underWay).toMatchObject({ ok: true });
    expect(exit).toEqual({ code: 0, signal: null });
    expect(supervisor.status().state).toBe('stopped');
    expect(fs.existsSync(path.join(start.dataDir, `${DATABASE_FILE_NAME}-wal`))).toBe(false);
    // after stopping, a call is answered at once with the retryable error
    expect(await supervisor.call('workspace.status', {})).toMatchObject({ ok: false, error: { code: 'transport' } });
  });

  it('a process that cannot come up is restarted a few times, then given up on: waiting calls fail rather than hang', async () => {
    const { supervisor, statuses } = supervise(startOptions(), CRASHING, { restartDelaysMs: [0, 0] });
    const call = supervisor.call('workspace.status', {});
    expect(await call).toMatchObject({ ok: false, error: { code: 'transport' } });
    const failed = await statusReached(supervisor, 'failed');
    expect(failed.message).toMatch(/not restarted/);
    expect(statuses.map((status) => status.state)).toEqual(['reconnecting', 'reconnecting', 'failed']);
    expect(await supervisor.call('workspace.status', {})).toMatchObject({ ok: false, error: { code: 'transport' } });
  });

  it('a process that does not stop when asked is ended, and the call it held is answered', async () => {
    const { supervisor } = supervise(startOptions(), DEAF, { stopTimeoutMs: 200 });
    await statusReached(supervisor, 'ready');
    const held = supervisor.call('workspace.status', {});
    const exit = await supervisor.stop();
    expect(exit).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await held).toMatchObject({ ok: false, error: { code: 'transport', message: expect.stringMatching(/closing/) } });
  });
});
