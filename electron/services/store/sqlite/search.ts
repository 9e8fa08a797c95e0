import type Database from 'better-sqlite3';
import { MOOD_THRESHOLD, type Channel, type IdentityKind, type SearchHit } from '../../../../shared/contract/domain';
import { parseSearch, type ParsedSearch } from '../searchQuery';
import { searchSnippet } from '../searchSnippet';
import { createSearchStems } from '../searchStems';
import { createPrefixSpelling } from '../searchPrefix';
import { assembleHits, planHits, textsToMark, type HitConversationRow as ConversationRow, type HitMessageRow as MessageRow } from '../searchHits';
import { FILTER_SCAN, RANKED_MATCHES, type MessageHit, type SearchFilter } from '../searchIndex';

export { FILTER_SCAN, RANKED_MATCHES, type MessageHit, type SearchFilter };

interface Match {
  rowid: number;
  rank: number;
  conversation_id: number;
}

/** The filter as SQL over the conversation `c`, with the parameters it uses. */
function filterSql(filter: SearchFilter): { where: string; params: Record<string, string | number> } {
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.channel !== undefined) {
    clauses.push('c.channel = @channel');
    params.channel = filter.channel;
  }
  if (filter.status === 'active') clauses.push("c.status IN ('open', 'pending')");
  else if (filter.status !== undefined) {
    clauses.push('c.status = @status');
    params.status = filter.status;
  }
  if (filter.assignee === 'unassigned') clauses.push('c.assignee_id IS NULL');
  else if (filter.assignee !== undefined) {
    clauses.push('c.assignee_id = @assignee');
    params.assignee = filter.assignee;
  }
  if (filter.teamId !== undefined) {
    clauses.push('c.team_id = @teamId');
    params.teamId = filter.teamId;
  }
  if (filter.teamsOf !== undefined) {
    clauses.push('c.team_id IN (SELECT tm.team_id FROM team_members tm WHERE tm.user_id = @teamsOf)');
    params.teamsOf = filter.teamsOf;
  }
  if (filter.tagId !== undefined) {
    clauses.push('EXISTS (SELECT 1 FROM conversation_tags ct WHERE ct.conversation_id = c.id AND ct.tag_id = @tagId)');
    params.tagId = filter.tagId;
  }
  if (filter.mood === 'upset') clauses.push(`c.mood_sentiment <= -${MOOD_THRESHOLD}`);
  else if (filter.mood === 'happy') clauses.push(`c.mood_sentiment >= ${MOOD_THRESHOLD}`);
  else if (filter.mood === 'neutral') clauses.push(`c.mood_sentiment > -${MOOD_THRESHOLD} AND c.mood_sentiment < ${MOOD_THRESHOLD}`);
  return { where: clauses.map((clause) => ` AND ${clause}`).join(''), params };
}


