import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { createSearchRepository } from '../repositories/search';
import type { KinshipDatabase } from '../schema';
import type { SearchIndex } from '../searchIndex';

/**
 * FTS5 search (repositories/search.ts) behind the store's search contract. It runs holding the
 * connection, so it never reads a transaction another caller has half-written.
 */
export function createSqliteSearch(kysely: Kysely<KinshipDatabase>, db: Database.Database): SearchIndex {
  const search = createSearchRepository(db);
  const holding = <T>(work: () => T) => kysely.connection().execute(async () => work());
  return {
    find: (typed, filter, limit) => holding(() => search.find(typed, filter, limit)),
    messages: (typed, limit, filter = {}) => holding(() => search.messages(typed, limit, filter)),
  };
}
