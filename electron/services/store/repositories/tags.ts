import type Database from 'better-sqlite3';
import type { Tag, TagColor, TagUse } from '../../../../shared/contract/triage';

interface TagRow {
  id: number;
  name: string;
  color: TagColor | null;
}

const toTag = (row: TagRow): Tag => ({ id: row.id, name: row.name, color: row.color });

/** The workspace's tags and which conversations carry them. Names are unique whatever their case. */
export function createTagsRepository(db: Database.Database) {
  const all = db.prepare<[], TagRow & { conversations: number }>(
    `SELECT t.id, t.name, t.color, (SELECT count(*) FROM conversation_tags ct WHERE ct.tag_id = t.id) AS conversations
     FROM tags t ORDER BY t.name COLLATE NOCASE`,
  );
  const byId = db.prepare<[number], TagRow>('SELECT id, name, color FROM tags WHERE id = ?');
  const byName = db.prepare<[string], TagRow>('SELECT id, name, color FROM tags WHERE name = ? COLLATE NOCASE');
  const insert = db.prepare<[string, TagColor | null, number]>('INSERT INTO tags (name, color, created_at) VALUES (?, ?, ?)');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM tags');
  const countOn = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM conversation_tags WHERE conversation_id = ?');
  const has = db.prepare<[number, number], { one: number }>('SELECT 1 AS one FROM conversation_tags WHERE conversation_id = ? AND tag_id = ?');
  const attach = db.prepare<[number, number, number]>('INSERT OR IGNORE INTO conversation_tags (conversation_id, tag_id, added_at) VALUES (?, ?, ?)');
  const detach = db.prepare<[number, number]>('DELETE FROM conversation_tags WHERE conversation_id = ? AND tag_id = ?');
  const update = db.prepare<[string, TagColor | null, number]>('UPDATE tags SET name = ?, color = ? WHERE id = ?');
  const uses = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM conversation_tags WHERE tag_id = ?');
  const remove = db.prepare<[number]>('DELETE FROM tags WHERE id = ?');

  return {
    /** Every tag, by name, with how many conversations carry it. */
    list(): TagUse[] {
      return all.all().map((row) => ({ ...toTag(row), conversations: row.conversations }));
    },
    getById(id: number): Tag | null {
      const row = byId.get(id);
      return row ? toTag(row) : null;
    },
    /** The tag with this name, whatever its case. */
    findByName(name: string): Tag | null {
      const row = byName.get(name);
      return row ? toTag(row) : null;
    },
    create(name: string, color: TagColor | null, at: number): Tag {
      const id = Number(insert.run(name, color, at).lastInsertRowid);
      return { id, name, color };
    },
    count(): number {
      return count.get()!.n;
    },
    countOn(conversationId: number): number {
      return countOn.get(conversationId)!.n;
    },
    isOn(conversationId: number, tagId: number): boolean {
      return has.get(conversationId, tagId) !== undefined;
    },
    attach(conversationId: number, tagId: number, at: number): boolean {
      return attach.run(conversationId, tagId, at).changes > 0;
    },
    detach(conversationId: number, tagId: number): boolean {
      return detach.run(conversationId, tagId).changes > 0;
    },
    update(id: number, name: string, color: TagColor | null): void {
      update.run(name, color, id);
    },
    /** How many conversations carry the tag. */
    uses(id: number): number {
      return uses.get(id)!.n;
    },
    /** Deletes the tag; the conversations carrying it lose it with it (ON DELETE CASCADE). */
    delete(id: number): boolean {
      return remove.run(id).changes > 0;
    },
  };
}

export type TagsRepository = ReturnType<typeof createTagsRepository>;
