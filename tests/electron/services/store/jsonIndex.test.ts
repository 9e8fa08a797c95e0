import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresSql, sqliteSql } from '../../../../electron/services/store/sqlDialect';
import { openTestStore } from '../../../helpers/bothStores';
import { testPostgresDatabase } from '../../../helpers/testPostgres';

/**
 * E-mail threading looks a message up by its Message-ID inside meta: the lookup must be spelt as
 * the expression index is built (messages_email_id), or every arrival scans all messages.
 */
describe('the e-mail Message-ID lookup', () => {
  it('uses messages_email_id on SQLite', async () => {
    const { store } = await openTestStore('sqlite');
    const db = new Database(store.path, { readonly: true });
    const kysely = new Kysely({ dialect: new SqliteDialect({ database: db }) });
    try {
      const query = sql`SELECT id FROM messages WHERE ${sqliteSql.jsonText(sql.ref('meta'), 'messageId')} = ${'<a@x>'}`.compile(kysely);
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.parameters) as { detail: string }[];
      expect(plan.map((row) => row.detail).join('\n')).toMatch(/USING (COVERING )?INDEX messages_email_id/);
    } finally {
      await kysely.destroy();
    }
  });

  it('uses messages_email_id on PostgreSQL', async () => {
    await openTestStore('postgres');
    const client = new pg.Client({ connectionString: await testPostgresDatabase() });
    await client.connect();
    const kysely = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ max: 1 }) }) });
    try {
      const query = sql`SELECT id FROM messages WHERE ${postgresSql.jsonText(sql.ref('meta'), 'messageId')} = ${'<a@x>'}`.compile(kysely);
      // (an empty table is read whole whatever the indexes: the plan is asked with scans of the whole table ruled out)
      await client.query('SET enable_seqscan = off');
      const plan = (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${query.sql}`, [...query.parameters])).rows.map((row) => row['QUERY PLAN']).join('\n');
      expect(plan, query.sql).toMatch(/messages_email_id/);
    } finally {
      await client.end();
      await kysely.destroy();
    }
  });
});
