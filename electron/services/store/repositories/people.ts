import type Database from 'better-sqlite3';
import type { Role, User } from '../../../../shared/contract/domain';
import type { Person } from '../../../../shared/contract/people';

interface AccountRow {
  id: number;
  name: string;
  email: string;
  role: Role;
  deactivated_at: number | null;
  password_hash: string | null;
}

interface PersonRow extends AccountRow {
  open_sessions: number;
  last_sign_in_at: number | null;
}

/** A person as the sign-in sees them: who they are, whether they are active, and their password's hash. */
export interface Account {
  user: User;
  active: boolean;
  passwordHash: string | null;
}

const toAccount = (row: AccountRow): Account => ({
  user: { id: row.id, name: row.name, email: row.email, role: row.role },
  active: row.deactivated_at === null,
  passwordHash: row.password_hash,
});

const ACCOUNT = `SELECT u.id, u.name, u.email, u.role, u.deactivated_at, c.password_hash FROM users u LEFT JOIN credentials c ON c.user_id = u.id`;

/** Accounts of people who sign in: their activation and password hashes, beside users. */
export function createPeopleRepository(db: Database.Database) {
  const byEmail = db.prepare<[string], AccountRow>(`${ACCOUNT} WHERE u.email = ? COLLATE NOCASE`);
  const byId = db.prepare<[number], AccountRow>(`${ACCOUNT} WHERE u.id = ?`);
  const setHash = db.prepare<[number, string, number]>(
    'INSERT INTO credentials (user_id, password_hash, updated_at) VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, updated_at = excluded.updated_at',
  );
  const insertUser = db.prepare<[string, string, Role, number]>('INSERT INTO users (name, email, role, created_at) VALUES (?, ?, ?, ?)');
  const updateUser = db.prepare<[string, Role, number]>('UPDATE users SET name = ?, role = ?, deactivated_at = NULL WHERE id = ?');
  const setRole = db.prepare<[Role, number]>('UPDATE users SET role = ? WHERE id = ?');
  const setDeactivated = db.prepare<[number | null, number]>('UPDATE users SET deactivated_at = ? WHERE id = ?');
  const activeAdmins = db.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM users u JOIN credentials c ON c.user_id = u.id WHERE u.role = 'admin' AND u.deactivated_at IS NULL",
  );
  const everyone = db.prepare<[number], PersonRow>(
    `SELECT u.id, u.name, u.email, u.role, u.deactivated_at, c.password_hash,
            (SELECT count(*) FROM sign_in_sessions s WHERE s.user_id = u.id AND s.ended_at IS NULL AND s.expires_at > ?) AS open_sessions,
            (SELECT max(created_at) FROM sign_in_sessions s WHERE s.user_id = u.id) AS last_sign_in_at
       FROM users u LEFT JOIN credentials c ON c.user_id = u.id
      ORDER BY u.deactivated_at IS NOT NULL, u.name COLLATE NOCASE, u.id`,
  );

  return {
    byEmail(email: string): Account | null {
      const row = byEmail.get(email.trim());
      return row ? toAccount(row) : null;
    },
    byId(id: number): Account | null {
      const row = byId.get(id);
      return row ? toAccount(row) : null;
    },
    /** Creates the person, or, for an e-mail already known without a password (the demo's cast), gives that person this name and role. */
    createOrClaim(person: { name: string; email: string; role: Role }, now: number): User {
      const existing = byEmail.get(person.email);
      if (existing) {
        updateUser.run(person.name, person.role, existing.id);
        return { id: existing.id, name: person.name, email: existing.email, role: person.role };
      }
      const id = Number(insertUser.run(person.name, person.email, person.role, now).lastInsertRowid);
      return { id, name: person.name, email: person.email, role: person.role };
    },
    setPasswordHash(userId: number, hash: string, now: number): void {
      setHash.run(userId, hash, now);
    },
    setRole(userId: number, role: Role): void {
      setRole.run(role, userId);
    },
    setActive(userId: number, active: boolean, now: number): void {
      setDeactivated.run(active ? null : now, userId);
    },
    /** Active admins who can sign in. */
    countActiveAdmins(): number {
      return activeAdmins.get()!.n;
    },
    list(now: number): Person[] {
      return everyone.all(now).map((row) => ({
        id: row.id,
        name: row.name,
        email: row.email,
        role: row.role,
        active: row.deactivated_at === null,
        canSignIn: row.password_hash !== null,
        openSessions: row.open_sessions,
        lastSignInAt: row.last_sign_in_at,
        deactivatedAt: row.deactivated_at,
      }));
    },
  };
}

export type PeopleRepository = ReturnType<typeof createPeopleRepository>;
