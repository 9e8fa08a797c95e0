import type Database from 'better-sqlite3';
import type { Role, User } from '../../../../shared/contract/domain';

interface UserRow {
  id: number;
  name: string;
  email: string;
  role: Role;
}

const toUser = (row: UserRow): User => ({ id: row.id, name: row.name, email: row.email, role: row.role });

export function createUsersRepository(db: Database.Database) {
  const insert = db.prepare<[string, string, Role, number]>(
    'INSERT INTO users (name, email, role, created_at) VALUES (?, ?, ?, ?)',
  );
  const byId = db.prepare<[number], UserRow>('SELECT id, name, email, role FROM users WHERE id = ?');
  const byEmail = db.prepare<[string], UserRow>('SELECT id, name, email, role FROM users WHERE email = ? COLLATE NOCASE');
  const byRole = db.prepare<[Role], UserRow>('SELECT id, name, email, role FROM users WHERE role = ? ORDER BY id LIMIT 1');
  const all = db.prepare<[], UserRow>('SELECT id, name, email, role FROM users ORDER BY role, name');
  const rewrite = db.prepare<[string, string, Role, number]>('UPDATE users SET name = ?, email = ?, role = ? WHERE id = ?');

  return {
    create(user: { name: string; email: string; role: Role }, now: number): User {
      const id = Number(insert.run(user.name, user.email, user.role, now).lastInsertRowid);
      return { id, ...user };
    },
    /** Returns the user with this e-mail, creating them if they are new. */
    ensure(user: { name: string; email: string; role: Role }, now: number): User {
      const existing = byEmail.get(user.email);
      return existing ? toUser(existing) : this.create(user, now);
    },
    getById(id: number): User | null {
      const row = byId.get(id);
      return row ? toUser(row) : null;
    },
    getByEmail(email: string): User | null {
      const row = byEmail.get(email);
      return row ? toUser(row) : null;
    },
    /** Changes who a person is (name, e-mail, role), keeping their id and so everything of theirs. */
    update(id: number, user: { name: string; email: string; role: Role }): User | null {
      return rewrite.run(user.name, user.email, user.role, id).changes > 0 ? { id, ...user } : null;
    },
    firstWithRole(role: Role): User | null {
      const row = byRole.get(role);
      return row ? toUser(row) : null;
    },
    list(): User[] {
      return all.all().map(toUser);
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
