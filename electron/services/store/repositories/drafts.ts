import type Database from 'better-sqlite3';
import type { Draft, DraftKind } from '../../../../shared/contract/domain';

interface DraftRow {
  kind: DraftKind;
  body: string;
  updated_at: number;
}

/** One unsent reply or note per conversation and user; an empty draft is no draft. */
export function createDraftsRepository(db: Database.Database) {
  const upsert = db.prepare<[number, number, DraftKind, string, number]>(
    `INSERT INTO drafts (conversation_id, user_id, kind, body, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (conversation_id, user_id) DO UPDATE SET kind = excluded.kind, body = excluded.body, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[number, number]>('DELETE FROM drafts WHERE conversation_id = ? AND user_id = ?');
  const read = db.prepare<[number, number], DraftRow>('SELECT kind, body, updated_at FROM drafts WHERE conversation_id = ? AND user_id = ?');

  return {
    save(conversationId: number, userId: number | null, kind: DraftKind, body: string, at: number): void {
      if (body.trim()) upsert.run(conversationId, userId ?? 0, kind, body, at);
      else remove.run(conversationId, userId ?? 0);
    },
    get(conversationId: number, userId: number | null): Draft | null {
      const row = read.get(conversationId, userId ?? 0);
      return row ? { kind: row.kind, body: row.body, savedAt: row.updated_at } : null;
    },
    discard(conversationId: number, userId: number | null): void {
      remove.run(conversationId, userId ?? 0);
    },
  };
}

export type DraftsRepository = ReturnType<typeof createDraftsRepository>;
