import type Database from 'better-sqlite3';
import type { Channel, MessageAuthor, SearchHit } from '../../../../shared/contract/domain';
import { searchSnippet, searchTerms } from '../searchSnippet';

interface HitRow {
  message_id: number;
  conversation_id: number;
  channel: Channel;
  customer_name: string;
  author: MessageAuthor;
  sent_at: number;
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

/**
 * How many of the newest matches are ranked. A rare term has fewer and is ranked in full; a word in
 * every other message ("order") would otherwise make FTS5 score hundreds of thousands of rows
 * before it could take the best fifty. Message ids grow as messages are stored, so "newest" is
 * "most recently stored".
 */
export const RANKED_MATCHES = 2_000;

export function createSearchRepository(db: Database.Database) {
  // the newest RANKED_MATCHES matches with their score (FTS5 walks its index newest first and stops)
  const matches = db.prepare<{ query: string; window: number }, { rowid: number; rank: number }>(
    'SELECT rowid, rank FROM messages_fts WHERE messages_fts MATCH @query ORDER BY rowid DESC LIMIT @window',
  );
  // then the text and context of just the best of them
  const hits = db.prepare<[string], HitRow & { body: string }>(
    `SELECT m.id AS message_id, m.conversation_id, c.channel, cu.display_name AS customer_name, m.author, m.sent_at, m.body
     FROM messages m
     JOIN conversations c ON c.id = m.conversation_id
     JOIN customers cu ON cu.id = c.customer_id
     WHERE m.id IN (SELECT value FROM json_each(?))`,
  );

  return {
    /** Messages containing what was typed, best match first (among the newest RANKED_MATCHES), each with a marked snippet. */
    messages(typed: string, limit: number): SearchHit[] {
      const query = toFtsQuery(typed);
      if (!query) return [];
      const best = matches
        .all({ query, window: RANKED_MATCHES })
        .sort((x, y) => x.rank - y.rank || y.rowid - x.rowid)
        .slice(0, limit);
      const byId = new Map(hits.all(JSON.stringify(best.map((match) => match.rowid))).map((row) => [row.message_id, row]));
      const terms = searchTerms(typed);
      // (snippets are cut here, from the text: FTS5's snippet() re-runs a prefix query for every row)
      const rows = best.flatMap(({ rowid }) => {
        const row = byId.get(rowid);
        return row ? [{ ...row, snippet: searchSnippet(row.body, terms) }] : [];
      });
      return rows.map((row) => ({
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
