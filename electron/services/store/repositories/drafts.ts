import type Database from 'better-sqlite3';
import type { Draft, DraftKind } from '../../../../shared/contract/domain';

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

/** One unsent reply or note per conversation and user; an empty draft is no draft. */
export function createDraftsRepository(db: Database.Database) {
  const upsert = db.prepare<[number, number, DraftKind, string, number, number | null, number, number]>(
    `INSERT INTO drafts (conversation_id, user_id, kind, body, updated_at, snapshot_event_id, snapshot_edits, snapshot_edit_chars) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (conversation_id, user_id) DO UPDATE SET kind = excluded.kind, body = excluded.body, updated_at = excluded.updated_at,
       snapshot_event_id = excluded.snapshot_event_id, snapshot_edits = excluded.snapshot_edits, snapshot_edit_chars = excluded.snapshot_edit_chars`,
  );
  const remove = db.prepare<[number, number]>('DELETE FROM drafts WHERE conversation_id = ? AND user_id = ?');
  const read = db.prepare<[number, number], DraftRow>('SELECT kind, body, updated_at FROM drafts WHERE conversation_id = ? AND user_id = ?');
  const readChain = db.prepare<[number, number], ChainRow>(
    'SELECT body, snapshot_event_id, snapshot_edits, snapshot_edit_chars FROM drafts WHERE conversation_id = ? AND user_id = ?',
  );

  return {
    /** Saves the draft, with the snapshot just logged for it; an empty draft is removed. */
    save(conversationId: number, userId: number | null, kind: DraftKind, body: string, at: number, snapshot: DraftSnapshotMark | null = null): void {
      if (body.trim()) upsert.run(conversationId, userId ?? 0, kind, body, at, snapshot?.eventId ?? null, snapshot?.edits ?? 0, snapshot?.editChars ?? 0);
      else remove.run(conversationId, userId ?? 0);
    },
    get(conversationId: number, userId: number | null): Draft | null {
      const row = read.get(conversationId, userId ?? 0);
      return row ? { kind: row.kind, body: row.body, savedAt: row.updated_at } : null;
    },
    /** The text of the last snapshot logged for this draft and where its chain of edits stands, or null. */
    lastSnapshot(conversationId: number, userId: number | null): (DraftSnapshotMark & { text: string }) | null {
      const row = readChain.get(conversationId, userId ?? 0);
      if (!row || row.snapshot_event_id === null) return null;
      return { eventId: row.snapshot_event_id, text: row.body, edits: row.snapshot_edits, editChars: row.snapshot_edit_chars };
    },
    discard(conversationId: number, userId: number | null): void {
      remove.run(conversationId, userId ?? 0);
    },
  };
}

export type DraftsRepository = ReturnType<typeof createDraftsRepository>;
