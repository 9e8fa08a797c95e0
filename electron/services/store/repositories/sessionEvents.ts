import type Database from 'better-sqlite3';

/** Kinds of entry in the append-only session log from which replays are rebuilt. */
export type SessionEventKind =
  | 'message.arrived'
  | 'message.sent'
  | 'note.added'
  | 'draft.snapshot'
  | 'prompt.shown'
  | 'prompt.inserted'
  | 'prompt.outcome'
  | 'draft.checked'
  | 'draft.decision'
  | 'status.changed'
  | 'call.started'
  | 'call.ended'
  | 'workspace.demo-loaded'
  | 'assignment.changed'
  | 'priority.changed'
  | 'follow-up.added'
  | 'follow-up.closed'
  | 'tag.added'
  | 'tag.removed'
  | 'tag.changed'
  | 'tag.deleted'
  | 'snooze.set'
  | 'snooze.ended'
  | 'response-targets.changed'
  | 'playbook.changed'
  | 'macros.changed';

export interface SessionEvent {
  id: number;
  at: number;
  kind: SessionEventKind;
  conversationId: number | null;
  messageId: number | null;
  userId: number | null;
  payload: Record<string, unknown>;
}

export type NewSessionEvent = Omit<SessionEvent, 'id'>;

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

  return {
    /** Adds an entry. Entries are never changed or removed (the schema refuses it). */
    append(event: NewSessionEvent): number {
      return Number(insert.run({ ...event, payload: JSON.stringify(event.payload) }).lastInsertRowid);
    },
    listForConversation(conversationId: number): SessionEvent[] {
      return ofConversation.all(conversationId).map(toEvent);
    },
    /** Every entry of one kind, oldest first (e.g. who changed the team's setup). */
    listOfKind(kind: SessionEventKind): SessionEvent[] {
      return ofKind.all(kind).map(toEvent);
    },
  };
}

export type SessionEventsRepository = ReturnType<typeof createSessionEventsRepository>;
