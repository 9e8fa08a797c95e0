import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Some integration tests run the real analysis worker as built (out/main/analysisWorker.js).
 * `npm test` builds first; a bare `vitest run` on a fresh checkout builds here once.
 */
export default function buildOnce(): void {
  const worker = fileURLToPath(new URL('../../out/main/analysisWorker.js', import.meta.url));
  if (!fs.existsSync(worker)) {
    const cli = fileURLToPath(new URL('../../node_modules/electron-vite/bin/electron-vite.js', import.meta.url));
    execFileSync(process.execPath, [cli, 'build'], { stdio: 'inherit' });
  }
}
