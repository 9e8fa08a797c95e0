import { sql } from 'kysely';
import type { Role, User } from '../../../../shared/contract/domain';
import type { Person } from '../../../../shared/contract/people';
import { emailKey } from '../emailKey';
import type { StoreContext } from '../storeContext';

/** A person as the sign-in sees them: who they are, whether they are active, and their password's hash. */
export interface Account {
  user: User;
  active: boolean;
  passwordHash: string | null;
}

interface AccountRow {
  id: number;
  name: string;
  email: string;
  role: string;
  deactivated_at: number | null;
  password_hash: string | null;
}

const toAccount = (row: AccountRow): Account => ({
  user: { id: row.id, name: row.name, email: row.email, role: row.role as Role },
  active: row.deactivated_at === null,
  passwordHash: row.password_hash,
});

/** The advisory lock that stands for the set of admins on PostgreSQL ('KADM'). */
const ADMINS_LOCK = 0x4b41444d;

/** Accounts of people who sign in: their activation and password hashes, beside users. */
export function createPeopleRepository(ctx: StoreContext) {
  const accounts = () =>
    ctx.db().selectFrom('users as u').leftJoin('credentials as c', 'c.user_id', 'u.id')
      .select(['u.id', 'u.name', 'u.email', 'u.role', 'u.deactivated_at', 'c.password_hash']);
  const byEmail = (email: string) =>
    accounts().where('u.email_key', '=', emailKey(email)).executeTakeFirst();

  return {
    async byEmail(email: string): Promise<Account | null> {
      const row = await byEmail(email);
      return row ? toAccount(row) : null;
    },
    async byId(id: number): Promise<Account | null> {
      const row = await accounts().where('u.id', '=', id).executeTakeFirst();
      return row ? toAccount(row) : null;
    },
    /** The accounts of these people (one query), by id: those who do not exist are left out. */
    async byIds(ids: readonly number[]): Promise<Map<number, Account>> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      const rows = await accounts().where('u.id', 'in', unique).execute();
      return new Map(rows.map((row) => [row.id, toAccount(row)]));
    },
    /** Creates the person, or, for an e-mail already known without a password (the demo's cast), gives that person this name and role. */
    async createOrClaim(person: { name: string; email: string; role: Role }, now: number): Promise<User> {
      const existing = await byEmail(person.email);
      if (existing) {
        await ctx.db().updateTable('users').set({ name: person.name, role: person.role, deactivated_at: null }).where('id', '=', existing.id).execute();
        return { id: existing.id, name: person.name, email: existing.email, role: person.role };
      }
      const { id } = await ctx.db().insertInto('users')
        .values({ name: person.name, email: person.email, email_key: emailKey(person.email), role: person.role, created_at: now }).returning('id').executeTakeFirstOrThrow();
      return { id, name: person.name, email: person.email, role: person.role };
    },
    async setPasswordHash(userId: number, hash: string, now: number): Promise<void> {
      await ctx.db().insertInto('credentials').values({ user_id: userId, password_hash: hash, updated_at: now })
        .onConflict((oc) => oc.column('user_id').doUpdateSet((eb) => ({ password_hash: eb.ref('excluded.password_hash'), updated_at: eb.ref('excluded.updated_at') })))
        .execute();
    },
    async setActive(userId: number, active: boolean, now: number): Promise<void> {
      await ctx.db().updateTable('users').set({ deactivated_at: active ? null : now, deactivated_reason: null }).where('id', '=', userId).execute();
    },
    async setRole(userId: number, role: Role): Promise<void> {
      await ctx.db().updateTable('users').set({ role }).where('id', '=', userId).execute();
    },
    /**
     * Inside a transaction: holds the team's admins until it commits, so that whatever changes who
     * is an admin (a setup link used, a deactivation, a change of role) checks "is there another
     * admin" and acts on the answer as one step. PostgreSQL: a transaction-level advisory lock — a
     * lock on the set, not on its rows, so it holds while there are no admins yet (the first admin's
     * setup) and taken by everyone in one order, it cannot deadlock. SQLite's write transaction
     * holds the whole file already.
     */
    async holdAdmins(): Promise<void> {
      if (!ctx.inTransaction()) throw new Error('holdAdmins() holds until a transaction commits: call it inside store.transaction().');
      if (ctx.sql.kind === 'postgres') await sql`SELECT pg_advisory_xact_lock(${sql.lit(ADMINS_LOCK)})`.execute(ctx.db());
    },
    /** Active admins who can sign in. */
    async countActiveAdmins(): Promise<number> {
      const row = await ctx.db().selectFrom('users as u').innerJoin('credentials as c', 'c.user_id', 'u.id')
        .select((eb) => eb.fn.countAll<number>().as('n')).where('u.role', '=', 'admin').where('u.deactivated_at', 'is', null).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async list(now: number): Promise<Person[]> {
      const rows = await accounts()
        .select('u.deactivated_reason')
        .select((eb) => [
          eb.selectFrom('sign_in_sessions as s').select((s) => s.fn.countAll<number>().as('n'))
            .whereRef('s.user_id', '=', 'u.id').where('s.ended_at', 'is', null).where('s.expires_at', '>', now).as('open_sessions'),
          eb.selectFrom('sign_in_sessions as s').select((s) => s.fn.max('s.created_at').as('m')).whereRef('s.user_id', '=', 'u.id').as('last_sign_in_at'),
        ])
        .orderBy(sql`u.deactivated_at IS NOT NULL`).orderBy((eb) => ctx.sql.caseless(eb.ref('u.name'))).orderBy('u.id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        email: row.email,
        role: row.role as Role,
        active: row.deactivated_at === null,
        canSignIn: row.password_hash !== null,
        openSessions: Number(row.open_sessions ?? 0),
        lastSignInAt: row.last_sign_in_at === null ? null : Number(row.last_sign_in_at),
        deactivatedAt: row.deactivated_at,
        deactivatedReason: row.deactivated_reason,
      }));
    },
  };
}

export type PeopleRepository = ReturnType<typeof createPeopleRepository>;
