import type Database from 'better-sqlite3';

/**
 * Snoozed conversations and when they come back. Leaving 'snoozed' any way at all clears the time
 * (a trigger of migration 12), so a conversation reopened by hand is never woken later.
 */
export function createSnoozesRepository(db: Database.Database) {
  const snooze = db.prepare<[number, number, number]>("UPDATE conversations SET status = 'snoozed', snoozed_until = ?, updated_at = ? WHERE id = ?");
  const next = db.prepare<[], { due: number | null }>("SELECT min(snoozed_until) AS due FROM conversations WHERE snoozed_until IS NOT NULL AND status = 'snoozed'");
  const due = db.prepare<[number, number], { id: number; snoozed_until: number }>(
    "SELECT id, snoozed_until FROM conversations WHERE snoozed_until IS NOT NULL AND snoozed_until <= ? AND status = 'snoozed' ORDER BY snoozed_until, id LIMIT ?",
  );
  const untilOf = db.prepare<[number], { status: string; snoozed_until: number | null }>('SELECT status, snoozed_until FROM conversations WHERE id = ?');
  const wake = db.prepare<[number, number]>("UPDATE conversations SET status = 'open', updated_at = max(updated_at, ?) WHERE id = ? AND status = 'snoozed'");
  const forgetReads = db.prepare<[number]>('DELETE FROM conversation_reads WHERE conversation_id = ?');

  return {
    snooze(conversationId: number, until: number, at: number): boolean {
      return snooze.run(until, at, conversationId).changes > 0;
    },
    /** The earliest time a snoozed conversation comes back, or null when none is waiting to. */
    nextDue(): number | null {
      return next.get()?.due ?? null;
    },
    /** Snoozed conversations whose time has come (at most `limit`, earliest first). */
    due(at: number, limit: number): { conversationId: number; until: number }[] {
      return due.all(at, limit).map((row) => ({ conversationId: row.id, until: row.snoozed_until }));
    },
    /** Whether it is snoozed, and until when (null: no time was given). */
    state(conversationId: number): { snoozed: boolean; until: number | null } | null {
      const row = untilOf.get(conversationId);
      return row ? { snoozed: row.status === 'snoozed', until: row.snoozed_until } : null;
    },
    /** Back to open work, unread for everyone; false when it was not snoozed. */
    wake(conversationId: number, at: number): boolean {
      if (wake.run(at, conversationId).changes === 0) return false;
      forgetReads.run(conversationId);
      return true;
    },
  };
}

export type SnoozesRepository = ReturnType<typeof createSnoozesRepository>;
