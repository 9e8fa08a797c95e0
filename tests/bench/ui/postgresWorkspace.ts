/**
 * The UI bench's generated workspace (benchStore.ts) on PostgreSQL, for bench:ui with
 * BENCH_STORE=postgres and for bench:team: built once into a database kept as a template, and
 * copied for each run with `CREATE DATABASE … TEMPLATE …` (seconds, not the build's minutes),
 * since the hosts write into it. The cluster's data folder is kept in `benchDir` (started and
 * stopped by the bench: one bench at a time per folder); `externalUrl` names another server to
 * use instead (a database on it, for the admin statements).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWorkspace } from '../../../electron/services/api/workspace';
import { createEventBus } from '../../../electron/services/events/eventBus';
import { DATABASE_URL_VARIABLE } from '../../../electron/services/store/store';
import { generateBenchWorkspace, RECIPE_VERSION, type BenchStoreInfo, type Targets } from './benchStore';
import { postgresAddressUrl, startPostgresCluster } from '../../helpers/throwawayPostgres';
import { admin, stopOnExit, withDatabase } from '../benchPostgres';

export interface PostgresWorkspace {
  /** This run's own database (a copy of the cached workspace). */
  url: string;
  /** The cached workspace's database (the template), for the report. */
  template: string;
  info: BenchStoreInfo;
  /** The cached workspace was there already. */
  reused: boolean;
  /** Drops this run's database and stops a cluster this bench started. */
  close(): Promise<void>;
}

/** Opens the cached workspace as the app would (migrating it once if the schema moved on) and counts it. */
async function countsOf(url: string, log: (message: string) => void): Promise<{ conversations: number; messages: number } | null> {
  const opened = await openWorkspace(path.join(os.tmpdir(), 'unused.sqlite'), createEventBus(), { ...process.env, [DATABASE_URL_VARIABLE]: url });
  if (opened.state !== 'ready') return null;
  try {
    if (opened.store.migration.applied.length) log(`migrated the cached workspace from schema ${opened.store.migration.from} to ${opened.store.migration.to}`);
    const byChannel = await opened.store.conversations.countByChannel();
    return { conversations: byChannel.chat + byChannel.email + byChannel.voice, messages: await opened.store.messages.count() };
  } finally {
    await opened.store.close();
  }
}

/** The cached workspace of this size (built if missing, or again with `regenerate`), and a copy of it for this run. */
export async function postgresWorkspace(
  benchDir: string,
  targets: Targets,
  externalUrl: string | undefined,
  log: (message: string) => void,
  regenerate = false,
): Promise<PostgresWorkspace> {
  fs.mkdirSync(benchDir, { recursive: true });
  const cluster = externalUrl ? null : startPostgresCluster(path.join(benchDir, 'pg'));
  // stopped however the run ends (Ctrl-C included): its data is kept for the next run
  const stopCluster = cluster ? stopOnExit(() => cluster.stop()) : () => undefined;
  try {
    const serverUrl = externalUrl ?? postgresAddressUrl(cluster!, 'postgres');
    const template = `kinship_bench_r${RECIPE_VERSION}_c${targets.conversations}_m${targets.messages}`;
    const templateUrl = withDatabase(serverUrl, template);
    const infoFile = path.join(benchDir, `${template}.json`);
    const exists = await admin(serverUrl, async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template])).rowCount === 1);
    let info: BenchStoreInfo | null = null;
    if (!regenerate && exists && fs.existsSync(infoFile)) {
      const cached = JSON.parse(fs.readFileSync(infoFile, 'utf8')) as BenchStoreInfo;
      const counts = await countsOf(templateUrl, log);
      if (counts?.conversations === targets.conversations && counts.messages === targets.messages) info = cached;
      else log(`the cached workspace ${template} holds ${JSON.stringify(counts)}: building it again`);
    }
    const reused = info !== null;
    if (!info) {
      await admin(serverUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${template}`);
        await client.query(`CREATE DATABASE ${template}`);
      });
      log(`building the workspace ${template} (${targets.conversations.toLocaleString('en-GB')} conversations, ${targets.messages.toLocaleString('en-GB')} messages) through the ingestion service`);
      const now = Math.floor(Date.now() / 60_000) * 60_000;
      info = await generateBenchWorkspace(path.join(benchDir, 'build'), now, targets, { ...process.env, [DATABASE_URL_VARIABLE]: templateUrl });
      info.dbBytes = await admin(serverUrl, async (client) => Number((await client.query<{ size: string }>('SELECT pg_database_size($1) AS size', [template])).rows[0]!.size));
      fs.writeFileSync(`${infoFile}.tmp`, JSON.stringify(info, null, 2));
      fs.renameSync(`${infoFile}.tmp`, infoFile);
    }
    if (cluster) {
      // runs that were stopped before they could drop their copies (the cluster is this bench's alone)
      await admin(serverUrl, async (client) => {
        const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'kinship_bench_run_%'");
        for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      });
    }
    const run = `kinship_bench_run_${process.pid}_${Date.now().toString(36)}`;
    const copyStarted = performance.now();
    await admin(serverUrl, (client) => client.query(`CREATE DATABASE ${run} TEMPLATE ${template}`));
    log(`this run's database ${run}: copied from ${template} in ${Math.round(performance.now() - copyStarted)} ms`);
    return {
      url: withDatabase(serverUrl, run),
      template,
      info,
      reused,
      async close() {
        try {
          await admin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${run} WITH (FORCE)`));
        } finally {
          stopCluster();
        }
      },
    };
  } catch (error) {
    stopCluster();
    throw error;
  }
}
