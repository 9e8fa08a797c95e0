import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { StoreProblem } from '../../../../shared/contract/domain';
import type { MigrationReport } from '../migrate';
import { migrations as allMigrations, type Migration } from '../migrations';
import type { KinshipDatabase } from '../schema';
import { describeStoreProblem, StoreOpenError, translatingStoreErrors } from '../storeErrors';
import { postgresBaseline } from './baselineSchema';

/** A PostgreSQL workspace starts here: the baseline is SQLite's schema at this version. */
export const POSTGRES_BASELINE_VERSION = 13;
/** Serialises migrations across every server process starting on one database ('KINS'). */
const MIGRATION_LOCK = 0x4b494e53;

/** How long a connection, a statement, a lock wait and an idle open transaction may take (ms; 0: no limit). */
export interface PostgresTimeouts {
  /** Getting a connection from the pool (a new one included). */
  connect: number;
  /** One statement, on the server (statement_timeout). */
  statement: number;
  /** Waiting for one lock, on the server (lock_timeout). */
  lock: number;
  /** A transaction left open with nothing running: the server ends its session (idle_in_transaction_session_timeout), letting its locks go. */
  idleInTransaction: number;
}

export const DEFAULT_POSTGRES_TIMEOUTS: PostgresTimeouts = { connect: 10_000, statement: 120_000, lock: 30_000, idleInTransaction: 60_000 };

/** The environment variables that override each timeout (milliseconds; 0: no limit). */
export const POSTGRES_TIMEOUT_VARIABLES: Record<keyof PostgresTimeouts, string> = {
  connect: 'KINSHIP_PG_CONNECT_TIMEOUT_MS',
  statement: 'KINSHIP_PG_STATEMENT_TIMEOUT_MS',
  lock: 'KINSHIP_PG_LOCK_TIMEOUT_MS',
  idleInTransaction: 'KINSHIP_PG_IDLE_IN_TRANSACTION_TIMEOUT_MS',
};

/** The timeouts the environment sets (whole milliseconds, 0 or more); the others are left to the defaults. */
export function postgresTimeoutsFrom(env: NodeJS.ProcessEnv): Partial<PostgresTimeouts> {
  const set: Partial<PostgresTimeouts> = {};
  for (const [name, variable] of Object.entries(POSTGRES_TIMEOUT_VARIABLES) as [keyof PostgresTimeouts, string][]) {
    const text = env[variable]?.trim();
    if (!text) continue;
    if (!/^\d+$/.test(text)) throw new Error(`${variable} must be a whole number of milliseconds (0: no limit), not "${text}".`);
    set[name] = Number(text);
  }
  return set;
}

export interface PostgresOptions {
  migrations?: readonly Migration[];
  /** Connections in the pool. */
  poolSize?: number;
  /** Timeouts other than the defaults (DEFAULT_POSTGRES_TIMEOUTS). */
  timeouts?: Partial<PostgresTimeouts>;
  /** Where the pool's own failures are told (an idle connection the server ended): the host's log; console.error by default. */
  log?: (message: string) => void;
}

export interface OpenedPostgres {
  db: Kysely<KinshipDatabase>;
  pool: pg.Pool;
  /**
   * A connection apart from the pool (a pool of one) for the team channel's notifications: an event
   * is told to the other server processes as soon as it is committed, never queued behind the pool's
   * queries (a busy pool held every notification back until a connection came free).
   */
  notifier: Kysely<KinshipDatabase>;
  notifierPool: pg.Pool;
  /** The address without its password, for messages. */
  path: string;
  migration: MigrationReport;
}

/** int8 (ids, times in ms, counts) read as numbers: every one of ours is far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the PostgreSQL database';
  }
}

function fail(reason: StoreProblem, where: string, detail: string): never {
  throw new StoreOpenError(reason, where, describeStoreProblem(reason, where, detail));
}

/**
 * Brings a PostgreSQL workspace up to the last migration in one transaction, under an advisory lock
 * (several server processes may start at once; one migrates, the others then find it done). Refuses
 * a database holding tables that are not Kinship's, and one written by a newer Kinship.
 */
