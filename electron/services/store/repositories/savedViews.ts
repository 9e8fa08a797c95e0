import type Database from 'better-sqlite3';
import type { InboxView } from '../../../../shared/contract/views';
import { toView, type StoredView } from '../kysely/savedViews';

export type { StoredView };

/** People's named views of the inbox: each person's own, in the order they were made. */
export function createSavedViewsRepository(db: Database.Database) {
  const insert = db.prepare<[number, string, string, number, number]>('INSERT INTO saved_views (user_id, name, view, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const update = db.prepare<[string, string, number, number, number]>('UPDATE saved_views SET name = ?, view = ?, updated_at = ? WHERE id = ? AND user_id = ?');
  const remove = db.prepare<[number, number]>('DELETE FROM saved_views WHERE id = ? AND user_id = ?');
  const byId = db.prepare<[number, number], Parameters<typeof toView>[0]>('SELECT * FROM saved_views WHERE id = ? AND user_id = ?');
  const byName = db.prepare<[number, string], Parameters<typeof toView>[0]>('SELECT * FROM saved_views WHERE user_id = ? AND name = ? COLLATE NOCASE');
  const ofUser = db.prepare<[number], Parameters<typeof toView>[0]>('SELECT * FROM saved_views WHERE user_id = ? ORDER BY id');
  const countOf = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM saved_views WHERE user_id = ?');

  return {
    list(userId: number): StoredView[] {
      return ofUser.all(userId).flatMap((row) => toView(row) ?? []);
    },
    get(id: number, userId: number): StoredView | null {
      const row = byId.get(id, userId);
      return row ? toView(row) : null;
    },
    /** The person's view with this name (in any case), if they have one. */
    findByName(userId: number, name: string): StoredView | null {
      const row = byName.get(userId, name);
      return row ? toView(row) : null;
    },
    count(userId: number): number {
      return countOf.get(userId)!.n;
    },
    create(userId: number, name: string, view: InboxView, at: number): number {
      return Number(insert.run(userId, name, JSON.stringify(view), at, at).lastInsertRowid);
    },
    update(id: number, userId: number, name: string, view: InboxView, at: number): boolean {
      return update.run(name, JSON.stringify(view), at, id, userId).changes > 0;
    },
    delete(id: number, userId: number): boolean {
      return remove.run(id, userId).changes > 0;
    },
  };
}

export type SavedViewsRepository = ReturnType<typeof createSavedViewsRepository>;
