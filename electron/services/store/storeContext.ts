import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type Kysely, type Transaction } from 'kysely';
import { collectingAfterCommit, droppingIfFailed } from '../common/afterCommit';
import type { KinshipDatabase } from './schema';
import type { SqlDialect } from './sqlDialect';

/**
 * What every repository is built on: the query builder to use now — the open transaction's, when
 * the caller is inside `transaction()`, else the store's own — and the dialect's spellings.
 */
export interface StoreContext {
  db(): Kysely<KinshipDatabase>;
  sql: SqlDialect;
  /**
   * Runs `work` in one transaction (or in the one already open around the caller): all of it is
   * stored, or none. What it raises to run after the commit (afterCommit: its events) runs once the
   * outermost transaction has committed, outside it, and is dropped if it rolls back.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Runs `work`, which may fail and whose failure the caller handles (a draft check's reads), so
   * that its failure undoes only its own statements: inside a transaction under a savepoint — on
   * PostgreSQL a failed statement otherwise aborts the whole transaction (25P02) and everything
   * after it fails too — and as it is outside one.
   */
  attempt<T>(work: () => Promise<T>): Promise<T>;
  /** Whether the caller runs inside an open transaction. */
  inTransaction(): boolean;
}

interface OpenTransaction {
  trx: Transaction<KinshipDatabase>;
  open: boolean;
  /** Savepoints opened so far (each gets its own name). */
  savepoints: number;
}

/**
 * PostgreSQL's answers that mean "this transaction lost a race, run it again": deadlock_detected
 * (40P01) and serialization_failure (40001). Nothing of the transaction was stored.
 */
const RETRYABLE_CODES = new Set(['40P01', '40001']);
/** Tries of one transaction in all (the first and its retries) before the failure is passed on. */
export const TRANSACTION_TRIES = 4;

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_CODES.has(code);
}

/** A short, jittered pause before try `tried + 1`: 5–15 ms, doubling each time (two losers do not meet again in step). */
const backoff = (tried: number) => new Promise<void>((resolve) => setTimeout(resolve, (5 + Math.random() * 10) * 2 ** (tried - 1)));

/**
 * The transaction travels with the async call chain (AsyncLocalStorage), so code inside
 * `transaction(async () => …)` uses the same repositories as outside and every query lands in it
 * — there is no other way to reach the database, so no write inside the work can miss the
 * transaction. A query from anywhere else waits for it (SQLite) or runs beside it (PostgreSQL's
 * pool). Work the transaction started but did not wait for runs on the store itself once the
 * transaction is over. Events raised inside it are delivered after it commits (common/afterCommit),
 * so no listener hears of a write that is rolled back, nor runs inside the writer's transaction.
 */
export function createStoreContext(root: Kysely<KinshipDatabase>, dialect: SqlDialect): StoreContext {
  const current = new AsyncLocalStorage<OpenTransaction>();
  const openOne = () => {
    const held = current.getStore();
    return held?.open ? held : null;
  };
  return {
    db: () => openOne()?.trx ?? root,
    sql: dialect,
    inTransaction: () => openOne() !== null,
    /**
     * The outermost transaction is run again, whole, when the database ends it as the loser of a
     * deadlock or a serialization conflict (a few tries, after a short jittered pause): nothing of
     * the failed try escaped — none of its writes were stored, and what it raised to run after its
     * commit (its events, its in-memory marks: common/afterCommit) is dropped with it, so a retried
     * write announces itself once. Work inside must keep its effects for afterCommit for this to hold.
     */
    async transaction<T>(work: () => Promise<T>): Promise<T> {
      if (openOne()) return work();
      for (let tried = 1; ; tried++) {
        try {
          return await collectingAfterCommit((inside) =>
            root.transaction().execute(async (trx) => {
              const held: OpenTransaction = { trx, open: true, savepoints: 0 };
              try {
                return await inside(() => current.run(held, work));
              } finally {
                held.open = false;
              }
            }),
          );
        } catch (error) {
          if (tried >= TRANSACTION_TRIES || !isRetryable(error)) throw error;
          await backoff(tried);
        }
      }
    },
    async attempt<T>(work: () => Promise<T>): Promise<T> {
      const held = openOne();
      if (!held) return work();
      const name = sql.id(`kinship_attempt_${++held.savepoints}`);
      await sql`SAVEPOINT ${name}`.execute(held.trx);
      let result: T;
      try {
        result = await droppingIfFailed(work);
      } catch (error) {
        // its statements are undone (and what it raised to run after the commit dropped); the transaction goes on
        await sql`ROLLBACK TO SAVEPOINT ${name}`.execute(held.trx);
        await sql`RELEASE SAVEPOINT ${name}`.execute(held.trx);
        throw error;
      }
      await sql`RELEASE SAVEPOINT ${name}`.execute(held.trx);
      return result;
    },
  };
}
