import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Channel, IdentityKind, MessageAuthor, SearchHit } from '../../../../shared/contract/domain';
import { conversationConditions } from '../kysely/conversations';
import type { KinshipDatabase } from '../schema';
import { FILTER_SCAN, RANKED_MATCHES, type MessageHit, type SearchFilter, type SearchIndex } from '../searchIndex';
import { assembleHits, planHits, textsToMark, type HitConversationRow, type HitMessageRow, type MessageMatch } from '../searchHits';
import { parseSearch, type ParsedSearch } from '../searchQuery';
import { searchSnippet } from '../searchSnippet';
import { createStemMatcher } from '../searchStems';

type TsQuery = RawBuilder<unknown>;

/** A lexeme as tsquery text (quoted, so no symbol in it is syntax), matching any word it starts. */
const prefixLexeme = (value: string) => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "''")}':*`;

/**
 * The typed query as tsqueries, with the contract of the SQLite index: each word in any of its forms
 * (websearch_to_tsquery through the `kinship` configuration, as the documents were indexed; quoted,
 * so "or" is a word, not an operator), the
 * last typed word also as the start of a word, each quoted phrase in order, all of them together.
 */
function queriesOf(parsed: ParsedSearch): { words: TsQuery | null; emoji: TsQuery | null; phones: TsQuery | null } {
  const { phrases, words, emoji, phoneEndings } = parsed.parts;
  const pieces = [
    ...phrases.map((phrase) => sql`websearch_to_tsquery('kinship', ${`"${phrase.join(' ')}"`})`),
    ...words.map((word) => (word.prefix ? sql`to_tsquery('kinship', ${`${word.word}:*`})` : sql`websearch_to_tsquery('kinship', ${`"${word.word}"`})`)),
  ];
  return {
    words: pieces.length ? sql`(${sql.join(pieces, sql` && `)})` : null,
    // a run of emoji is one word in its index: '😞':* also finds '😞😞'
    emoji: emoji.length ? sql`(${emoji.map(prefixLexeme).join(' & ')}::tsquery)` : null,
    phones: phoneEndings ? sql`(${phoneEndings.map(prefixLexeme).join(' | ')}::tsquery)` : null,
  };
}

