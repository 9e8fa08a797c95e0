import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../../../electron/services/store/store';
import { postgresTimeoutsFrom } from '../../../../electron/services/store/postgres/openPostgres';
import { openTestStore } from '../../../helpers/bothStores';
import { testPostgresDatabase } from '../../../helpers/testPostgres';

/**
 * The PostgreSQL pool's limits and failures: a transaction left idle is ended by the server (its
 * locks let go), a connection the server ends is told to the log once, and the store goes on.
 */
const until = (test: () => boolean) =>
  new Promise<void>((resolve) => {
    const poll = () => (test() ? resolve() : setTimeout(poll, 10));
    poll();
  });

async function endOtherSessions(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
  } finally {
    await admin.end();
  }
}

describe('the PostgreSQL pool', () => {
  it('has a transaction left idle ended by the server, tells it to the log once, and goes on', async () => {
    await openTestStore('postgres');
    // a connection that dies raises the server's reason, then "Connection terminated unexpectedly"
    // as its socket closes, in either order with the transaction's failure: each round must tell one
    for (let round = 0; round < 5; round++) {
      const logged: string[] = [];
      const store = await openPostgresStore(await testPostgresDatabase(), { poolSize: 2, timeouts: { idleInTransaction: 200 }, log: (message) => logged.push(message) });
      try {
        await expect(store.transaction(async () => {
          await store.messages.count();
          // nothing runs in the transaction now: the server ends its session
          await until(() => logged.length > 0);
          await store.messages.count();
        })).rejects.toThrow();
        expect(await store.messages.count()).toBe(0);
      } finally {
        await store.close();
      }
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatch(/idle-in-transaction/);
    }
  });

  it('tells the log of an idle connection the server ended, and goes on', async () => {
    // (the harness's own store is closed: only this one's connections are ended)
    await (await openTestStore('postgres')).store.close();
    const url = await testPostgresDatabase();
    const logged: string[] = [];
    const store = await openPostgresStore(url, { poolSize: 2, log: (message) => logged.push(message) });
    try {
      expect(await store.messages.count()).toBe(0);
      await endOtherSessions(url);
      await until(() => logged.length > 0);
      expect(logged[0]).toMatch(/^Kinship: a PostgreSQL connection to .* failed and was let go/);
      expect(await store.messages.count()).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('takes its limits from the environment, and refuses one that is not a number', () => {
    expect(postgresTimeoutsFrom({ KINSHIP_PG_LOCK_TIMEOUT_MS: '5000', KINSHIP_PG_STATEMENT_TIMEOUT_MS: '0' })).toEqual({ lock: 5000, statement: 0 });
    expect(() => postgresTimeoutsFrom({ KINSHIP_PG_CONNECT_TIMEOUT_MS: '10s' })).toThrow(/whole number of milliseconds/);
  });
});
