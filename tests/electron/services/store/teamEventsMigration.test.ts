import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../../electron/services/store/migrations';
import { openPostgres } from '../../../../electron/services/store/postgres/openPostgres';
import { newPostgresDatabase } from '../../../helpers/testPostgres';

describe('migration 20 (team events too large to notify) on a PostgreSQL workspace holding data', () => {
  it('keeps what is stored and adds the empty table, numbered from 1', async () => {
    const url = await newPostgresDatabase('kinship_team');
    await (await openPostgres(url, { migrations: migrations.filter((m) => m.version < 20) })).db.destroy();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("INSERT INTO customers (id, display_name, created_at) VALUES (1, 'Lucy Chapman', 0)");
      await client.query("INSERT INTO conversations (id, customer_id, channel, status, subject, created_at, updated_at) VALUES (7, 1, 'chat', 'open', 'Wrong colour', 0, 0)");
      await client.query("INSERT INTO messages (id, conversation_id, author, body, sent_at, dedupe_key, created_at) VALUES (70, 7, 'customer', 'You refunded the wrong card', 1000, 'a', 1000)");
      const opened = await openPostgres(url, { migrations: migrations.filter((m) => m.version <= 20) });
      await opened.db.destroy();
      expect(opened.migration.applied).toEqual(['20 team events too large to notify']);
      expect((await client.query('SELECT id::int, body FROM messages')).rows).toEqual([{ id: 70, body: 'You refunded the wrong card' }]);
      expect((await client.query('SELECT count(*)::int AS n FROM team_events')).rows).toEqual([{ n: 0 }]);
      expect((await client.query("INSERT INTO team_events (body, created_at) VALUES ('{}', 1) RETURNING id::int")).rows).toEqual([{ id: 1 }]);
    } finally {
      await client.end();
    }
  });
});
