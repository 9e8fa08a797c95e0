import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronAvailability = { available: true; binary: string } | { available: false; reason: string };

function installedBinary(packageDir: string): string | null {
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(packageDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

/**
 * Finds Electron's binary, downloading it once if the npm package has not yet (Electron ≥ 42 fetches
 * it on first use). Never throws: where the download cannot happen it says why.
 */
export function findElectronBinary(downloadTimeoutMs = 180_000): ElectronAvailability {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { available: false, reason: 'the electron package is not installed' };
  }
  const existing = installedBinary(packageDir);
  if (existing) return { available: true, binary: existing };
  const download = spawnSync(process.execPath, [path.join(packageDir, 'install.js')], {
    encoding: 'utf8',
    timeout: downloadTimeoutMs,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  const downloaded = installedBinary(packageDir);
  if (downloaded) return { available: true, binary: downloaded };
  // the first line that is not a stack frame says what went wrong ("TypeError: fetch failed")
  const said = `${download.stderr ?? ''}\n${download.stdout ?? ''}`
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line && !line.startsWith('at '));
  const reason = download.error?.message ?? said ?? 'the download did not finish';
  return { available: false, reason: `its binary could not be downloaded: ${reason}` };
}
