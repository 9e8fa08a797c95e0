import Database from 'better-sqlite3';
import path from 'node:path';
import pg from 'pg';
import { afterEach } from 'vitest';
import { openPostgresStore, openSqliteStore, type Store } from '../../electron/services/store/store';
import { TABLES } from '../../electron/services/store/schema';
import type { StoreKind } from '../../electron/services/store/sqlDialect';
import { tempDir } from './tempDir';
import { testPostgresDatabase } from './testPostgres';

/** Every store the repository suite runs on. */
export const STORE_KINDS: readonly StoreKind[] = ['sqlite', 'postgres'];

export interface TestStore {
  store: Store;
  /** Runs SQL on the database behind the store's back (as another program would), `?` for parameters. */
  exec(text: string, ...parameters: unknown[]): Promise<void>;
}

const open: (() => Promise<void>)[] = [];

/**
 * An empty workspace of this kind, closed after the test: a SQLite file in a temp folder, or this
 * test file's PostgreSQL database emptied (numbering restarted) for the test.
 */
export async function openTestStore(kind: StoreKind): Promise<TestStore> {
  if (kind === 'sqlite') {
    const store = await openSqliteStore(path.join(tempDir(), 'kinship.sqlite'));
    open.push(() => store.close().catch(() => undefined));
    return {
      store,
      exec: async (text, ...parameters) => {
        const raw = new Database(store.path);
        try {
          raw.prepare(text).run(...parameters);
        } finally {
          raw.close();
        }
      },
    };
  }
  const url = await testPostgresDatabase();
  const store = await openPostgresStore(url, { poolSize: 4 });
  open.push(() => store.close().catch(() => undefined));
  const run = async (text: string, parameters: unknown[] = []) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      let n = 0;
      await client.query(text.replace(/\?/g, () => `$${++n}`), parameters);
    } finally {
      await client.end();
    }
  };
  await run(`TRUNCATE ${TABLES.join(', ')}, conversation_search RESTART IDENTITY CASCADE`);
  return { store, exec: (text, ...parameters) => run(text, parameters) };
}

afterEach(async () => {
  while (open.length) await open.pop()!();
});