/** Search on PostgreSQL: tsvector columns with GIN indexes (postgres/baselineSchema.ts). */
export function createPostgresSearch(db: Kysely<KinshipDatabase>): SearchIndex {
  const stems = createStemMatcher(async (words: string[]) => {
    const { rows } = await sql<{ stem: string }>`SELECT coalesce((ts_lexize('kinship_stem', u.w))[1], u.w) AS stem
      FROM unnest(${words}::text[]) WITH ORDINALITY AS u(w, i) ORDER BY u.i`.execute(db);
    return rows.map((row) => row.stem);
  });
  const isFiltered = (filter: SearchFilter) => Object.values(filter).some((value) => value !== undefined);

  /**
   * The newest RANKED_MATCHES messages matching, best first (ts_rank), then newest. Within a filter,
   * the newest FILTER_SCAN matches are looked at and those in the filter kept, newest first.
   */
  async function matchingMessages(parsed: ParsedSearch, filter: SearchFilter): Promise<MessageMatch[]> {
    const { words, emoji } = queriesOf(parsed);
    if (!words && !emoji) return [];
    const matches = sql.join([...(words ? [sql`m.search_words @@ ${words}`] : []), ...(emoji ? [sql`m.search_emoji @@ ${emoji}`] : [])], sql` AND `);
    if (isFiltered(filter)) {
      const rows = await db
        .selectFrom((eb) => eb.selectFrom('messages as m').select(['m.id', 'm.conversation_id']).where(sql<boolean>`${matches}`).orderBy('m.id', 'desc').limit(FILTER_SCAN).as('f'))
        .innerJoin('conversations as c', 'c.id', 'f.conversation_id')
        .select(['f.id', 'f.conversation_id'])
        .where((eb) => conversationConditions(eb as never, filter))
        .orderBy('f.id', 'desc').limit(RANKED_MATCHES).execute();
      return rows.map((row) => ({ rowid: row.id, conversation_id: row.conversation_id }));
    }
    const rows = await db.selectFrom('messages as m')
      .select(['m.id', 'm.conversation_id', (words ? sql<number>`ts_rank(m.search_words, ${words})` : sql<number>`0`).as('rank')])
      .where(sql<boolean>`${matches}`).orderBy('m.id', 'desc').limit(RANKED_MATCHES).execute();
    return rows.sort((x, y) => y.rank - x.rank || y.id - x.id).map((row) => ({ rowid: row.id, conversation_id: row.conversation_id }));
  }

  /** The newest conversations whose subject, customer's name, addresses or phone numbers hold what was typed. */
  async function matchingConversations(parsed: ParsedSearch, filter: SearchFilter, limit: number): Promise<number[]> {
    // emoji are only in messages
    if (parsed.emoji) return [];
    const { words, phones } = queriesOf(parsed);
    const found = [...(words ? [sql`s.words @@ ${words}`] : []), ...(phones ? [sql`s.phones @@ ${phones}`] : [])];
    if (!found.length) return [];
    const rows = await db.selectFrom('conversations as c').select('c.id')
      .where(sql<boolean>`c.id IN (SELECT s.conversation_id FROM conversation_search s WHERE ${sql.join(found, sql` OR `)})`)
      .where((eb) => conversationConditions(eb, filter))
      .orderBy('c.id', 'desc').limit(limit).execute();
    return rows.map((row) => row.id);
  }

  async function conversationRows(ids: number[]): Promise<HitConversationRow[]> {
    if (!ids.length) return [];
    const rows = await db.selectFrom('conversations as c').innerJoin('customers as cu', 'cu.id', 'c.customer_id')
      .select(['c.id', 'c.channel', 'c.status', 'c.subject', 'c.customer_id', 'cu.display_name as customer_name', 'c.last_message_at'])
      .where('c.id', 'in', ids).execute();
    return rows as HitConversationRow[];
  }

  async function messageRows(ids: number[]): Promise<HitMessageRow[]> {
    if (!ids.length) return [];
    return (await db.selectFrom('messages').select(['id', 'author', 'sent_at', 'body']).where('id', 'in', ids).execute()) as HitMessageRow[];
  }

  async function identityRows(customerIds: number[]) {
    if (!customerIds.length) return [];
    const rows = await db.selectFrom('customer_identities').select(['customer_id', 'kind', 'value']).where('customer_id', 'in', customerIds).orderBy('kind').orderBy('value').execute();
    return rows as { customer_id: number; kind: IdentityKind; value: string }[];
  }

  return {
    async find(typed: string, filter: SearchFilter, limit: number): Promise<SearchHit[]> {
      const parsed = parseSearch(typed);
      const [byFields, messages] = await Promise.all([matchingConversations(parsed, filter, limit), matchingMessages(parsed, filter)]);
      const plan = planHits(byFields, messages, limit);
      if (!plan.order.length) return [];
      const conversations = await conversationRows(plan.order);
      const customers = [...new Set(byFields.map((id) => conversations.find((row) => row.id === id)?.customer_id).filter((id) => id !== undefined))];
      const [bodies, identities] = await Promise.all([messageRows(plan.shownMessages), identityRows(customers)]);
      const rows = { conversations, bodies, identities };
      const matches = await stems.matcherFor(parsed.terms, textsToMark(plan, rows));
      return assembleHits(plan, rows, parsed, typed, matches);
    },

    async messages(typed: string, limit: number, filter: SearchFilter = {}): Promise<MessageHit[]> {
      const parsed = parseSearch(typed);
      const top = (await matchingMessages(parsed, filter)).slice(0, limit);
      if (!top.length) return [];
      const found = await db.selectFrom('messages as m').innerJoin('conversations as c', 'c.id', 'm.conversation_id').innerJoin('customers as cu', 'cu.id', 'c.customer_id')
        .select(['m.id', 'm.author', 'm.sent_at', 'm.body', 'm.conversation_id', 'c.channel', 'cu.display_name as customer_name'])
        .where('m.id', 'in', top.map((match) => match.rowid)).execute();
      const rows = new Map(found.map((row) => [row.id, row]));
      const matches = await stems.matcherFor(parsed.terms, found.map((row) => row.body));
      return top.flatMap(({ rowid }) => {
        const row = rows.get(rowid);
        return row
          ? [{ messageId: row.id, conversationId: row.conversation_id, channel: row.channel as Channel, customerName: row.customer_name, author: row.author as MessageAuthor, sentAt: row.sent_at, snippet: searchSnippet(row.body, parsed.terms, matches) }]
          : [];
      });
    },
  };
}
