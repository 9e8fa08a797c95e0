import { sql } from 'kysely';
import type { StoreContext } from '../storeContext';

export type FailureScope = 'account' | 'address';

/** The advisory locks' first key on PostgreSQL ('KSIN'); the second is the hash of scope and key. */
const SIGN_IN_LOCKS = 0x4b53494e;

/** Failed sign-ins, per account (e-mail) and per address, for rate limiting. */
export function createSignInFailuresRepository(ctx: StoreContext) {
  return {
    /**
     * Inside a transaction: holds this account's (or address's) count until the transaction commits,
     * so that counting the tries and adding one is a single step — PostgreSQL: an advisory lock on
     * the key; SQLite's write transaction holds the whole file already. Take the account's before
     * the address's, always in that order.
     */
    async hold(scope: FailureScope, key: string): Promise<void> {
      if (!ctx.inTransaction()) throw new Error('hold() holds until a transaction commits: call it inside store.transaction().');
      if (ctx.sql.kind === 'postgres') await sql`SELECT pg_advisory_xact_lock(${sql.lit(SIGN_IN_LOCKS)}, hashtext(${`${scope}:${key}`}))`.execute(ctx.db());
    },
    /** Counts one (failed or not yet known to have succeeded) sign-in; returns its id. */
    async record(scope: FailureScope, key: string, at: number): Promise<number> {
      return (await ctx.db().insertInto('sign_in_failures').values({ scope, key, at }).returning('id').executeTakeFirstOrThrow()).id;
    },
    /** Takes back counted tries (they succeeded). */
    async remove(ids: number[]): Promise<void> {
      if (ids.length) await ctx.db().deleteFrom('sign_in_failures').where('id', 'in', ids).execute();
    },
    /** When each failure after `after` happened, oldest first. */
    async since(scope: FailureScope, key: string, after: number): Promise<number[]> {
      const rows = await ctx.db().selectFrom('sign_in_failures').select('at').where('scope', '=', scope).where('key', '=', key).where('at', '>', after).orderBy('at').execute();
      return rows.map((row) => row.at);
    },
    async clear(scope: FailureScope, key: string): Promise<void> {
      await ctx.db().deleteFrom('sign_in_failures').where('scope', '=', scope).where('key', '=', key).execute();
    },
    async forgetUpTo(at: number): Promise<number> {
      return Number((await ctx.db().deleteFrom('sign_in_failures').where('at', '<=', at).executeTakeFirst()).numDeletedRows);
    },
  };
}

export type SignInFailuresRepository = ReturnType<typeof createSignInFailuresRepository>;
