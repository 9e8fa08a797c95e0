/**
 * The web host for `npm run bench:socket`, in its own process (started by socketBench.ts with
 * --expose-gc and an IPC channel), so that its memory is its own and the clients' work does not
 * share its event loop. It answers the driver's questions about its memory over IPC.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runWebHost } from '../../../electron/web/runWebHost';

const OUT = fileURLToPath(new URL('../../../out/', import.meta.url));
const RESOURCES = fileURLToPath(new URL('../../../resources/', import.meta.url));

export type HostRequest = { type: 'memory'; id: number; gc: boolean } | { type: 'stop' };
export type HostReply =
  | { type: 'ready'; url: string; dataDir: string }
  | { type: 'memory'; id: number; gcExposed: boolean; usage: NodeJS.MemoryUsage; dropped: number | null };

function reply(message: HostReply) {
  process.send!(message);
}

async function main() {
  const dataDir = process.argv[2] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-bench-socket-'));
  const host = await runWebHost({
    port: 0,
    dataDir,
    rendererDir: path.join(OUT, 'renderer') + path.sep,
    resourcesDir: RESOURCES,
    analysisWorkerUrl: new URL('../../../out/main/analysisWorker.js', import.meta.url),
  });
  process.on('message', (message: HostRequest) => {
    if (message.type === 'memory') {
      const gc = (globalThis as { gc?: () => void }).gc;
      // twice: the first pass can leave finalised objects for the second
      if (message.gc && gc) {
        gc();
        gc();
      }
      // connections the host itself dropped (null on a host without per-connection stats)
      const connections = (host as { connections?: () => { closeReason: string | null }[] }).connections?.();
      const dropped = connections ? connections.filter((c) => c.closeReason === 'not-reading' || c.closeReason === 'no-pong').length : null;
      reply({ type: 'memory', id: message.id, gcExposed: gc !== undefined, usage: process.memoryUsage(), dropped });
    } else if (message.type === 'stop') {
      void host.stop().then(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
  reply({ type: 'ready', url: host.url, dataDir });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
