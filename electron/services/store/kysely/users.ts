import type { Role, User } from '../../../../shared/contract/domain';
import { emailKey } from '../emailKey';
import type { StoreContext } from '../storeContext';

interface UserRow {
  id: number;
  name: string;
  email: string;
  role: string;
}

const toUser = (row: UserRow): User => ({ id: row.id, name: row.name, email: row.email, role: row.role as Role });

export function createUsersRepository(ctx: StoreContext) {
  const columns = ['id', 'name', 'email', 'role'] as const;
  const byEmail = (email: string) =>
    ctx.db().selectFrom('users').select(columns).where('email_key', '=', emailKey(email)).executeTakeFirst();
  const repository = {
    async create(user: { name: string; email: string; role: Role }, now: number): Promise<User> {
      const { id } = await ctx.db().insertInto('users').values({ name: user.name, email: user.email, email_key: emailKey(user.email), role: user.role, created_at: now }).returning('id').executeTakeFirstOrThrow();
      return { id, ...user };
    },
    /** Returns the user with this e-mail, creating them if they are new. */
    async ensure(user: { name: string; email: string; role: Role }, now: number): Promise<User> {
      const existing = await byEmail(user.email);
      return existing ? toUser(existing) : repository.create(user, now);
    },
    async getById(id: number): Promise<User | null> {
      const row = await ctx.db().selectFrom('users').select(columns).where('id', '=', id).executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async getByEmail(email: string): Promise<User | null> {
      const row = await byEmail(email);
      return row ? toUser(row) : null;
    },
    /** Changes who a person is (name, e-mail, role), keeping their id and so everything of theirs. */
    async update(id: number, user: { name: string; email: string; role: Role }): Promise<User | null> {
      const result = await ctx.db().updateTable('users').set({ name: user.name, email: user.email, email_key: emailKey(user.email), role: user.role }).where('id', '=', id).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0 ? { id, ...user } : null;
    },
    async firstWithRole(role: Role): Promise<User | null> {
      const row = await ctx.db().selectFrom('users').select(columns).where('role', '=', role).orderBy('id').limit(1).executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async list(): Promise<User[]> {
      return (await ctx.db().selectFrom('users').select(columns).orderBy('role').orderBy('name').execute()).map(toUser);
    },
  };
  return repository;
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
