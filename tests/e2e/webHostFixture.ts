import { test as base, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { queueShown } from './queueShown';

export interface WebHost {
  /** The address the host printed, with its token. */
  url: string;
  /** The same address without the token. */
  origin: string;
  dataDir: string;
  /** Milliseconds from spawning the process to its "ready" line. */
  startMs: number;
}

/** The team's stand-in models beside the checkout, used unless KINSHIP_MODELS_DIR says otherwise. */
const SHARED_MODELS = fileURLToPath(new URL('../../../shared/models/', import.meta.url));

const ENTRY = fileURLToPath(new URL('../../out/main/webHost.js', import.meta.url));

/**
 * Starts `node out/main/webHost.js` on a free port, with the workspace in `dataDir` (by default a
 * new, empty temp folder).
 */
export async function startWebHost(
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-e2e-')),
  env: NodeJS.ProcessEnv = {},
  /**
   * How long it may take to print its address. Tests leave it unset: the test's own limit bounds it,
   * since a loaded machine can take many seconds (20 s was once too few at load 33). Benchmarks set one.
   */
  startTimeoutMs?: number,
): Promise<{ host: WebHost; process: ChildProcess }> {
  if (!fs.existsSync(ENTRY)) throw new Error('The web host is not built: run "npm run build" first.');
  const started = performance.now();
  const child = spawn(process.execPath, [ENTRY, '--port', '0'], {
    env: {
      ...process.env,
      KINSHIP_DATA_DIR: dataDir,
      ...(fs.existsSync(SHARED_MODELS) && !process.env.KINSHIP_MODELS_DIR ? { KINSHIP_MODELS_DIR: SHARED_MODELS } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = startTimeoutMs === undefined ? undefined : setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), startTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}:\n${output}`)));
  });
  const startMs = performance.now() - started;
  return { host: { url, origin: new URL(url).origin, dataDir, startMs }, process: child };
}

/**
 * Opens the console at `url`, loading the demo first if that workspace is still empty (Playwright
 * restarts a worker after a failure, and with it a fresh host, so no test may count on another).
 */
export async function openConsoleWithDemo(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const load = page.getByRole('button', { name: 'Load the demo workspace' });
  const shell = page.getByRole('navigation', { name: 'Main navigation' });
  await load.or(shell).first().waitFor();
  if (await load.isVisible()) await load.click();
  await shell.waitFor();
  // the inbox as a person opens it the first time (it otherwise reopens where the last test left it)
  await page.evaluate(() => {
    window.location.hash = '#/inbox';
  });
  await page.getByTestId('conversation-row').first().waitFor();
  // rows read from here on are the view's as read (a list being read again says so)
  await queueShown(page);
}

/**
 * Shows every conversation, newest first (the inbox opens on open work, whoever has waited longest
 * on top), for tests about a conversation that has just arrived or just been answered.
 */
export async function showEverythingNewestFirst(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.location.hash = '#/inbox?status=all&sort=recent';
  });
  await page.getByRole('textbox', { name: 'Sort' }).and(page.locator('[value="Newest first"]')).waitFor();
  // the new view is read first: its rows, its count, only once it is shown
  await queueShown(page);
}

export const haveSharedModels = fs.existsSync(SHARED_MODELS);

/** Stops a host started with startWebHost and removes its workspace. */
export async function stopWebHost({ host, process: child }: { host: WebHost; process: ChildProcess }): Promise<void> {
  if (child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  fs.rmSync(host.dataDir, { recursive: true, force: true });
}

export const test = base.extend<object, { webHost: WebHost }>({
  webHost: [
    async ({}, use) => {
      const started = await startWebHost();
      await use(started.host);
      await stopWebHost(started);
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
