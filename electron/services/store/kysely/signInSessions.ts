import type { StoreContext } from '../storeContext';

export interface SignInSessionRow {
  id: string;
  userId: number;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  endedAt: number | null;
}

/** Sessions of people signed in to a team server. Only a hash of each session's token is kept. */
export function createSignInSessionsRepository(ctx: StoreContext) {
  const sessions = () =>
    ctx.db().selectFrom('sign_in_sessions')
      .select(['id', 'user_id as userId', 'created_at as createdAt', 'last_seen_at as lastSeenAt', 'expires_at as expiresAt', 'ended_at as endedAt']);
  const open = () => ctx.db().updateTable('sign_in_sessions').where('ended_at', 'is', null);

  return {
    async create(session: { id: string; userId: number; tokenHash: string; now: number; expiresAt: number; address: string | null; userAgent: string | null }): Promise<void> {
      await ctx.db().insertInto('sign_in_sessions').values({
        id: session.id, user_id: session.userId, token_hash: session.tokenHash, created_at: session.now, last_seen_at: session.now,
        expires_at: session.expiresAt, address: session.address, user_agent: session.userAgent,
      }).execute();
    },
    async byTokenHash(tokenHash: string): Promise<SignInSessionRow | null> {
      return (await sessions().where('token_hash', '=', tokenHash).executeTakeFirst()) ?? null;
    },
    async byId(id: string): Promise<SignInSessionRow | null> {
      return (await sessions().where('id', '=', id).executeTakeFirst()) ?? null;
    },
    async touch(id: string, now: number): Promise<void> {
      await open().set({ last_seen_at: now }).where('id', '=', id).execute();
    },
    /** Ends one session; false when it had already ended. */
    async end(id: string, reason: string, now: number): Promise<boolean> {
      return Number((await open().set({ ended_at: now, end_reason: reason }).where('id', '=', id).executeTakeFirst()).numUpdatedRows) > 0;
    },
    /** Ends every open session of a person; returns their ids. */
    async endAllFor(userId: number, reason: string, now: number): Promise<string[]> {
      const rows = await open().set({ ended_at: now, end_reason: reason }).where('user_id', '=', userId).returning('id').execute();
      return rows.map((row) => row.id);
    },
    /** Forgets sessions that ended (or expired) before `before`. */
    async forgetEndedBefore(before: number): Promise<number> {
      const result = await ctx.db().deleteFrom('sign_in_sessions').where((eb) => eb(eb.fn.coalesce('ended_at', 'expires_at'), '<', before)).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type SignInSessionsRepository = ReturnType<typeof createSignInSessionsRepository>;
