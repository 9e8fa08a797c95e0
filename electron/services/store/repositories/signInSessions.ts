import type Database from 'better-sqlite3';

export interface SignInSessionRow {
  id: string;
  userId: number;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  endedAt: number | null;
}

interface Row {
  id: string;
  user_id: number;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  ended_at: number | null;
}

const toSession = (row: Row): SignInSessionRow => ({
  id: row.id,
  userId: row.user_id,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  expiresAt: row.expires_at,
  endedAt: row.ended_at,
});

/** Sessions of people signed in to a team server. Only a hash of each session's token is kept. */
export function createSignInSessionsRepository(db: Database.Database) {
  const insert = db.prepare<[string, number, string, number, number, number, string | null, string | null]>(
    'INSERT INTO sign_in_sessions (id, user_id, token_hash, created_at, last_seen_at, expires_at, address, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const byHash = db.prepare<[string], Row>('SELECT id, user_id, created_at, last_seen_at, expires_at, ended_at FROM sign_in_sessions WHERE token_hash = ?');
  const byId = db.prepare<[string], Row>('SELECT id, user_id, created_at, last_seen_at, expires_at, ended_at FROM sign_in_sessions WHERE id = ?');
  const touch = db.prepare<[number, string]>('UPDATE sign_in_sessions SET last_seen_at = ? WHERE id = ? AND ended_at IS NULL');
  const end = db.prepare<[number, string, string]>('UPDATE sign_in_sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL');
  const openFor = db.prepare<[number], { id: string }>('SELECT id FROM sign_in_sessions WHERE user_id = ? AND ended_at IS NULL');
  const endFor = db.prepare<[number, string, number]>('UPDATE sign_in_sessions SET ended_at = ?, end_reason = ? WHERE user_id = ? AND ended_at IS NULL');
  const forget = db.prepare<[number]>('DELETE FROM sign_in_sessions WHERE coalesce(ended_at, expires_at) < ?');

  return {
    create(session: { id: string; userId: number; tokenHash: string; now: number; expiresAt: number; address: string | null; userAgent: string | null }): void {
      insert.run(session.id, session.userId, session.tokenHash, session.now, session.now, session.expiresAt, session.address, session.userAgent);
    },
    byTokenHash(tokenHash: string): SignInSessionRow | null {
      const row = byHash.get(tokenHash);
      return row ? toSession(row) : null;
    },
    byId(id: string): SignInSessionRow | null {
      const row = byId.get(id);
      return row ? toSession(row) : null;
    },
    touch(id: string, now: number): void {
      touch.run(now, id);
    },
    /** Ends one session; false when it had already ended. */
    end(id: string, reason: string, now: number): boolean {
      return end.run(now, reason, id).changes > 0;
    },
    /** Ends every open session of a person; returns their ids. */
    endAllFor(userId: number, reason: string, now: number): string[] {
      const ids = openFor.all(userId).map((row) => row.id);
      endFor.run(now, reason, userId);
      return ids;
    },
    /** Forgets sessions that ended (or expired) before `before`. */
    forgetEndedBefore(before: number): number {
      return forget.run(before).changes;
    },
  };
}

export type SignInSessionsRepository = ReturnType<typeof createSignInSessionsRepository>;
