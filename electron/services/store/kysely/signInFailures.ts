import type { StoreContext } from '../storeContext';

export type FailureScope = 'account' | 'address';

/** Failed sign-ins, per account (e-mail) and per address, for rate limiting. */
export function createSignInFailuresRepository(ctx: StoreContext) {
  return {
    async record(scope: FailureScope, key: string, at: number): Promise<void> {
      await ctx.db().insertInto('sign_in_failures').values({ scope, key, at }).execute();
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
