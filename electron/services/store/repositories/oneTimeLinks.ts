import type Database from 'better-sqlite3';
import type { Role } from '../../../../shared/contract/domain';

export type OneTimeLinkKind = 'setup' | 'invite';

export interface OneTimeLink {
  id: number;
  kind: OneTimeLinkKind;
  email: string | null;
  name: string | null;
  role: Role | null;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  revokedAt: number | null;
}

interface Row {
  id: number;
  kind: OneTimeLinkKind;
  email: string | null;
  name: string | null;
  role: Role | null;
  created_by: number | null;
  created_by_name: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  revoked_at: number | null;
}

const toLink = (row: Row): OneTimeLink => ({
  id: row.id,
  kind: row.kind,
  email: row.email,
  name: row.name,
  role: row.role,
  createdBy: row.created_by,
  createdByName: row.created_by_name,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
  revokedAt: row.revoked_at,
});

const SELECT = `SELECT l.id, l.kind, l.email, l.name, l.role, l.created_by, u.name AS created_by_name, l.created_at, l.expires_at, l.used_at, l.revoked_at
  FROM one_time_links l LEFT JOIN users u ON u.id = l.created_by`;

/** Links that work once, until they expire: the first admin's setup link and invitations. Only a hash of each token is kept. */
export function createOneTimeLinksRepository(db: Database.Database) {
  const insert = db.prepare<[OneTimeLinkKind, string, string | null, string | null, Role | null, number | null, number, number]>(
    'INSERT INTO one_time_links (kind, token_hash, email, name, role, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const byHash = db.prepare<[string], Row>(`${SELECT} WHERE l.token_hash = ?`);
  const byId = db.prepare<[number], Row>(`${SELECT} WHERE l.id = ?`);
  const use = db.prepare<[number, number | null, number, number]>(
    'UPDATE one_time_links SET used_at = ?, used_by = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?',
  );
  const revoke = db.prepare<[number, number]>('UPDATE one_time_links SET revoked_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL');
  const revokeOpen = db.prepare<[number, OneTimeLinkKind]>('UPDATE one_time_links SET revoked_at = ? WHERE kind = ? AND used_at IS NULL AND revoked_at IS NULL');
  const revokeForEmail = db.prepare<[number, string]>(
    "UPDATE one_time_links SET revoked_at = ? WHERE kind = 'invite' AND email = ? COLLATE NOCASE AND used_at IS NULL AND revoked_at IS NULL",
  );
  const open = db.prepare<[OneTimeLinkKind, number], Row>(
    `${SELECT} WHERE l.kind = ? AND l.used_at IS NULL AND l.revoked_at IS NULL AND l.expires_at > ? ORDER BY l.created_at DESC, l.id DESC`,
  );

  return {
    create(link: { kind: OneTimeLinkKind; tokenHash: string; email?: string; name?: string | null; role?: Role; createdBy?: number | null; now: number; expiresAt: number }): number {
      return Number(
        insert.run(link.kind, link.tokenHash, link.email ?? null, link.name ?? null, link.role ?? null, link.createdBy ?? null, link.now, link.expiresAt).lastInsertRowid,
      );
    },
    byTokenHash(tokenHash: string): OneTimeLink | null {
      const row = byHash.get(tokenHash);
      return row ? toLink(row) : null;
    },
    byId(id: number): OneTimeLink | null {
      const row = byId.get(id);
      return row ? toLink(row) : null;
    },
    /** Marks the link used, if it is still open and unexpired at `now`: false when it was not (already used, withdrawn, expired). */
    use(id: number, usedBy: number | null, now: number): boolean {
      return use.run(now, usedBy, id, now).changes > 0;
    },
    revoke(id: number, now: number): boolean {
      return revoke.run(now, id).changes > 0;
    },
    revokeOpen(kind: OneTimeLinkKind, now: number): number {
      return revokeOpen.run(now, kind).changes;
    },
    revokeInvitesFor(email: string, now: number): number {
      return revokeForEmail.run(now, email).changes;
    },
    open(kind: OneTimeLinkKind, now: number): OneTimeLink[] {
      return open.all(kind, now).map(toLink);
    },
  };
}

export type OneTimeLinksRepository = ReturnType<typeof createOneTimeLinksRepository>;
