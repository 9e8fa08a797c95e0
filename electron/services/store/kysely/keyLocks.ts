import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { StoreContext } from '../storeContext';

/** A key's advisory-lock number: the first 8 bytes of its SHA-256, as a signed 64-bit integer. */
export const lockNumber = (key: string): bigint => createHash('sha256').update(key).digest().readBigInt64BE(0);

/**
 * Holds these keys until the caller's transaction ends, so that work on the same key (a message's
 * dedupe key, a customer's identity, a request id) by another transaction — another server process
 * on the same PostgreSQL — waits for this one to commit and then sees what it stored, instead of
 * checking, finding nothing and inserting too. PostgreSQL's transaction-scoped advisory locks,
 * taken in one order (by number) so that two holders of overlapping keys never deadlock. On SQLite a
 * transaction already has the database to itself: nothing to do. Called outside a transaction, it
 * would hold nothing; it refuses instead.
 *
 * Lock order, for every writer: keys (all in one call) before rows (conversations.holdForWrite).
 */
export async function holdKeys(ctx: StoreContext, keys: readonly string[]): Promise<void> {
  if (ctx.sql.kind !== 'postgres' || keys.length === 0) return;
  if (!ctx.inTransaction()) throw new Error('holdKeys needs a transaction: a lock outside one would be let go at once');
  const numbers = [...new Set(keys.map(lockNumber))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
  // one round trip; the ordered subquery takes them in that order
  await sql`SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT k FROM unnest(${numbers}::bigint[]) AS k ORDER BY k) ordered`.execute(ctx.db());
}