export async function migratePostgres(pool: pg.Pool, migrations: readonly Migration[], where: string): Promise<MigrationReport> {
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : POSTGRES_BASELINE_VERSION;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // a migration may rewrite every row, and wait for another process's: no statement or lock limit
    await client.query('SET LOCAL statement_timeout = 0');
    await client.query('SET LOCAL lock_timeout = 0');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const marked = (await client.query<{ found: string | null }>("SELECT to_regclass('kinship_schema')::text AS found")).rows[0]!.found !== null;
    let from = 0;
    if (marked) {
      from = (await client.query<{ version: number }>('SELECT version FROM kinship_schema')).rows[0]?.version ?? 0;
    } else {
      const tables = (await client.query<{ n: number }>('SELECT count(*) AS n FROM pg_tables WHERE schemaname = current_schema()')).rows[0]!.n;
      if (tables > 0) fail('unreadable', where, 'the database holds tables, but not Kinship’s');
    }
    if (from > latest) fail('newer-version', where, `schema ${from}; this Kinship knows up to ${latest}`);
    const ctype = (await client.query<{ ok: boolean }>("SELECT 'é' ~ '[[:alpha:]]' AS ok")).rows[0]!.ok;
    if (!ctype) fail('io', where, 'the database’s character type (LC_CTYPE) is not a UTF-8 locale; create it with one, e.g. C.UTF-8');
    const applied: string[] = [];
    if (from < POSTGRES_BASELINE_VERSION && latest >= POSTGRES_BASELINE_VERSION) {
      await client.query('CREATE TABLE kinship_schema (version integer NOT NULL)');
      await client.query(postgresBaseline);
      await client.query('INSERT INTO kinship_schema (version) VALUES ($1)', [POSTGRES_BASELINE_VERSION]);
      applied.push(...migrations.filter((m) => m.version <= POSTGRES_BASELINE_VERSION).map((m) => `${m.version} ${m.name}`));
    }
    for (const migration of migrations.filter((m) => m.version > Math.max(from, POSTGRES_BASELINE_VERSION))) {
      if (migration.postgres === undefined) throw new Error(`migration ${migration.version} (${migration.name}) has no PostgreSQL form`);
      await migration.prepare?.postgres(client);
      await client.query(migration.postgres);
      await client.query('UPDATE kinship_schema SET version = $1', [migration.version]);
      applied.push(`${migration.version} ${migration.name}`);
    }
    await client.query('COMMIT');
    return { from, to: Math.max(from, latest), applied, backupPath: null };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * A pool of connections to `url` with the store's timeouts and types. A connection the server ended
 * (restarted, or a transaction left idle too long), idle in the pool or in use, must not bring the
 * process down: the pool drops it and opens another when asked (a transaction on it fails as any
 * failed write). Each connection lost is told once, to the log: one that dies raises several errors
 * (the server's reason, then "Connection terminated unexpectedly" as its socket closes), and only the
 * first says why.
 */
function createPool(url: string, where: string, size: number, options: PostgresOptions, keepIdle = false): pg.Pool {
  const timeouts = { ...DEFAULT_POSTGRES_TIMEOUTS, ...options.timeouts };
  const pool = new pg.Pool({
    connectionString: url,
    max: size,
    types,
    // (0: an idle connection is kept, not closed after 10 s)
    ...(keepIdle ? { idleTimeoutMillis: 0 } : {}),
    // (0: none; the pg client sends only the limits that are set)
    connectionTimeoutMillis: timeouts.connect,
    statement_timeout: timeouts.statement,
    lock_timeout: timeouts.lock,
    idle_in_transaction_session_timeout: timeouts.idleInTransaction,
  });
  const log = options.log ?? ((message: string) => console.error(message));
  const told = new WeakSet<pg.PoolClient>();
  const tell = (error: Error, client: pg.PoolClient) => {
    if (told.has(client)) return;
    told.add(client);
    log(`Kinship: a PostgreSQL connection to ${where} failed and was let go (${error.message}); the next query opens another.`);
  };
  pool.on('error', tell);
  pool.on('connect', (client) => client.on('error', (error) => tell(error, client)));
  return pool;
}

/** Connects to the workspace at `url` (KINSHIP_DATABASE_URL) and migrates it. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<OpenedPostgres> {
  const where = redactedUrl(url);
  const pool = createPool(url, where, options.poolSize ?? 10, options);
  try {
    const migration = await migratePostgres(pool, options.migrations ?? allMigrations, where);
    const db = new Kysely<KinshipDatabase>({ dialect: translatingStoreErrors(new PostgresDialect({ pool })) });
    // the team channel's notifications on a connection of their own (made when first used, then kept)
    const notifierPool = createPool(url, where, 1, options, true);
    const notifier = new Kysely<KinshipDatabase>({ dialect: translatingStoreErrors(new PostgresDialect({ pool: notifierPool })) });
    return { db, pool, notifier, notifierPool, path: where, migration };
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof StoreOpenError) throw error;
    fail('io', where, error instanceof Error ? error.message : String(error));
  }
}
