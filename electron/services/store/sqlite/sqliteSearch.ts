import type Database from 'better-sqlite3';
import { createSearchRepository } from './search';
import type { SearchIndex } from '../searchIndex';
import type { StoreContext } from '../storeContext';

/**
 * FTS5 search (sqlite/search.ts) behind the store's search contract. It runs holding the
 * connection, so it never reads a transaction another caller has half-written (inside the
 * caller's own transaction it already holds it).
 */
export function createSqliteSearch(ctx: StoreContext, db: Database.Database): SearchIndex {
  const search = createSearchRepository(db);
  const holding = <T>(work: () => T) => (ctx.inTransaction() ? Promise.resolve().then(work) : ctx.db().connection().execute(async () => work()));
  return {
    find: (typed, filter, limit) => holding(() => search.find(typed, filter, limit)),
    messages: (typed, limit, filter = {}) => holding(() => search.messages(typed, limit, filter)),
  };
}
