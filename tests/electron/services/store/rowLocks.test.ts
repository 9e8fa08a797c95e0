import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openTestStore } from '../../../helpers/bothStores';
import { testPostgresDatabase } from '../../../helpers/testPostgres';

const T0 = Date.UTC(2026, 2, 3, 10, 14);

/** A connection of another program (another server process) to the test's PostgreSQL database. */
async function otherProcess() {
  const client = new pg.Client({ connectionString: await testPostgresDatabase() });
  await client.connect();
  return client;
}

/** What a foreign-key check takes on the row it points at: a key-share lock, refused at once if it would wait. */
const keyShareNow = (client: pg.Client, table: string, id: number) =>
  client.query(`SELECT id FROM ${table} WHERE id = $1 FOR KEY SHARE NOWAIT`, [id]).then(
    () => 'taken',
    (error: { code?: string }) => (error.code === '55P03' ? 'would wait' : Promise.reject(error)),
  );

describe('row locks on postgres: they change no key, so rows that only point at them are not held up', () => {
  it('holding a conversation for a write leaves its key free (a message may be stored for it meanwhile), but holds it from another writer', async () => {
    const { store } = await openTestStore('postgres');
    const customerId = await store.customers.create('Marcus Reed', T0);
    const id = await store.conversations.create({ customerId, channel: 'chat', status: 'open', subject: null, queue: 'orders', assigneeId: null, externalRef: null, createdAt: T0 });
    const other = await otherProcess();
    try {
      const seen = await store.transaction(async () => {
        await store.conversations.holdForWrite(id);
        const keyShare = await keyShareNow(other, 'conversations', id);
        const write = await other.query('SELECT id FROM conversations WHERE id = $1 FOR NO KEY UPDATE NOWAIT', [id]).then(() => 'taken', (error: { code?: string }) => error.code);
        return { keyShare, write };
      });
      expect(seen).toEqual({ keyShare: 'taken', write: '55P03' });
    } finally {
      await other.end();
    }
  });

  it('holding the admins leaves their keys free (a session may be opened for one meanwhile)', async () => {
    const { store } = await openTestStore('postgres');
    const admin = await store.users.create({ name: 'Ada', email: 'ada@larkspur.example', role: 'admin' }, T0);
    const other = await otherProcess();
    try {
      const keyShare = await store.transaction(async () => {
        await store.people.holdAdmins();
        return keyShareNow(other, 'users', admin.id);
      });
      expect(keyShare).toBe('taken');
    } finally {
      await other.end();
    }
  });
});

describe('write transactions on sqlite', () => {
  it('take the write lock as they begin (BEGIN IMMEDIATE): check-then-write is atomic against another writer of the file', async () => {
    const { store } = await openTestStore('sqlite');
    const other = new Database(store.path, { timeout: 0 });
    try {
      const attempt = await store.transaction(async () => {
        // nothing written yet: only a transaction begun IMMEDIATE holds the lock already
        await store.settings.get('anything');
        try {
          other.prepare('BEGIN IMMEDIATE').run();
          other.prepare('ROLLBACK').run();
          return 'another writer got in';
        } catch (error) {
          return (error as { code?: string }).code;
        }
      });
      expect(attempt).toBe('SQLITE_BUSY');
    } finally {
      other.close();
    }
  });
});
