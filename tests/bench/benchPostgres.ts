/**
 * What the benches share about the store they run on: which one (BENCH_STORE: "sqlite", the
 * default, or "postgres"), a throwaway PostgreSQL 15 cluster stopped however the bench ends
 * (finished, failed, Ctrl-C), and the admin statements a bench runs on a cluster (databases made,
 * copied from a template, dropped).
 */
import pg from 'pg';
import { createPostgresDatabase, startThrowawayPostgres, type ThrowawayPostgres } from '../helpers/throwawayPostgres';

export type BenchStoreKind = 'sqlite' | 'postgres';

/** BENCH_STORE: which store a bench runs on (an unknown value ends the bench with a message). */
export function benchStoreKind(bench: string, env: NodeJS.ProcessEnv = process.env): BenchStoreKind {
  const value = (env.BENCH_STORE ?? '').trim().toLowerCase();
  if (value === '' || value === 'sqlite') return 'sqlite';
  if (value === 'postgres' || value === 'postgresql' || value === 'pg') return 'postgres';
  console.error(`${bench}: BENCH_STORE=${env.BENCH_STORE} is neither "sqlite" nor "postgres".`);
  process.exit(2);
}

/** `url` with its database replaced by `database`. */
export function withDatabase(url: string, database: string): string {
  return url.replace(/\/[^/?]*(\?.*)?$/, (_, query: string | undefined) => `/${database}${query ?? ''}`);
}

/** Runs `work` on one connection to the server at `serverUrl`, closed after it. */
export async function admin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops the database `url` names (its connections ended first). */
export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await admin(withDatabase(url, 'postgres'), (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** A copy of the database `templateUrl` names (nobody may be connected to it meanwhile), named `<prefix>_<random>`; its address. */
export async function copyDatabase(templateUrl: string, prefix: string): Promise<string> {
  const name = `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const template = new URL(templateUrl).pathname.slice(1);
  await admin(withDatabase(templateUrl, 'postgres'), (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return withDatabase(templateUrl, name);
}

/**
 * Calls `stop` once, whichever comes first: the returned function, the process exiting, or
 * Ctrl-C / SIGTERM (which then end the process as they would have). A PostgreSQL server a bench
 * started is not left running behind it.
 */
export function stopOnExit(stop: () => void): () => void {
  let stopped = false;
  const once = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', once);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    stop();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    once();
    process.kill(process.pid, signal);
  };
  process.once('exit', once);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return once;
}

export interface BenchPostgres {
  cluster: ThrowawayPostgres;
  /** A new empty database in the cluster; its address. */
  createDatabase(prefix: string): Promise<string>;
  /** Stops the cluster and deletes its files (also done on exit and Ctrl-C). */
  stop(): void;
}

/** A throwaway PostgreSQL 15 cluster (tests/helpers/throwawayPostgres.ts) for one bench run. */
export function startBenchPostgres(log: (message: string) => void): BenchPostgres {
  const started = performance.now();
  const cluster = startThrowawayPostgres();
  log(`started a throwaway PostgreSQL cluster in ${cluster.socketDir} (${Math.round(performance.now() - started)} ms)`);
  const stop = stopOnExit(() => {
    cluster.stop();
    log('stopped the throwaway PostgreSQL cluster');
  });
  return { cluster, createDatabase: (prefix) => createPostgresDatabase(cluster, prefix), stop };
}

/** The load average (1, 5, 15 minutes) as a bench prints it. */
export const loadText = (load: readonly number[]) => load.map((value) => value.toFixed(2)).join(' / ');
