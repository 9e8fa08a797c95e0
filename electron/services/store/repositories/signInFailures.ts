import type Database from 'better-sqlite3';

export type FailureScope = 'account' | 'address';

/** Failed sign-ins, per account (e-mail) and per address, for rate limiting. */
export function createSignInFailuresRepository(db: Database.Database) {
  const insert = db.prepare<[FailureScope, string, number]>('INSERT INTO sign_in_failures (scope, key, at) VALUES (?, ?, ?)');
  const since = db.prepare<[FailureScope, string, number], { at: number }>('SELECT at FROM sign_in_failures WHERE scope = ? AND key = ? AND at > ? ORDER BY at');
  const clear = db.prepare<[FailureScope, string]>('DELETE FROM sign_in_failures WHERE scope = ? AND key = ?');
  const forget = db.prepare<[number]>('DELETE FROM sign_in_failures WHERE at <= ?');

  return {
    record(scope: FailureScope, key: string, at: number): void {
      insert.run(scope, key, at);
    },
    /** When each failure after `after` happened, oldest first. */
    since(scope: FailureScope, key: string, after: number): number[] {
      return since.all(scope, key, after).map((row) => row.at);
    },
    clear(scope: FailureScope, key: string): void {
      clear.run(scope, key);
    },
    forgetUpTo(at: number): number {
      return forget.run(at).changes;
    },
  };
}

export type SignInFailuresRepository = ReturnType<typeof createSignInFailuresRepository>;
