import type Database from 'better-sqlite3';
import {
  SEARCH_MARK_END,
  SEARCH_MARK_START,
  type Channel,
  type MessageAuthor,
  type SearchHit,
} from '../../../../shared/contract/domain';

interface HitRow {
  message_id: number;
  conversation_id: number;
  channel: Channel;
  customer_name: string;
  author: MessageAuthor;
  sent_at: number;
  snippet: string;
}

/**
 * Turns what a person typed into an FTS5 query that cannot be a syntax error: every word must
 * appear (in any order), the last one may be a prefix, and text in double quotes is a phrase.
 * Returns null when nothing searchable was typed.
 */
export function toFtsQuery(typed: string): string | null {
  const parts: string[] = [];
  const phrasePattern = /"([^"]*)"/g;
  let rest = typed;
  for (const match of typed.matchAll(phrasePattern)) {
    const words = match[1]!.match(/[\p{L}\p{N}]+/gu);
    if (words) parts.push(`"${words.join(' ')}"`);
    rest = rest.replace(match[0], ' ');
  }
  const words = rest.match(/[\p{L}\p{N}]+/gu) ?? [];
  words.forEach((word, index) => {
    const isLast = index === words.length - 1 && !/\s$/.test(typed);
    parts.push(isLast ? `"${word}"*` : `"${word}"`);
  });
  return parts.length ? parts.join(' ') : null;
}

export function createSearchRepository(db: Database.Database) {
  const search = db.prepare<{ query: string; limit: number; start: string; end: string }, HitRow>(
    `SELECT m.id AS message_id, m.conversation_id, c.channel, cu.display_name AS customer_name, m.author, m.sent_at,
            snippet(messages_fts, 0, @start, @end, '…', 16) AS snippet
     FROM messages_fts
     JOIN messages m ON m.id = messages_fts.rowid
     JOIN conversations c ON c.id = m.conversation_id
     JOIN customers cu ON cu.id = c.customer_id
     WHERE messages_fts MATCH @query
     ORDER BY bm25(messages_fts), m.sent_at DESC
     LIMIT @limit`,
  );

  return {
    /** Messages containing what was typed, best match first, each with a marked snippet. */
    messages(typed: string, limit: number): SearchHit[] {
      const query = toFtsQuery(typed);
      if (!query) return [];
      return search.all({ query, limit, start: SEARCH_MARK_START, end: SEARCH_MARK_END }).map((row) => ({
        messageId: row.message_id,
        conversationId: row.conversation_id,
        channel: row.channel,
        customerName: row.customer_name,
        author: row.author,
        sentAt: row.sent_at,
        snippet: row.snippet,
      }));
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
