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

/** A word in at least one message in this many is found by walking the newest messages (newestMatches). */
const WALK_DENSITY = 25;
/** The most message ids the first span looked through for a rarer word covers. */
const FIRST_SPAN = 65_536;

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
   * The newest `count` messages matching, newest first. A GIN index cannot hand its matches over
   * newest first, so the planner's estimate of how many messages match chooses the way: expecting
   * no more than `count`, all are read; for a word in many messages (one in WALK_DENSITY or more),
   * the messages walked newest first, each tested, soon find `count`; in between, that walk would
   * test hundreds of thousands, so the matches are taken from the index a span of ids at a time, newest span first
   * (the index's matches ANDed with the span's ids: only matching rows are read), the first span
   * sized by the estimate to hold them all (within FIRST_SPAN), each next one by how densely the
   * spans so far held them.
   */
  async function newestMatches(matches: RawBuilder<unknown>, count: number): Promise<{ id: number; conversation_id: number }[]> {
    const newest = (from: number, below: number | null, limit: number) => (qb: ReturnType<typeof db.selectFrom<'messages as m'>>) =>
      qb.select(['m.id', 'm.conversation_id']).where(sql<boolean>`${matches}`)
        .$if(below !== null, (q) => q.where('m.id', '<', below!)).$if(from > 0, (q) => q.where('m.id', '>=', from))
        .orderBy('m.id', 'desc').limit(limit);
    const { rows: plan } = await sql<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>`EXPLAIN (FORMAT JSON) SELECT 1 FROM messages m WHERE ${matches}`.execute(db);
    const estimate = Math.max(1, plan[0]?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 1);
    // expecting no more than `count`, the planner reads them all from the index and keeps the newest
    const all = () => db.selectFrom('messages as m').$call(newest(0, null, count)).execute();
    if (estimate <= count) return all();
    const top = (await db.selectFrom('messages').select((eb) => eb.fn.max('id').as('top')).executeTakeFirst())?.top;
    if (top === undefined || top === null) return [];
    const end = Number(top) + 1;
    // as dense as that, the planner walks the newest first
    if (estimate * WALK_DENSITY >= end) return all();
    return db.transaction().execute(async (trx) => {
      // the bitmap plans, not a walk down the primary key testing every row
      await sql`SET LOCAL enable_indexscan = off`.execute(trx);
      const found: { id: number; conversation_id: number }[] = [];
      let below = end;
      // at most FIRST_SPAN: estimates of phrases and of several words together can be far too low
      let span = Math.min(FIRST_SPAN, Math.ceil((1.5 * count * end) / estimate));
      // expecting few matches, the planner may read them all and then keep those in the span: then once, not once a span
      const spanPlan = await trx.selectFrom('messages as m').$call(newest(Math.max(0, end - span), end, count)).explain('json');
      if (!JSON.stringify(spanPlan).includes('"BitmapAnd"')) span = end;
      while (found.length < count && below > 0) {
        const from = Math.max(0, below - span);
        found.push(...(await trx.selectFrom('messages as m').$call(newest(from, below, count - found.length)).execute()));
        below = from;
        const density = found.length / (end - from);
        span = density > 0 ? Math.ceil((1.5 * (count - found.length)) / density) : span * 16;
      }
      return found;
    });
  }

  /**
   * The newest RANKED_MATCHES messages matching; ranked best first (ts_rank) when that is all of
   * them, else newest first, as on SQLite: scoring a word in thousands of messages reads each one's
   * search document again, and the window is only the newest of its matches anyway. Within a
   * filter, the newest FILTER_SCAN matches are looked at and those in the filter kept, newest first.
   */
  async function matchingMessages(parsed: ParsedSearch, filter: SearchFilter): Promise<MessageMatch[]> {
    const { words, emoji } = queriesOf(parsed);
    if (!words && !emoji) return [];
    const matches = sql.join([...(words ? [sql`m.search_words @@ ${words}`] : []), ...(emoji ? [sql`m.search_emoji @@ ${emoji}`] : [])], sql` AND `);
    const asMatches = (rows: { id: number; conversation_id: number }[]) => rows.map((row) => ({ rowid: row.id, conversation_id: row.conversation_id }));
    if (isFiltered(filter)) {
      const scanned = await newestMatches(matches, FILTER_SCAN);
      if (!scanned.length) return [];
      const inFilter = await db.selectFrom('conversations as c').select('c.id')
        .where('c.id', '=', sql<number>`ANY(${[...new Set(scanned.map((row) => row.conversation_id))]}::bigint[])`)
        .where((eb) => conversationConditions(eb, filter)).execute();
      const kept = new Set(inFilter.map((row) => row.id));
      return asMatches(scanned.filter((row) => kept.has(row.conversation_id)).slice(0, RANKED_MATCHES));
    }
    const newest = await newestMatches(matches, RANKED_MATCHES);
    if (!words || !newest.length || newest.length === RANKED_MATCHES) return asMatches(newest);
    const ranks = await db.selectFrom('messages as m').select(['m.id', sql<number>`ts_rank(m.search_words, ${words})`.as('rank')])
      .where('m.id', '=', sql<number>`ANY(${newest.map((row) => row.id)}::bigint[])`).execute();
    const rankOf = new Map(ranks.map((row) => [row.id, row.rank]));
    const rank = (id: number) => rankOf.get(id) ?? 0;
    return asMatches([...newest].sort((x, y) => rank(y.id) - rank(x.id) || y.id - x.id));
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
