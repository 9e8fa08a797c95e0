import type Database from 'better-sqlite3';
import { DRAFT_KINDS, type Draft, type DraftKind } from '../../../../shared/contract/domain';

interface DraftRow {
  kind: DraftKind;
  body: string;
  updated_at: number;
}

interface ChainRow {
  body: string;
  snapshot_event_id: number | null;
  snapshot_edits: number;
  snapshot_edit_chars: number;
}

/** The last draft snapshot logged for a draft (its session event), and the edits since a full one. */
export interface DraftSnapshotMark {
  eventId: number;
  edits: number;
  editChars: number;
}

const toDraft = (row: DraftRow): Draft => ({ kind: row.kind, body: row.body, savedAt: row.updated_at });

/**
 * Unsent replies and internal notes: one of each per conversation and person (user 0 when nobody is
 * signed in), kept apart so text never moves from one to the other; an empty draft is no draft.
 */
export function createDraftsRepository(db: Database.Database) {
  const upsert = db.prepare<[number, number, DraftKind, string, number, number | null, number, number]>(
    `INSERT INTO drafts (conversation_id, user_id, kind, body, updated_at, snapshot_event_id, snapshot_edits, snapshot_edit_chars) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (conversation_id, user_id, kind) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at,
       snapshot_event_id = excluded.snapshot_event_id, snapshot_edits = excluded.snapshot_edits, snapshot_edit_chars = excluded.snapshot_edit_chars`,
  );
  const remove = db.prepare<[number, number, DraftKind]>('DELETE FROM drafts WHERE conversation_id = ? AND user_id = ? AND kind = ?');
  const readAll = db.prepare<[number, number], DraftRow>('SELECT kind, body, updated_at FROM drafts WHERE conversation_id = ? AND user_id = ? ORDER BY updated_at DESC, kind');
  const readChain = db.prepare<[number, number, DraftKind], ChainRow>(
    'SELECT body, snapshot_event_id, snapshot_edits, snapshot_edit_chars FROM drafts WHERE conversation_id = ? AND user_id = ? AND kind = ?',
  );

  return {
    /** Saves one kind of draft, with the snapshot just logged for it; an empty draft is removed. */
    save(conversationId: number, userId: number | null, kind: DraftKind, body: string, at: number, snapshot: DraftSnapshotMark | null = null): void {
      if (body.trim()) upsert.run(conversationId, userId ?? 0, kind, body, at, snapshot?.eventId ?? null, snapshot?.edits ?? 0, snapshot?.editChars ?? 0);
      else remove.run(conversationId, userId ?? 0, kind);
    },
    /** The person's reply and note drafts here, each or null. */
    byKind(conversationId: number, userId: number | null): Record<DraftKind, Draft | null> {
      const found = Object.fromEntries(DRAFT_KINDS.map((kind) => [kind, null])) as Record<DraftKind, Draft | null>;
      for (const row of readAll.all(conversationId, userId ?? 0)) found[row.kind] = toDraft(row);
      return found;
    },
    /** The draft the person worked on last here (either kind), or null. */
    get(conversationId: number, userId: number | null): Draft | null {
      const row = readAll.get(conversationId, userId ?? 0);
      return row ? toDraft(row) : null;
    },
    /** The text of the last snapshot logged for this draft and where its chain of edits stands, or null. */
    lastSnapshot(conversationId: number, userId: number | null, kind: DraftKind): (DraftSnapshotMark & { text: string }) | null {
      const row = readChain.get(conversationId, userId ?? 0, kind);
      if (!row || row.snapshot_event_id === null) return null;
      return { eventId: row.snapshot_event_id, text: row.body, edits: row.snapshot_edits, editChars: row.snapshot_edit_chars };
    },
    /** Removes one kind of draft (the other is left as it is). */
    discard(conversationId: number, userId: number | null, kind: DraftKind): void {
      remove.run(conversationId, userId ?? 0, kind);
    },
  };
}

export type DraftsRepository = ReturnType<typeof createDraftsRepository>;
