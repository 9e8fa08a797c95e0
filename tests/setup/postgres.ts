import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

/** Debian's PostgreSQL 15 (`.ci/run` installs it); KINSHIP_PG_BIN names another build's bin folder. */
const PG_BIN = process.env.KINSHIP_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface TestPostgres {
  /** The folder holding the server's socket (a private one: nothing else can reach this cluster). */
  socketDir: string;
  port: number;
  user: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: TestPostgres;
  }
}

/**
 * One throwaway PostgreSQL cluster for the whole test run, on a private socket, fsync off; each
 * test file makes its own database in it (tests/helpers/testPostgres.ts). initdb refuses root, so
 * as root the cluster is made and run by the unprivileged `postgres` user.
 */
export default function startPostgres(project: TestProject): () => void {
  const initdb = path.join(PG_BIN, 'initdb');
  if (!fs.existsSync(initdb)) {
    throw new Error(`PostgreSQL is not installed (${initdb} is missing): apt-get install postgresql-15, or set KINSHIP_PG_BIN.`);
  }
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? 'postgres' : os.userInfo().username;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-pg-'));
  if (asRoot) execFileSync('chown', [user, dir]);
  fs.chmodSync(dir, 0o700);
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', user, '--', path.join(PG_BIN, command), ...args]] : [path.join(PG_BIN, command), args];
    const result = spawnSync(file, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout}`);
  };
  const data = path.join(dir, 'data');
  const port = 5432;
  run('initdb', ['-D', data, '-A', 'trust', '-U', user, '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  const options = `-k ${dir} -p ${port} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', options, '-w', 'start']);
  project.provide('postgres', { socketDir: dir, port, user });
  return () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}
