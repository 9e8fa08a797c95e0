import type { Role } from '../../../../shared/contract/domain';
import type { StoreContext } from '../storeContext';

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
  kind: string;
  email: string | null;
  name: string | null;
  role: string | null;
  created_by: number | null;
  created_by_name: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  revoked_at: number | null;
}

const toLink = (row: Row): OneTimeLink => ({
  id: row.id,
  kind: row.kind as OneTimeLinkKind,
  email: row.email,
  name: row.name,
  role: row.role as Role | null,
  createdBy: row.created_by,
  createdByName: row.created_by_name,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
  revokedAt: row.revoked_at,
});

/** Links that work once, until they expire: the first admin's setup link and invitations. Only a hash of each token is kept. */
export function createOneTimeLinksRepository(ctx: StoreContext) {
  const links = () =>
    ctx.db().selectFrom('one_time_links as l').leftJoin('users as u', 'u.id', 'l.created_by')
      .select(['l.id', 'l.kind', 'l.email', 'l.name', 'l.role', 'l.created_by', 'u.name as created_by_name', 'l.created_at', 'l.expires_at', 'l.used_at', 'l.revoked_at']);
  const stillOpen = () => ctx.db().updateTable('one_time_links').where('used_at', 'is', null).where('revoked_at', 'is', null);
  const changed = (result: { numUpdatedRows: bigint }) => Number(result.numUpdatedRows);

  return {
    async create(link: { kind: OneTimeLinkKind; tokenHash: string; email?: string; name?: string | null; role?: Role; createdBy?: number | null; now: number; expiresAt: number }): Promise<number> {
      const { id } = await ctx.db().insertInto('one_time_links').values({
        kind: link.kind, token_hash: link.tokenHash, email: link.email ?? null, name: link.name ?? null, role: link.role ?? null,
        created_by: link.createdBy ?? null, created_at: link.now, expires_at: link.expiresAt,
      }).returning('id').executeTakeFirstOrThrow();
      return id;
    },
    async byTokenHash(tokenHash: string): Promise<OneTimeLink | null> {
      const row = await links().where('l.token_hash', '=', tokenHash).executeTakeFirst();
      return row ? toLink(row) : null;
    },
    async byId(id: number): Promise<OneTimeLink | null> {
      const row = await links().where('l.id', '=', id).executeTakeFirst();
      return row ? toLink(row) : null;
    },
    /** Marks the link used, if it is still open and unexpired at `now`: false when it was not (already used, withdrawn, expired). */
    async use(id: number, usedBy: number | null, now: number): Promise<boolean> {
      return changed(await stillOpen().set({ used_at: now, used_by: usedBy }).where('id', '=', id).where('expires_at', '>', now).executeTakeFirst()) > 0;
    },
    /** Who a used link made (recorded once the account exists: `use` first claims the link, so two at once never both get past it). */
    async setUsedBy(id: number, usedBy: number): Promise<void> {
      await ctx.db().updateTable('one_time_links').set({ used_by: usedBy }).where('id', '=', id).execute();
    },
    async revoke(id: number, now: number): Promise<boolean> {
      return changed(await stillOpen().set({ revoked_at: now }).where('id', '=', id).executeTakeFirst()) > 0;
    },
    async revokeOpen(kind: OneTimeLinkKind, now: number): Promise<number> {
      return changed(await stillOpen().set({ revoked_at: now }).where('kind', '=', kind).executeTakeFirst());
    },
    async revokeInvitesFor(email: string, now: number): Promise<number> {
      return changed(await stillOpen().set({ revoked_at: now }).where('kind', '=', 'invite')
        .where((eb) => eb(ctx.sql.caseless(eb.ref('email') as never), '=', ctx.sql.caseless(eb.val(email)))).executeTakeFirst());
    },
    async open(kind: OneTimeLinkKind, now: number): Promise<OneTimeLink[]> {
      const rows = await links().where('l.kind', '=', kind).where('l.used_at', 'is', null).where('l.revoked_at', 'is', null).where('l.expires_at', '>', now)
        .orderBy('l.created_at', 'desc').orderBy('l.id', 'desc').execute();
      return rows.map(toLink);
    },
  };
}

export type OneTimeLinksRepository = ReturnType<typeof createOneTimeLinksRepository>;
