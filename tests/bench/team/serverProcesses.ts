/** The bench's K team servers: child processes (serverProcess.ts) over one PostgreSQL database. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IngestMessage } from '../../../shared/contract/ingestion';
import { DATABASE_URL_VARIABLE } from '../../../electron/services/store/store';
import type { FromServer, ToServer } from './serverProcess';

const ENTRY = fileURLToPath(new URL('./serverProcess.ts', import.meta.url));

export interface BenchServer {
  index: number;
  url: string;
  origin: string;
  setupLink: string | null;
  process: ChildProcess;
  /** Hands a customer's message to this server's ingestion service. */
  ingest(item: IngestMessage): Promise<{ messageId: number; conversationId: number }>;
  output(): string;
  stop(): Promise<void>;
}

export async function startBenchServer(index: number, databaseUrl: string, modelsDir: string | null): Promise<BenchServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-bench-team-server-'));
  const child = fork(ENTRY, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, [DATABASE_URL_VARIABLE]: databaseUrl, KINSHIP_DATA_DIR: dataDir, ...(modelsDir ? { KINSHIP_MODELS_DIR: modelsDir } : {}) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const pending = new Map<number, { resolve: (value: { messageId: number; conversationId: number }) => void; reject: (error: Error) => void }>();
  let nextSeq = 1;
  const ready = await new Promise<Extract<FromServer, { type: 'ready' }>>((resolve, reject) => {
    child.on('message', (message: FromServer) => {
      if (message.type === 'ready') resolve(message);
      else if (message.type === 'ingested') pending.get(message.seq)?.resolve(message);
      else pending.get(message.seq)?.reject(new Error(message.error));
      if (message.type !== 'ready') pending.delete(message.seq);
    });
    child.once('exit', (code) => {
      reject(new Error(`team server ${index + 1} exited with ${code}:\n${output}`));
      for (const { reject: fail } of pending.values()) fail(new Error(`team server ${index + 1} exited`));
      pending.clear();
    });
  });
  return {
    index,
    url: ready.url,
    origin: new URL(ready.url).origin,
    setupLink: ready.setupLink,
    process: child,
    output: () => output,
    ingest(item) {
      const seq = nextSeq++;
      return new Promise((resolve, reject) => {
        pending.set(seq, { resolve, reject });
        child.send({ type: 'ingest', seq, item } satisfies ToServer);
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
