import { Kysely, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createConversationHandlers } from '../../../../electron/services/api/conversationHandlers';
import type { Caller } from '../../../../electron/services/api/caller';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import { openDatabase } from '../../../../electron/services/store/openDatabase';
import { openPostgres } from '../../../../electron/services/store/postgres/openPostgres';
import { createPostgresSearch } from '../../../../electron/services/store/postgres/postgresSearch';
import type { KinshipDatabase } from '../../../../electron/services/store/schema';
import { postgresSql, sqliteSql, type StoreKind } from '../../../../electron/services/store/sqlDialect';
import { sqliteDialect } from '../../../../electron/services/store/sqlite/sqliteDialect';
import { createSqliteSearch } from '../../../../electron/services/store/sqlite/sqliteSearch';
import { createStore, type Store } from '../../../../electron/services/store/store';
import { createStoreContext } from '../../../../electron/services/store/storeContext';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';

const T0 = Date.UTC(2026, 2, 3, 10, 14);
const HOUR = 3_600_000;

/** Counts the statements the store sends (the search index's own aside). */
function statementCounter(): KyselyPlugin & { count: number } {
  return {
    count: 0,
    transformQuery(args: PluginTransformQueryArgs) {
      this.count++;
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs) {
      return args.result;
    },
  };
}

/** The test's workspace opened a second time, with every statement of its repositories counted. */
async function countedStore(kind: StoreKind): Promise<{ store: Store; counter: ReturnType<typeof statementCounter>; close: () => Promise<void> }> {
  const { store: opened } = await openTestStore(kind);
  const counter = statementCounter();
  if (kind === 'sqlite') {
    const { db, path, migration } = openDatabase(opened.path);
    const kysely = new Kysely<KinshipDatabase>({ dialect: sqliteDialect(db) });
    const ctx = createStoreContext(kysely.withPlugin(counter), sqliteSql);
    const store = createStore(ctx, { kind, path, migration, search: createSqliteSearch(ctx, db), schemaVersion: async () => 0, close: () => kysely.destroy() });
    return { store, counter, close: () => kysely.destroy() };
  }
  const url = (await import('../../../helpers/testPostgres')).testPostgresDatabase;
  const { db, path, migration } = await openPostgres(await url(), { poolSize: 2 });
  const ctx = createStoreContext(db.withPlugin(counter), postgresSql);
  const store = createStore(ctx, { kind, path, migration, search: createPostgresSearch(db), schemaVersion: async () => 0, close: () => db.destroy() });
  return { store, counter, close: () => db.destroy() };
}

describe.each(STORE_KINDS)('reading conversations on %s reads the settings once per call, not per row', (kind) => {
  it('a summary is one statement; a page of the queue two (rows, total), three when ordered by the clock', async () => {
    const { store, counter, close } = await countedStore(kind);
    try {
      const ingestion = createIngestionService(store, createEventBus());
      for (let index = 0; index < 5; index++) {
        await ingestion.ingest({ channel: 'email', customer: { displayName: `Customer ${index}`, identities: [{ kind: 'email', value: `c${index}@x.example` }] }, conversation: { externalRef: `c-${index}` }, message: { author: 'customer', body: 'Where is my order?', sentAt: T0 - index * HOUR } });
      }
      const counted = async <T>(read: () => Promise<T>) => {
        const before = counter.count;
        const value = await read();
        return { value, statements: counter.count - before };
      };
      const one = await counted(() => store.conversations.getSummary(1));
      expect(one.value?.responseClock).not.toBeNull();
      expect(one.statements).toBe(1);
      const page = await counted(() => store.conversations.list({}, 50, 0, 'recent'));
      expect(page.value.items).toHaveLength(5);
      expect(page.value.items.every((item) => item.responseClock !== null)).toBe(true);
      expect(page.statements).toBe(2);
      expect((await counted(() => store.conversations.list({}, 50, 0, 'target'))).statements).toBe(3);
    } finally {
      await close();
    }
  });

  it('a search for breached conversations reads their clocks in one statement, however many hits', async () => {
    const { store, counter, close } = await countedStore(kind);
    try {
      const ingestion = createIngestionService(store, createEventBus());
      for (let index = 0; index < 6; index++) {
        await ingestion.ingest({ channel: 'email', customer: { displayName: `Customer ${index}`, identities: [{ kind: 'email', value: `c${index}@x.example` }] }, conversation: { externalRef: `c-${index}` }, message: { author: 'customer', body: 'Where is my parcel?', sentAt: T0 - 100 * HOUR } });
      }
      const handlers = createConversationHandlers(() => ({ state: 'ready', store, ingestion }), () => T0, () => { throw new Error('no coach here'); }, createEventBus());
      const caller: Caller = { person: { id: 1, name: 'Ana', email: 'ana@x.example', role: 'agent' }, sessionId: null };
      const search = async (breached: boolean) => {
        const before = counter.count;
        const { hits } = await handlers['messages.search']({ query: 'parcel', limit: 50, ...(breached ? { breached: true as const } : {}) }, caller);
        return { hits: hits.length, statements: counter.count - before };
      };
      const all = await search(false);
      const breached = await search(true);
      expect(all.hits).toBe(6);
      expect(breached.hits).toBe(6);
      expect(breached.statements - all.statements).toBe(1);
    } finally {
      await close();
    }
  });
});
