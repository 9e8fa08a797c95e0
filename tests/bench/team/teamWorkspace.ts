/**
 * The team bench's workspace: the UI bench's generated workspace (tests/bench/ui/benchStore.ts),
 * built once into a PostgreSQL database kept as a template, and copied for each run with
 * `CREATE DATABASE … TEMPLATE …` (seconds, not the build's minutes). The cluster's data folder is
 * kept in BENCH_TEAM_DIR; BENCH_TEAM_DATABASE_URL names another server to use instead.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWorkspace } from '../../../electron/services/api/workspace';
import { createEventBus } from '../../../electron/services/events/eventBus';
import { DATABASE_URL_VARIABLE } from '../../../electron/services/store/store';
import { generateBenchWorkspace, RECIPE_VERSION, type BenchStoreInfo, type Targets } from '../ui/benchStore';
import { postgresAddressUrl, startPostgresCluster } from '../../helpers/throwawayPostgres';
import { admin, stopOnExit, withDatabase } from '../benchPostgres';

export interface TeamDatabase {
  /** This run's own database (a copy of the cached workspace). */
  url: string;
  info: BenchStoreInfo;
  /** The cached workspace was there already. */
  reused: boolean;
  /** Drops this run's database and stops a cluster this bench started. */
  close(): Promise<void>;
}

function log(message: string) {
  console.error(`[bench:team] ${message}`);
}

/** Opens the cached workspace as the app would (migrating it once if the schema moved on) and counts it. */
async function countsOf(url: string): Promise<{ conversations: number; messages: number } | null> {
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

/** The cached workspace of this size (built if missing), and a copy of it for this run. */
export async function teamDatabase(benchDir: string, targets: Targets, externalUrl: string | undefined): Promise<TeamDatabase> {
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
    if (exists && fs.existsSync(infoFile)) {
      const cached = JSON.parse(fs.readFileSync(infoFile, 'utf8')) as BenchStoreInfo;
      const counts = await countsOf(templateUrl);
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
