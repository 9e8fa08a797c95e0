import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openTestStore } from '../../../helpers/bothStores';
import { testPostgresDatabase } from '../../../helpers/testPostgres';

/**
 * On PostgreSQL, a new conversation and a new customer identity refresh the conversation search
 * rows through a trigger. That refresh read every conversation (a condition no index answers, in a
 * function planned without its arguments), so each arrival that made a conversation or linked an
 * identity took longer the more conversations there were. It must read only the conversations it
 * refreshes: counted here as the rows of `conversations` read by the inserting transaction.
 */
const T0 = Date.UTC(2026, 10, 29, 9, 0);
const OTHERS = 200;

describe('conversation search refresh on PostgreSQL', () => {
  it('reads only the conversations it refreshes when a conversation or an identity is added', async () => {
    const { store } = await openTestStore('postgres');
    await store.transaction(async () => {
      for (let i = 0; i < OTHERS; i++) {
        const customerId = await store.customers.create(`Customer ${i}`, T0);
        await store.conversations.create({ customerId, channel: 'chat', status: 'open', subject: `Order ${i}`, queue: 'general', assigneeId: null, externalRef: `ref-${i}`, createdAt: T0 });
      }
    });
    const client = new pg.Client({ connectionString: await testPostgresDatabase() });
    await client.connect();
    const conversationRowsRead = async () => {
      const { rows } = await client.query<{ n: string }>(
        "SELECT coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) AS n FROM pg_stat_xact_user_tables WHERE relname = 'conversations'");
      return Number(rows[0]!.n);
    };
    try {
      await client.query('BEGIN');
      // (a table this small is read whole whatever the indexes: scans of the whole table are ruled out, so only a plan that must scan does)
      await client.query('SET LOCAL enable_seqscan = off');
      const customer = (await client.query<{ id: string }>("INSERT INTO customers (display_name, created_at) VALUES ('Ines Duarte', 0) RETURNING id")).rows[0]!.id;
      const before = await conversationRowsRead();
      await client.query("INSERT INTO conversations (customer_id, channel, status, subject, created_at, updated_at) VALUES ($1, 'email', 'open', 'A parcel', 0, 0)", [customer]);
      await client.query("INSERT INTO customer_identities (customer_id, kind, value, value_key) VALUES ($1, 'email', 'ines@example.com', 'ines@example.com')", [customer]);
      const read = (await conversationRowsRead()) - before;
      expect(read).toBeLessThan(10);
      const words = (await client.query<{ words: string }>('SELECT s.words::text AS words FROM conversation_search s JOIN conversations c ON c.id = s.conversation_id WHERE c.customer_id = $1', [customer])).rows;
      expect(words).toHaveLength(1);
      expect(words[0]!.words).toMatch(/duart/);
      expect(words[0]!.words).toMatch(/examp/);
      expect(words[0]!.words).toMatch(/parcel/);
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  });
});
