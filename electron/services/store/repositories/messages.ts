import type Database from 'better-sqlite3';
import type { Channel, Message, MessageAuthor, MessageMeta } from '../../../../shared/contract/domain';

interface MessageRow {
  id: number;
  conversation_id: number;
  author: MessageAuthor;
  author_name: string | null;
  body: string;
  body_html: string | null;
  sent_at: number;
  meta: string;
}

export interface NewMessage {
  conversationId: number;
  author: MessageAuthor;
  authorName: string | null;
  authorUserId: number | null;
  body: string;
  /** The HTML an e-mail came in, if it did; `body` is its text. */
  bodyHtml?: string | null;
  sentAt: number;
  externalId: string | null;
  /** Two messages with the same key are the same message; the second is not stored. */
  dedupeKey: string;
  meta: MessageMeta;
  createdAt: number;
}

const toMessage = (row: MessageRow): Omit<Message, 'reading'> => ({
  id: row.id,
  conversationId: row.conversation_id,
  author: row.author,
  authorName: row.author_name,
  body: row.body,
  html: row.body_html,
  sentAt: row.sent_at,
  meta: JSON.parse(row.meta) as MessageMeta,
});

const COLUMNS = 'id, conversation_id, author, author_name, body, body_html, sent_at, meta';

export function createMessagesRepository(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO messages (conversation_id, author, author_name, author_user_id, body, body_html, sent_at, external_id, dedupe_key, meta, created_at)
     VALUES (@conversationId, @author, @authorName, @authorUserId, @body, @bodyHtml, @sentAt, @externalId, @dedupeKey, @meta, @createdAt)
     ON CONFLICT (dedupe_key) DO NOTHING`,
  );
  const byDedupeKey = db.prepare<[string], { id: number; conversation_id: number }>(
    'SELECT id, conversation_id FROM messages WHERE dedupe_key = ?',
  );
  const byId = db.prepare<[number], MessageRow>(`SELECT ${COLUMNS} FROM messages WHERE id = ?`);
  const ofConversation = db.prepare<[number], MessageRow>(
    `SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY sent_at, id`,
  );
  const newestOfConversation = db.prepare<[number, number], MessageRow>(
    `SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY sent_at DESC, id DESC LIMIT ?`,
  );
  const olderOfConversation = db.prepare<[number, number, number, number], MessageRow>(
    `SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? AND (sent_at, id) < (?, ?) ORDER BY sent_at DESC, id DESC LIMIT ?`,
  );
  const fromOfConversation = db.prepare<[number, number, number, number], MessageRow>(
    `SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? AND (sent_at, id) >= (?, ?) ORDER BY sent_at, id LIMIT ?`,
  );
  const countNewer = db.prepare<[number, number, number], { n: number }>(
    'SELECT count(*) AS n FROM messages WHERE conversation_id = ? AND (sent_at, id) > (?, ?)',
  );
  const countOlder = db.prepare<[number, number, number], { n: number }>(
    'SELECT count(*) AS n FROM messages WHERE conversation_id = ? AND (sent_at, id) < (?, ?)',
  );
  const firstByAuthor = db.prepare<[number, MessageAuthor], { body: string }>(
    'SELECT body FROM messages WHERE conversation_id = ? AND author = ? ORDER BY sent_at, id LIMIT 1',
  );
  // a contact with the customer: their message or ours, or a call's own lines; never an internal note
  // (the same rule as electron/services/connection/lastContact.ts, which works on history in memory)
  const lastContact = db.prepare<[number], { sent_at: number }>(
    `SELECT m.sent_at FROM messages m JOIN conversations c ON c.id = m.conversation_id
     WHERE m.conversation_id = ? AND (m.author IN ('customer', 'agent') OR (m.author = 'system' AND c.channel = 'voice'))
     ORDER BY m.sent_at DESC, m.id DESC LIMIT 1`,
  );
  const latestByAuthor = db.prepare<[number, MessageAuthor, number], { id: number; sent_at: number }>(
    'SELECT id, sent_at FROM messages WHERE conversation_id = ? AND author = ? AND id != ? ORDER BY sent_at DESC, id DESC LIMIT 1',
  );
  const byEmailId = db.prepare<[string], { id: number; conversation_id: number }>(
    "SELECT id, conversation_id FROM messages WHERE json_extract(meta, '$.messageId') = ? LIMIT 1",
  );
  // what others wrote after a given message (by when it was stored): the customer, colleagues' replies and notes; never system lines
  const OTHERS_AFTER = `conversation_id = @conversationId AND id > @after AND author IN ('customer', 'agent', 'note')
       AND (author_user_id IS NULL OR author_user_id <> @except)`;
  const anyWrittenAfter = db.prepare<{ conversationId: number; after: number; except: number }, { found: number }>(
    `SELECT EXISTS (SELECT 1 FROM messages WHERE ${OTHERS_AFTER}) AS found`,
  );
  const countWrittenAfter = db.prepare<{ conversationId: number; after: number; except: number }, { n: number }>(
    `SELECT count(*) AS n FROM messages WHERE ${OTHERS_AFTER}`,
  );
  const newestWrittenAfter = db.prepare<{ conversationId: number; after: number; except: number; limit: number }, { id: number; author: MessageAuthor; author_name: string | null; body: string; sent_at: number }>(
    `SELECT id, author, author_name, substr(body, 1, 2000) AS body, sent_at FROM messages
     WHERE ${OTHERS_AFTER}
     ORDER BY id DESC LIMIT @limit`,
  );
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM messages');
  const existing = db.prepare<[number], { found: number }>('SELECT 1 AS found FROM messages WHERE id = ?');
  const forReading = db.prepare<[number], { id: number; conversation_id: number; channel: Channel; body: string }>(
    'SELECT m.id, m.conversation_id, c.channel, m.body FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.id = ?',
  );

  return {
    /** Stores the message; returns its id, or null when a message with the same key already exists. */
    insert(message: NewMessage): number | null {
      const result = insert.run({ ...message, bodyHtml: message.bodyHtml ?? null, meta: JSON.stringify(message.meta) });
      return result.changes > 0 ? Number(result.lastInsertRowid) : null;
    },
    findByDedupeKey(key: string): { id: number; conversationId: number } | null {
      const row = byDedupeKey.get(key);
      return row ? { id: row.id, conversationId: row.conversation_id } : null;
    },
    /** The stored message with this e-mail Message-ID, for threading replies. */
    findByEmailMessageId(messageId: string): { id: number; conversationId: number } | null {
      const row = byEmailId.get(messageId);
      return row ? { id: row.id, conversationId: row.conversation_id } : null;
    },
    getById(id: number): Omit<Message, 'reading'> | null {
      const row = byId.get(id);
      return row ? toMessage(row) : null;
    },
    listForConversation(conversationId: number): Omit<Message, 'reading'>[] {
      return ofConversation.all(conversationId).map(toMessage);
    },
    /**
     * A page of a conversation, oldest first: the newest `limit` messages, or the `limit` before a
     * given message; with how many earlier ones there are, so a long thread is read a page at a time.
     */
    pageOfConversation(conversationId: number, limit: number, before: { sentAt: number; id: number } | null): { messages: Omit<Message, 'reading'>[]; olderCount: number } {
      const rows = before ? olderOfConversation.all(conversationId, before.sentAt, before.id, limit) : newestOfConversation.all(conversationId, limit);
      rows.reverse();
      const first = rows[0];
      return { messages: rows.map(toMessage), olderCount: first ? countOlder.get(conversationId, first.sent_at, first.id)!.n : 0 };
    },
    /** Up to `limit` messages of a conversation from a given one (included) on, oldest first, with how many are before and after them. */
    fromMessageOfConversation(conversationId: number, from: { sentAt: number; id: number }, limit: number): { messages: Omit<Message, 'reading'>[]; olderCount: number; newerCount: number } {
      const rows = fromOfConversation.all(conversationId, from.sentAt, from.id, limit);
      const last = rows[rows.length - 1];
      return {
        messages: rows.map(toMessage),
        olderCount: countOlder.get(conversationId, from.sentAt, from.id)!.n,
        newerCount: last ? countNewer.get(conversationId, last.sent_at, last.id)!.n : 0,
      };
    },
    /** The newest message a given author wrote in a conversation (leaving one out, e.g. the one just sent), if any. */
    latestBy(conversationId: number, author: MessageAuthor, except = 0): { id: number; sentAt: number } | null {
      const row = latestByAuthor.get(conversationId, author, except);
      return row ? { id: row.id, sentAt: row.sent_at } : null;
    },
    /** When the customer and we were last in contact in a conversation (not a note), if ever. */
    lastContactAt(conversationId: number): number | null {
      return lastContact.get(conversationId)?.sent_at ?? null;
    },
    /** The text of the first message a given author wrote in a conversation, if any. */
    firstBodyBy(conversationId: number, author: MessageAuthor): string | null {
      return firstByAuthor.get(conversationId, author)?.body ?? null;
    },
    /**
     * Whether others wrote in a conversation after message `after` was stored (0: at all): the
     * customer, or colleagues' replies and notes (not `exceptUserId`, nor system lines).
     */
    anyWrittenAfter(conversationId: number, after: number, exceptUserId: number | null): boolean {
      return anyWrittenAfter.get({ conversationId, after, except: exceptUserId ?? 0 })!.found === 1;
    },
    /**
     * What others wrote in a conversation after message `after` was stored (0: all), as
     * `anyWrittenAfter` counts it: how many, and the newest `newest` of them, oldest first.
     */
    writtenAfter(conversationId: number, after: number, exceptUserId: number | null, newest: number): { count: number; newest: { id: number; author: MessageAuthor; authorName: string | null; body: string; sentAt: number }[] } {
      const params = { conversationId, after, except: exceptUserId ?? 0 };
      const rows = newestWrittenAfter.all({ ...params, limit: newest });
      // fewer than asked for are all there are: no need to count them
      const count = rows.length < newest ? rows.length : countWrittenAfter.get(params)!.n;
      return {
        count,
        newest: rows.reverse().map((row) => ({ id: row.id, author: row.author, authorName: row.author_name, body: row.body, sentAt: row.sent_at })),
      };
    },
    count(): number {
      return countAll.get()!.n;
    },
    exists(id: number): boolean {
      return existing.get(id) !== undefined;
    },
    /** What the analysis needs of a message: its words and the channel they came by. */
    getForReading(id: number): { id: number; conversationId: number; channel: Channel; body: string } | null {
      const row = forReading.get(id);
      return row ? { id: row.id, conversationId: row.conversation_id, channel: row.channel, body: row.body } : null;
    },
  };
}

export type MessagesRepository = ReturnType<typeof createMessagesRepository>;
