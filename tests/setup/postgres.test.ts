import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { testPostgresDatabase } from '../helpers/testPostgres';

describe('the throwaway PostgreSQL', () => {
  it('gives this file a database of its own, on a private socket', async () => {
    const url = await testPostgresDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ db: string; version: string; fsync: string }>("SELECT current_database() AS db, current_setting('server_version') AS version, current_setting('fsync') AS fsync");
      expect(rows[0]!.db).toMatch(/^kinship_test_/);
      expect(rows[0]!.version).toMatch(/^15\./);
      expect(rows[0]!.fsync).toBe('off');
      expect(await testPostgresDatabase()).toBe(url);
    } finally {
      await client.end();
    }
  });
});
