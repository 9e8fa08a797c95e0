import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main as startWebHost } from '../web/cli';
import { findElectronBinary } from './electronBinary';

/**
 * `npm start`: the console in Electron where Electron can be had; otherwise, in one plain sentence,
 * why not, and the same console served to the browser by the web host.
 */
const electron = process.env.KINSHIP_HOST === 'web' ? { available: false as const, reason: 'KINSHIP_HOST=web was set' } : findElectronBinary();
if (electron.available) {
  const appDir = fileURLToPath(new URL('../..', import.meta.url));
  const child = spawn(electron.binary, [appDir], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    `Electron is not available on this machine (${electron.reason}), so Kinship is starting its web host instead: open the address below in a browser.`,
  );
  startWebHost().catch((error: unknown) => {
    console.error(`Kinship could not start its web host: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
