import { spawn, type ChildProcess } from 'node:child_process';
import { test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('../../out/main/teamServer.js', import.meta.url));

export interface TeamServer {
  /** The address people open. */
  url: string;
  origin: string;
  /** The first admin's one-time link, as printed. */
  setupLink: string;
  dataDir: string;
  process: ChildProcess;
  /** Everything it has printed so far. */
  output(): string;
}

/** Starts `node out/main/teamServer.js` (what `npm run server` runs) on a free loopback port with a new, empty workspace. */
export async function startTeamServer(env: NodeJS.ProcessEnv = {}): Promise<TeamServer> {
  if (!fs.existsSync(ENTRY)) throw new Error('The team server is not built: run "npm run build" first.');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-team-e2e-'));
  const child = spawn(process.execPath, [ENTRY, '--port', '0'], { env: { ...process.env, KINSHIP_DATA_DIR: dataDir, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const { url, setupLink } = await new Promise<{ url: string; setupLink: string }>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /People open: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
      const setupLink = /Setup link: (http:\/\/127\.0\.0\.1:\d+\/#setup=[\w-]+)/.exec(output)?.[1];
      if (url && setupLink) resolve({ url, setupLink });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`team server exited with ${code}:\n${output}`)));
  });
  return { url, origin: new URL(url).origin, setupLink, dataDir, process: child, output: () => output };
}

export async function stopTeamServer(server: TeamServer): Promise<void> {
  if (server.process.exitCode === null) {
    server.process.kill('SIGTERM');
    await new Promise((resolve) => server.process.once('exit', resolve));
  }
  fs.rmSync(server.dataDir, { recursive: true, force: true });
}

/** A team server for the tests of one file: started before the first, stopped after the last. Returns the running one. */
export function teamServerForFile(): () => TeamServer {
  let server: TeamServer | null = null;
  test.beforeAll(async () => {
    server = await startTeamServer();
  });
  test.afterAll(async () => {
    if (server) await stopTeamServer(server);
  });
  return () => {
    if (!server) throw new Error('the team server is started before the tests');
    return server;
  };
}

/** Screenshots of the page as it is, at 1440×900 and at 1280×720, into the test's output folder (`<name>-<width>x<height>.png`). */
export async function look(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}x${height}.png`), fullPage: false });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}
