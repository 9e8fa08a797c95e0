import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { createPostgresDatabase, postgresAddressUrl } from './throwawayPostgres';

/** The run's throwaway cluster (tests/setup/postgres.ts) as a connection address for `database`. */
export function postgresUrl(database: string): string {
  return postgresAddressUrl(inject('postgres'), database);
}

let fileDatabase: Promise<string> | null = null;

/**
 * This test file's own database in the run's cluster (made on first use, dropped after the file):
 * files run in parallel, each in its own database; tests in a file share it, one after another.
 */
export function testPostgresDatabase(): Promise<string> {
  fileDatabase ??= createPostgresDatabase(inject('postgres'));
  return fileDatabase;
}

/**
 * A database of a test's own in the run's cluster, beside this file's (dropped with the cluster):
 * for a test that needs one empty and unmigrated, or built from an older version.
 */
export async function newPostgresDatabase(prefix: string): Promise<string> {
  await testPostgresDatabase();
  return createPostgresDatabase(inject('postgres'), prefix);
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
