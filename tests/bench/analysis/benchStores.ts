/**
 * The workspace each analysis-bench run opens, on the store BENCH_STORE names: the backlog is
 * stored once in a template (a SQLite file, or a PostgreSQL database in a throwaway cluster) and
 * every run gets its own copy, opened as the hosts open theirs (openWorkspace: KINSHIP_DATABASE_URL
 * names the PostgreSQL database, as for the team server; else the SQLite file).
 */
import fs from 'node:fs';
import path from 'node:path';
import { openWorkspace, type ReadyWorkspace } from '../../../electron/services/api/workspace';
import type { EventBus } from '../../../electron/services/events/eventBus';
import { DATABASE_URL_VARIABLE } from '../../../electron/services/store/store';
import { copyDatabase, dropDatabase, startBenchPostgres, type BenchStoreKind } from '../benchPostgres';

export interface OpenedRun extends ReadyWorkspace {
  /** Deletes the run's copy (after its store is closed). */
  drop(): Promise<void>;
}

export interface BenchStores {
  kind: BenchStoreKind;
  /** What the report's header says of it. */
  description: string;
  /** The template, to store the backlog in (once, before any copy). */
  openTemplate(bus: EventBus): Promise<ReadyWorkspace>;
  /** A copy of the template for one run. */
  openRun(bus: EventBus): Promise<OpenedRun>;
  /** Stops what the bench started (also done on exit and Ctrl-C). */
  stop(): void;
}

async function open(sqliteFile: string, bus: EventBus, databaseUrl: string | null): Promise<ReadyWorkspace> {
  const { [DATABASE_URL_VARIABLE]: _ignored, ...env } = process.env;
  const workspace = await openWorkspace(sqliteFile, bus, databaseUrl ? { ...env, [DATABASE_URL_VARIABLE]: databaseUrl } : env);
  if (workspace.state !== 'ready') throw new Error(`bench: the workspace ${workspace.path} could not be opened: ${workspace.error.message}`);
  return workspace;
}

function copySqlite(from: string, to: string): void {
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(from + suffix)) fs.copyFileSync(from + suffix, to + suffix);
  }
}

export function benchStores(kind: BenchStoreKind, workDir: string, log: (message: string) => void): BenchStores {
  const templateFile = path.join(workDir, 'template.sqlite');
  if (kind === 'sqlite') {
    return {
      kind,
      description: 'SQLite (a file in a temp folder, copied for each run)',
      openTemplate: (bus) => open(templateFile, bus, null),
      async openRun(bus) {
        const dir = fs.mkdtempSync(path.join(workDir, 'run-'));
        const file = path.join(dir, 'kinship.sqlite');
        copySqlite(templateFile, file);
        return { ...(await open(file, bus, null)), drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
      },
      stop: () => undefined,
    };
  }
  const postgres = startBenchPostgres(log);
  let templateUrl: Promise<string> | null = null;
  return {
    kind,
    description: 'PostgreSQL 15 (a throwaway cluster on a private socket, fsync off; each run a copy of the template database)',
    openTemplate(bus) {
      templateUrl ??= postgres.createDatabase('kinship_bench_analysis');
      return templateUrl.then((url) => open(templateFile, bus, url));
    },
    async openRun(bus) {
      if (!templateUrl) throw new Error('bench: the template is opened before any run');
      const url = await copyDatabase(await templateUrl, 'kinship_bench_run');
      return { ...(await open(templateFile, bus, url)), drop: () => dropDatabase(url) };
    },
    stop: postgres.stop,
  };
}