export function createSearchRepository(db: Database.Database) {
  const stems = createSearchStems(db);
  const spelled = createPrefixSpelling(db, stems);
  // one prepared statement per shape of query and filter
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  /**
   * The newest RANKED_MATCHES messages matching, each with its score (FTS5 walks newest first and
   * stops). Within a filter, the newest FILTER_SCAN matches are looked at and those in the filter
   * kept, newest first: a common word under a rare filter must not walk the whole index.
   */
  function matchingMessages(parsed: ParsedSearch, filter: SearchFilter): Match[] {
    if (!parsed.words && !parsed.emoji) return [];
    const words = spelled(parsed);
    const { where, params } = filterSql(filter);
    const table = parsed.words ? 'messages_fts' : 'messages_emoji';
    const match = parsed.words
      ? `messages_fts MATCH @words${parsed.emoji ? ' AND rowid IN (SELECT rowid FROM messages_emoji WHERE messages_emoji MATCH @emoji)' : ''}`
      : 'messages_emoji MATCH @emoji';
    const newest = (ranked: boolean) =>
      `SELECT f.rowid AS rowid, ${ranked ? 'f.rank' : '0'} AS rank, m.conversation_id
         FROM (SELECT rowid${ranked ? ', rank' : ''} FROM ${table} WHERE ${match} ORDER BY rowid DESC LIMIT @window) f
         CROSS JOIN messages m INDEXED BY messages_conversation_of ON m.id = f.rowid`;
    const sql = where
      ? `SELECT f.rowid AS rowid, 0 AS rank, m.conversation_id
         FROM (SELECT rowid FROM ${table} WHERE ${match} ORDER BY rowid DESC LIMIT @scan) f
         CROSS JOIN messages m INDEXED BY messages_conversation_of ON m.id = f.rowid CROSS JOIN conversations c ON c.id = m.conversation_id
         WHERE 1${where} ORDER BY f.rowid DESC LIMIT @window`
      : newest(false);
    const bound = { ...params, window: RANKED_MATCHES, ...(where ? { scan: FILTER_SCAN } : {}), ...(words ? { words } : {}), ...(parsed.emoji ? { emoji: parsed.emoji } : {}) };
    let found = prepared(sql).all(bound) as Match[];
    // Ranked by FTS5's bm25 when the words are rare enough that all their matches are here. Its
    // score needs each word's frequency over the whole index (a pass over every message holding
    // it): for words that fill the window ("order", "thank you") that pass is most of the search's
    // time, and the window is only the newest of their matches anyway, so those stay newest first.
    if (!where && words && found.length < RANKED_MATCHES) found = prepared(newest(true)).all(bound) as Match[];
    return found.sort((x, y) => x.rank - y.rank || y.rowid - x.rowid);
  }

  /** The newest conversations whose subject, customer's name, addresses or phone numbers hold what was typed. */
  function matchingConversations(parsed: ParsedSearch, filter: SearchFilter, limit: number): number[] {
    // emoji are only in messages
    if (parsed.emoji) return [];
    const queries = [parsed.words && `({subject customer handles} : (${parsed.words}))`, parsed.phone && `(${parsed.phone})`].filter(Boolean);
    if (!queries.length) return [];
    const { where, params } = filterSql(filter);
    const sql = `SELECT conversations_fts.rowid AS id FROM conversations_fts ${where ? 'CROSS JOIN conversations c ON c.id = conversations_fts.rowid' : ''}
      WHERE conversations_fts MATCH @query${where} ORDER BY conversations_fts.rowid DESC LIMIT @limit`;
    return (prepared(sql).all({ ...params, query: queries.join(' OR '), limit }) as { id: number }[]).map((row) => row.id);
  }

  const conversationsById = db.prepare<[string], ConversationRow>(
    `SELECT c.id, c.channel, c.status, c.subject, c.customer_id, cu.display_name AS customer_name, c.last_message_at
     FROM conversations c JOIN customers cu ON cu.id = c.customer_id
     WHERE c.id IN (SELECT value FROM json_each(?))`,
  );
  const messagesById = db.prepare<[string], MessageRow>(
    'SELECT id, author, sent_at, body FROM messages WHERE id IN (SELECT value FROM json_each(?))',
  );
  const identitiesOf = db.prepare<[string], { customer_id: number; kind: IdentityKind; value: string }>(
    'SELECT customer_id, kind, value FROM customer_identities WHERE customer_id IN (SELECT value FROM json_each(?)) ORDER BY kind, value',
  );
  const messageHits = db.prepare<[string], MessageRow & { conversation_id: number; channel: Channel; customer_name: string }>(
    `SELECT m.id, m.author, m.sent_at, m.body, m.conversation_id, c.channel, cu.display_name AS customer_name
     FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN customers cu ON cu.id = c.customer_id
     WHERE m.id IN (SELECT value FROM json_each(?))`,
  );

  return {
    /**
     * Conversations holding what was typed — in their subject, their customer's name, e-mail
     * addresses or phone numbers, or their messages — within the filter, each once: those found by
     * their own fields first (newest first), then by their best-matching message. Each says why
     * it was found, with the matches marked.
     */
    find(typed: string, filter: SearchFilter, limit: number): SearchHit[] {
      const parsed = parseSearch(typed);
      const byFields = matchingConversations(parsed, filter, limit);
      const plan = planHits(byFields, matchingMessages(parsed, filter), limit);
      if (!plan.order.length) return [];
      const conversations = conversationsById.all(JSON.stringify(plan.order));
      const customers = [...new Set(byFields.map((id) => conversations.find((row) => row.id === id)?.customer_id).filter((id) => id !== undefined))];
      const rows = { conversations, bodies: messagesById.all(JSON.stringify(plan.shownMessages)), identities: identitiesOf.all(JSON.stringify(customers)) };
      const matches = stems.matcherFor(parsed.terms, textsToMark(plan, rows));
      return assembleHits(plan, rows, parsed, typed, matches);
    },

    /** Messages containing what was typed, best match first (among the newest RANKED_MATCHES), each with a marked snippet. */
    messages(typed: string, limit: number, filter: SearchFilter = {}): MessageHit[] {
      const parsed = parseSearch(typed);
      const top = matchingMessages(parsed, filter).slice(0, limit);
      const rows = new Map(messageHits.all(JSON.stringify(top.map((match) => match.rowid))).map((row) => [row.id, row]));
      const matches = stems.matcherFor(parsed.terms, [...rows.values()].map((row) => row.body));
      // (snippets are cut here, from the text: FTS5's snippet() re-runs a prefix query for every row)
      return top.flatMap(({ rowid }) => {
        const row = rows.get(rowid);
        return row
          ? [{ messageId: row.id, conversationId: row.conversation_id, channel: row.channel, customerName: row.customer_name, author: row.author, sentAt: row.sent_at, snippet: searchSnippet(row.body, parsed.terms, matches) }]
          : [];
      });
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
