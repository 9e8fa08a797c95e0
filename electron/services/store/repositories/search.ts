import type Database from 'better-sqlite3';
import {
  MOOD_THRESHOLD,
  SEARCH_MARK_END,
  SEARCH_MARK_START,
  type Channel,
  type ConversationStatus,
  type IdentityKind,
  type MessageAuthor,
  type Mood,
  type SearchField,
  type SearchHit,
} from '../../../../shared/contract/domain';
import { parseSearch, phoneEndings, type ParsedSearch } from '../searchQuery';
import { markMatches, searchSnippet, type TermMatcher } from '../searchSnippet';
import { createSearchStems } from '../searchStems';
import { createPrefixSpelling } from '../searchPrefix';

/**
 * How many of the newest matching messages are looked at. A rare term has fewer and is ranked in
 * full (bm25); a word in every other message ("order") fills it and its newest matches come first.
 * Message ids grow as messages are stored, so "newest" is "most recently stored".
 */
export const RANKED_MATCHES = 2_000;
/** How many of the newest matching messages a filtered search looks through for those in the filter. */
export const FILTER_SCAN = 20_000;

/** What the queue is filtered by while searching: search looks only where the queue does. */
export interface SearchFilter {
  channel?: Channel | undefined;
  /** 'active': open or pending. */
  status?: ConversationStatus | 'active' | undefined;
  /** A user's id, or 'unassigned'. */
  assignee?: number | 'unassigned' | undefined;
  mood?: Mood | undefined;
  /** Carries this tag. */
  tagId?: number | undefined;
}

/** One matching message, as the message index finds it. */
export interface MessageHit {
  messageId: number;
  conversationId: number;
  channel: Channel;
  customerName: string;
  author: MessageAuthor;
  sentAt: number;
  snippet: string;
}

interface Match {
  rowid: number;
  rank: number;
  conversation_id: number;
}

interface ConversationRow {
  id: number;
  channel: Channel;
  status: ConversationStatus;
  subject: string | null;
  customer_id: number;
  customer_name: string;
  last_message_at: number | null;
}

interface MessageRow {
  id: number;
  author: MessageAuthor;
  sent_at: number;
  body: string;
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
  if (filter.tagId !== undefined) {
    clauses.push('EXISTS (SELECT 1 FROM conversation_tags ct WHERE ct.conversation_id = c.id AND ct.tag_id = @tagId)');
    params.tagId = filter.tagId;
  }
  if (filter.mood === 'upset') clauses.push(`c.mood_sentiment <= -${MOOD_THRESHOLD}`);
  else if (filter.mood === 'happy') clauses.push(`c.mood_sentiment >= ${MOOD_THRESHOLD}`);
  else if (filter.mood === 'neutral') clauses.push(`c.mood_sentiment > -${MOOD_THRESHOLD} AND c.mood_sentiment < ${MOOD_THRESHOLD}`);
  return { where: clauses.map((clause) => ` AND ${clause}`).join(''), params };
}

const digitsOf = (value: string) => value.replace(/\D/g, '');

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

  /** Why a conversation found by its own fields was found: its fields with the matches marked. */
  function fieldsMatched(row: ConversationRow, identities: { kind: IdentityKind; value: string }[], parsed: ParsedSearch, endings: string[] | null, matches: TermMatcher) {
    const matchedIn: SearchField[] = [];
    const subject = row.subject === null ? null : markMatches(row.subject, parsed.terms, matches);
    if (subject) matchedIn.push('subject');
    const customerName = markMatches(row.customer_name, parsed.terms, matches);
    if (customerName) matchedIn.push('customer');
    let identity: string | null = null;
    for (const { kind, value } of identities) {
      if (kind === 'phone') {
        if (endings?.some((ending) => digitsOf(value).includes(ending))) {
          identity ??= `${SEARCH_MARK_START}${value}${SEARCH_MARK_END}`;
          if (!matchedIn.includes('phone')) matchedIn.push('phone');
        }
        continue;
      }
      const marked = markMatches(value, parsed.terms, matches);
      if (!marked) continue;
      identity ??= marked;
      const field: SearchField = kind === 'email' ? 'email' : 'handle';
      if (!matchedIn.includes(field)) matchedIn.push(field);
    }
    return { matchedIn, subject: subject ?? row.subject, customerName: customerName ?? row.customer_name, identity };
  }

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
      const messages = matchingMessages(parsed, filter);
      const best = new Map<number, { messageId: number; count: number }>();
      for (const match of messages) {
        const seen = best.get(match.conversation_id);
        if (seen) seen.count++;
        else best.set(match.conversation_id, { messageId: match.rowid, count: 1 });
      }
      const order = [...new Set([...byFields, ...best.keys()])].slice(0, limit);
      if (!order.length) return [];
      const fieldMatched = new Set(byFields);

      const conversations = new Map(conversationsById.all(JSON.stringify(order)).map((row) => [row.id, row]));
      const shownMessages = order.flatMap((id) => (best.has(id) ? [best.get(id)!.messageId] : []));
      const bodies = new Map(messagesById.all(JSON.stringify(shownMessages)).map((row) => [row.id, row]));
      const customers = [...new Set(byFields.map((id) => conversations.get(id)?.customer_id).filter((id) => id !== undefined))];
      const identities = new Map<number, { kind: IdentityKind; value: string }[]>();
      for (const row of identitiesOf.all(JSON.stringify(customers))) {
        identities.set(row.customer_id, [...(identities.get(row.customer_id) ?? []), row]);
      }
      const texts = [
        ...[...bodies.values()].map((row) => row.body),
        ...byFields.flatMap((id) => {
          const row = conversations.get(id);
          return row ? [row.subject ?? '', row.customer_name, ...(identities.get(row.customer_id) ?? []).map((identity) => identity.value)] : [];
        }),
      ];
      const matches = stems.matcherFor(parsed.terms, texts);
      const endings = phoneEndings(typed);

      return order.flatMap((id): SearchHit[] => {
        const row = conversations.get(id);
        if (!row) return [];
        const found = best.get(id);
        const message = found ? bodies.get(found.messageId) : undefined;
        const fields = fieldMatched.has(id)
          ? fieldsMatched(row, identities.get(row.customer_id) ?? [], parsed, endings, matches)
          : { matchedIn: [] as SearchField[], subject: row.subject, customerName: row.customer_name, identity: null };
        return [
          {
            conversationId: row.id,
            channel: row.channel,
            status: row.status,
            subject: fields.subject,
            customerName: fields.customerName,
            identity: fields.identity,
            matchedIn: message ? [...fields.matchedIn, 'message'] : fields.matchedIn,
            message: message
              ? { id: message.id, author: message.author, sentAt: message.sent_at, snippet: searchSnippet(message.body, parsed.terms, matches) }
              : null,
            messageMatches: found?.count ?? 0,
            lastMessageAt: row.last_message_at,
          },
        ];
      });
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
