import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** Debian's PostgreSQL 15 (`.ci/run` installs it); KINSHIP_PG_BIN names another build's bin folder. */
const PG_BIN = process.env.KINSHIP_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Where a throwaway cluster listens: a private socket folder (nothing else can reach it). */
export interface PostgresAddress {
  socketDir: string;
  port: number;
  user: string;
}

export interface ThrowawayPostgres extends PostgresAddress {
  /** Stops the server at once and deletes its files. */
  stop(): void;
}

/**
 * A PostgreSQL cluster for one test run, made in a temp folder and served on a private socket with
 * fsync off. initdb refuses root, so as root the cluster is made and run by the unprivileged
 * `postgres` user.
 */
export function startThrowawayPostgres(): ThrowawayPostgres {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-pg-'));
  const cluster = startPostgresCluster(dir, 'immediate');
  return {
    ...cluster,
    stop() {
      try {
        cluster.stop();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * A PostgreSQL cluster kept in `dir` (its data and its socket), made there the first time and
 * started again on later calls (a benchmark's cached workspace). stop() stops the server and keeps
 * the files (a shutdown checkpoint, so data written with fsync off is kept).
 */
export function startPostgresCluster(dir: string, stopMode: 'fast' | 'immediate' = 'fast'): ThrowawayPostgres {
  const initdb = path.join(PG_BIN, 'initdb');
  if (!fs.existsSync(initdb)) {
    throw new Error(`PostgreSQL is not installed (${initdb} is missing): apt-get install postgresql-15, or set KINSHIP_PG_BIN.`);
  }
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? 'postgres' : os.userInfo().username;
  fs.mkdirSync(dir, { recursive: true });
  if (asRoot) execFileSync('chown', [user, dir]);
  fs.chmodSync(dir, 0o700);
  const run = (command: string, args: string[], allowFailure = false) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', user, '--', path.join(PG_BIN, command), ...args]] : [path.join(PG_BIN, command), args];
    const result = spawnSync(file, argv, { encoding: 'utf8' });
    if (result.status !== 0 && !allowFailure) throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout}`);
    return result.status;
  };
  const data = path.join(dir, 'data');
  const port = 5432;
  if (!fs.existsSync(path.join(data, 'PG_VERSION'))) {
    run('initdb', ['-D', data, '-A', 'trust', '-U', user, '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  } else if (run('pg_ctl', ['-D', data, 'status'], true) === 0) {
    // left running by a run that did not finish: started again, as this run's
    run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  }
  const options = `-k ${dir} -p ${port} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', options, '-w', 'start']);
  return {
    socketDir: dir,
    port,
    user,
    stop() {
      run('pg_ctl', ['-D', data, '-m', stopMode, '-w', 'stop']);
    },
  };
}

/** The connection address of `database` in the cluster at `address`. */
export function postgresAddressUrl(address: PostgresAddress, database: string): string {
  return `postgresql://${address.user}@${encodeURIComponent(address.socketDir)}:${address.port}/${database}`;
}

/** A new, empty database in the cluster (named `<prefix>_<random>`); its address. */
export async function createPostgresDatabase(address: PostgresAddress, prefix = 'kinship_test'): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresAddressUrl(address, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return postgresAddressUrl(address, name);
}
