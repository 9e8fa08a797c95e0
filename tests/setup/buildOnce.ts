import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the build reads: a change to any of these makes out/ stale. */
const SOURCES = ['electron', 'shared', 'renderer', 'electron.vite.config.ts', 'package.json'];
/** What the tests run as built (the build writes every output anew, this one among them). */
const BUILT = 'out/main/analysisWorker.js';

function newestSourceMtime(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted or renamed file shows only as its folder's change
  for (const child of fs.readdirSync(entry, { withFileTypes: true })) {
    if (child.name === 'node_modules' || child.name.startsWith('.')) continue;
    newest = Math.max(newest, newestSourceMtime(path.join(entry, child.name)));
  }
  return newest;
}

/** True when the built output is missing or older than any source it is built from. */
export function needsBuild(root: string): boolean {
  let builtAt: number;
  try {
    builtAt = fs.statSync(path.join(root, BUILT)).mtimeMs;
  } catch {
    return true;
  }
  return SOURCES.some((source) => newestSourceMtime(path.join(root, source)) > builtAt);
}

/**
 * Some integration tests run the real analysis worker as built (out/main/analysisWorker.js).
 * `npm test` builds first; a bare `vitest run` builds here whenever the output is missing or stale,
 * so no test ever runs yesterday's code.
 */
export default function buildOnce(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  if (!needsBuild(root)) return;
  const cli = path.join(root, 'node_modules/electron-vite/bin/electron-vite.js');
  execFileSync(process.execPath, [cli, 'build'], { stdio: 'inherit', cwd: root });
}
