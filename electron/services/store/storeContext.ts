import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely, Transaction } from 'kysely';
import type { KinshipDatabase } from './schema';
import type { SqlDialect } from './sqlDialect';

/**
 * What every repository is built on: the query builder to use now — the open transaction's, when
 * the caller is inside `transaction()`, else the store's own — and the dialect's spellings.
 */
export interface StoreContext {
  db(): Kysely<KinshipDatabase>;
  sql: SqlDialect;
  /** Runs `work` in one transaction (or in the one already open around the caller): all of it is stored, or none. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * The transaction travels with the async call chain (AsyncLocalStorage), so code inside
 * `transaction(async () => …)` uses the same repositories as outside and every query lands in it;
 * a query from anywhere else waits for it (SQLite) or runs beside it (PostgreSQL's pool).
 */
export function createStoreContext(root: Kysely<KinshipDatabase>, dialect: SqlDialect): StoreContext {
  const open = new AsyncLocalStorage<Transaction<KinshipDatabase>>();
  return {
    db: () => open.getStore() ?? root,
    sql: dialect,
    transaction<T>(work: () => Promise<T>): Promise<T> {
      if (open.getStore()) return work();
      return root.transaction().execute((trx) => open.run(trx, work));
    },
  };
}
