import type { Selectable } from 'kysely';
import type { SessionEventsTable } from '../schema';
import type { StoreContext } from '../storeContext';

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
  | 'collision.overridden'
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
  | 'macros.changed'
  | 'team.changed';

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

const toEvent = (row: Selectable<SessionEventsTable>): SessionEvent => ({
  id: row.id,
  at: row.at,
  kind: row.kind as SessionEventKind,
  conversationId: row.conversation_id,
  messageId: row.message_id,
  userId: row.user_id,
  payload: JSON.parse(row.payload) as Record<string, unknown>,
});

const toRow = (event: NewSessionEvent) => ({
  at: event.at,
  kind: event.kind,
  conversation_id: event.conversationId,
  message_id: event.messageId,
  user_id: event.userId,
  payload: JSON.stringify(event.payload),
});

/** Rows in one multi-row insert: 6 values each, well under SQLite's 32,766 variables a statement. */
const APPEND_ROWS_PER_STATEMENT = 500;

export function createSessionEventsRepository(ctx: StoreContext) {
  return {
    /** Adds an entry. Entries are never changed or removed (the schema refuses it). */
    async append(event: NewSessionEvent): Promise<number> {
      const row = await ctx.db().insertInto('session_events').values(toRow(event)).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },
    /** Adds entries in order, a few hundred to a statement (a bulk import's, at the end of each of its chunks). */
    async appendMany(events: readonly NewSessionEvent[]): Promise<void> {
      for (let start = 0; start < events.length; start += APPEND_ROWS_PER_STATEMENT) {
        await ctx.db().insertInto('session_events').values(events.slice(start, start + APPEND_ROWS_PER_STATEMENT).map(toRow)).execute();
      }
    },
    async listForConversation(conversationId: number): Promise<SessionEvent[]> {
      return (await ctx.db().selectFrom('session_events').selectAll().where('conversation_id', '=', conversationId).orderBy('at').orderBy('id').execute()).map(toEvent);
    },
    /** The newest entry of one kind in a conversation (e.g. when it was last assigned), or null. */
    async lastInConversation(conversationId: number, kind: SessionEventKind): Promise<SessionEvent | null> {
      const row = await ctx.db().selectFrom('session_events').selectAll().where('conversation_id', '=', conversationId).where('kind', '=', kind)
        .orderBy('at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
      return row ? toEvent(row) : null;
    },
    /** Every entry of one kind, oldest first (e.g. who changed the team's setup). */
    async listOfKind(kind: SessionEventKind): Promise<SessionEvent[]> {
      return (await ctx.db().selectFrom('session_events').selectAll().where('kind', '=', kind).orderBy('at').orderBy('id').execute()).map(toEvent);
    },
  };
}

export type SessionEventsRepository = ReturnType<typeof createSessionEventsRepository>;
