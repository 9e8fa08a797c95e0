import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

/** The run's throwaway cluster (tests/setup/postgres.ts) as a connection address for `database`. */
export function postgresUrl(database: string): string {
  const { socketDir, port, user } = inject('postgres');
  return `postgresql://${user}@${encodeURIComponent(socketDir)}:${port}/${database}`;
}

let fileDatabase: Promise<string> | null = null;

/**
 * This test file's own database in the run's cluster (made on first use, dropped after the file):
 * files run in parallel, each in its own database; tests in a file share it, one after another.
 */
export function testPostgresDatabase(): Promise<string> {
  fileDatabase ??= createDatabase(`kinship_test_${randomBytes(6).toString('hex')}`);
  return fileDatabase;
}

/** A database of its own in the run's cluster (beside this file's), for a test that needs one empty and unmigrated. */
export async function newPostgresDatabase(prefix: string): Promise<string> {
  await testPostgresDatabase();
  return createDatabase(`${prefix}_${randomBytes(5).toString('hex')}`);
}

/** Makes the database `name` in the run's cluster; its address. */
async function createDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: postgresUrl('postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return postgresUrl(name);
}

afterAll(async () => {
  if (!fileDatabase) return;
  const url = await fileDatabase;
  fileDatabase = null;
  const admin = new pg.Client({ connectionString: postgresUrl('postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
});
