import type Database from 'better-sqlite3';

import type { NewSessionEvent, SessionEvent, SessionEventKind } from '../kysely/sessionEvents';

export type { NewSessionEvent, SessionEvent, SessionEventKind };

interface EventRow {
  id: number;
  at: number;
  kind: SessionEventKind;
  conversation_id: number | null;
  message_id: number | null;
  user_id: number | null;
  payload: string;
}

const toEvent = (row: EventRow): SessionEvent => ({
  id: row.id,
  at: row.at,
  kind: row.kind,
  conversationId: row.conversation_id,
  messageId: row.message_id,
  userId: row.user_id,
  payload: JSON.parse(row.payload) as Record<string, unknown>,
});

export function createSessionEventsRepository(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO session_events (at, kind, conversation_id, message_id, user_id, payload)
     VALUES (@at, @kind, @conversationId, @messageId, @userId, @payload)`,
  );
  const ofConversation = db.prepare<[number], EventRow>(
    'SELECT * FROM session_events WHERE conversation_id = ? ORDER BY at, id',
  );
  const ofKind = db.prepare<[string], EventRow>('SELECT * FROM session_events WHERE kind = ? ORDER BY at, id');
  const lastOfConversation = db.prepare<[number, string], EventRow>(
    'SELECT * FROM session_events WHERE conversation_id = ? AND kind = ? ORDER BY at DESC, id DESC LIMIT 1',
  );

  return {
    /** Adds an entry. Entries are never changed or removed (the schema refuses it). */
    append(event: NewSessionEvent): number {
      return Number(insert.run({ ...event, payload: JSON.stringify(event.payload) }).lastInsertRowid);
    },
    listForConversation(conversationId: number): SessionEvent[] {
      return ofConversation.all(conversationId).map(toEvent);
    },
    /** The newest entry of one kind in a conversation (e.g. when it was last assigned), or null. */
    lastInConversation(conversationId: number, kind: SessionEventKind): SessionEvent | null {
      const row = lastOfConversation.get(conversationId, kind);
      return row ? toEvent(row) : null;
    },
    /** Every entry of one kind, oldest first (e.g. who changed the team's setup). */
    listOfKind(kind: SessionEventKind): SessionEvent[] {
      return ofKind.all(kind).map(toEvent);
    },
  };
}

export type SessionEventsRepository = ReturnType<typeof createSessionEventsRepository>;
