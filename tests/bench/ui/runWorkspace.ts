/**
 * The workspace one bench:ui run works on, on the store BENCH_STORE names: a copy of the cached
 * SQLite file (benchStore.ts), or a copy of the cached PostgreSQL database (postgresWorkspace.ts)
 * that the web host is given as KINSHIP_DATABASE_URL, as a team server is. Copies, because the
 * web host writes readings into them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATABASE_URL_VARIABLE } from '../../../electron/services/store/store';
import type { BenchStoreKind } from '../benchPostgres';
import { copyForRun, ensureBenchStore, type BenchStoreInfo, type Targets } from './benchStore';
import { postgresWorkspace } from './postgresWorkspace';

export interface RunWorkspace {
  store: BenchStoreKind;
  info: BenchStoreInfo;
  reused: boolean;
  /** Where the cached workspace is kept, as the report says it. */
  cachedIn: string;
  /** The web host's data folder for this run (with SQLite, it holds the copy). */
  runDir: string;
  /** What the web host and the api measured alone are opened with. */
  env: NodeJS.ProcessEnv;
  /** Deletes this run's copy (and stops a PostgreSQL cluster the bench started). */
  close(): Promise<void>;
}

export interface WorkspaceSettings {
  store: BenchStoreKind;
  targets: Targets;
  regenerate: boolean;
  log: (message: string) => void;
  env?: NodeJS.ProcessEnv;
}

/**
 * SQLite: BENCH_UI_DIR (the cached file's folder; default <tmp>/kinship-bench-ui-100k).
 * PostgreSQL: BENCH_UI_PG_DIR (the kept cluster's folder; default <tmp>/kinship-bench-ui-pg), or
 * BENCH_UI_DATABASE_URL (a database on a server of your own, for the admin statements).
 */
export async function runWorkspace({ store, targets, regenerate, log, env = process.env }: WorkspaceSettings): Promise<RunWorkspace> {
  const setting = (name: string) => env[name]?.trim() || undefined;
  if (store === 'postgres') {
    const dir = setting('BENCH_UI_PG_DIR') ?? path.join(os.tmpdir(), 'kinship-bench-ui-pg');
    const external = setting('BENCH_UI_DATABASE_URL');
    const database = await postgresWorkspace(dir, targets, external, log, regenerate);
    const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-bench-ui-run-'));
    return {
      store,
      info: database.info,
      reused: database.reused,
      cachedIn: `the PostgreSQL database ${database.template} (${external ? 'on the server BENCH_UI_DATABASE_URL names' : `a cluster kept in ${dir}`})`,
      runDir,
      env: { [DATABASE_URL_VARIABLE]: database.url },
      async close() {
        fs.rmSync(runDir, { recursive: true, force: true });
        await database.close();
      },
    };
  }
  const cached = await ensureBenchStore(setting('BENCH_UI_DIR') ?? path.join(os.tmpdir(), 'kinship-bench-ui-100k'), regenerate, targets);
  const runDir = copyForRun(cached);
  return {
    store,
    info: cached.info,
    reused: cached.reused,
    cachedIn: cached.dir,
    runDir,
    env: {},
    async close() {
      fs.rmSync(runDir, { recursive: true, force: true });
    },
  };
}
