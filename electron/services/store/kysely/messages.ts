import type { Channel, Message, MessageAuthor, MessageMeta } from '../../../../shared/contract/domain';
import type { StoreContext } from '../storeContext';
import { holdKeys } from './keyLocks';

interface MessageRow {
  id: number;
  conversation_id: number;
  author: string;
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
  author: row.author as MessageAuthor,
  authorName: row.author_name,
  body: row.body,
  html: row.body_html,
  sentAt: row.sent_at,
  meta: JSON.parse(row.meta) as MessageMeta,
});

const COLUMNS = ['id', 'conversation_id', 'author', 'author_name', 'body', 'body_html', 'sent_at', 'meta'] as const;

/** A message as the analysis engine reads it. */
export interface MessageForReading {
  id: number;
  conversationId: number;
  channel: Channel;
  body: string;
}

export function createMessagesRepository(ctx: StoreContext) {
  const ofConversation = (conversationId: number) => ctx.db().selectFrom('messages').where('conversation_id', '=', conversationId);
  const countWhere = async (conversationId: number, op: '<' | '>', at: { sentAt: number; id: number }) =>
    Number((await ofConversation(conversationId).where((eb) => eb(eb.refTuple('sent_at', 'id'), op, eb.tuple(at.sentAt, at.id)))
      .select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  // what others wrote after a given message (by when it was stored): the customer, colleagues' replies and notes; never system lines
  const othersAfter = (conversationId: number, after: number, exceptUserId: number | null) =>
    ofConversation(conversationId).where('id', '>', after).where('author', 'in', ['customer', 'agent', 'note'])
      .where((eb) => eb.or([eb('author_user_id', 'is', null), eb('author_user_id', '<>', exceptUserId ?? 0)]));
  const asPair = (row: { id: number; conversation_id: number } | undefined) => (row ? { id: row.id, conversationId: row.conversation_id } : null);
  /** What the analysis engine reads of messages, by id, in one query (messages that no longer exist are absent). */
  const manyForReading = async (ids: readonly number[]): Promise<Map<number, MessageForReading>> => {
    const found = new Map<number, MessageForReading>();
    if (ids.length === 0) return found;
    const rows = await ctx.db().selectFrom('messages as m').innerJoin('conversations as c', 'c.id', 'm.conversation_id')
      .select(['m.id', 'm.conversation_id', 'c.channel', 'm.body']).where('m.id', 'in', [...new Set(ids)]).execute();
    for (const row of rows) found.set(row.id, { id: row.id, conversationId: row.conversation_id, channel: row.channel as Channel, body: row.body });
    return found;
  };

  return {
    /** Stores the message; returns its id, or null when a message with the same key already exists. */
    async insert(message: NewMessage): Promise<number | null> {
      const row = await ctx.db().insertInto('messages').values({
        conversation_id: message.conversationId,
        author: message.author,
        author_name: message.authorName,
        author_user_id: message.authorUserId,
        body: message.body,
        body_html: message.bodyHtml ?? null,
        sent_at: message.sentAt,
        external_id: message.externalId,
        dedupe_key: message.dedupeKey,
        meta: JSON.stringify(message.meta),
        created_at: message.createdAt,
      }).onConflict((oc) => oc.column('dedupe_key').doNothing()).returning('id').executeTakeFirst();
      return row?.id ?? null;
    },
    /**
     * Holds an arrival's keys (its dedupe key, its customer's identities, its conversation and the
     * e-mail thread it belongs to) until the transaction ends: the same message, customer or thread
     * arriving at the same moment by another transaction waits, then finds what this one stored.
     */
    async holdArrival(keys: readonly string[]): Promise<void> {
      await holdKeys(ctx, keys);
    },
    async findByDedupeKey(key: string): Promise<{ id: number; conversationId: number } | null> {
      return asPair(await ctx.db().selectFrom('messages').select(['id', 'conversation_id']).where('dedupe_key', '=', key).executeTakeFirst());
    },
    /** findByDedupeKey for many keys in one query: the messages stored under them, by key (keys with none are absent). */
    async findManyByDedupeKeys(keys: readonly string[]): Promise<Map<string, { id: number; conversationId: number }>> {
      const found = new Map<string, { id: number; conversationId: number }>();
      if (keys.length === 0) return found;
      const rows = await ctx.db().selectFrom('messages').select(['id', 'conversation_id', 'dedupe_key']).where('dedupe_key', 'in', [...new Set(keys)]).execute();
      for (const row of rows) found.set(row.dedupe_key, { id: row.id, conversationId: row.conversation_id });
      return found;
    },
    /** The stored message with this e-mail Message-ID, for threading replies. */
    async findByEmailMessageId(messageId: string): Promise<{ id: number; conversationId: number } | null> {
      return asPair(await ctx.db().selectFrom('messages').select(['id', 'conversation_id'])
        .where((eb) => eb(ctx.sql.jsonText(eb.ref('meta'), 'messageId'), '=', messageId)).limit(1).executeTakeFirst());
    },
    async getById(id: number): Promise<Omit<Message, 'reading'> | null> {
      const row = await ctx.db().selectFrom('messages').select(COLUMNS).where('id', '=', id).executeTakeFirst();
      return row ? toMessage(row) : null;
    },
    async listForConversation(conversationId: number): Promise<Omit<Message, 'reading'>[]> {
      return (await ofConversation(conversationId).select(COLUMNS).orderBy('sent_at').orderBy('id').execute()).map(toMessage);
    },
    /**
     * A page of a conversation, oldest first: the newest `limit` messages, or the `limit` before a
     * given message; with how many earlier ones there are, so a long thread is read a page at a time.
     */
    async pageOfConversation(conversationId: number, limit: number, before: { sentAt: number; id: number } | null): Promise<{ messages: Omit<Message, 'reading'>[]; olderCount: number }> {
      let query = ofConversation(conversationId).select(COLUMNS);
      if (before) query = query.where((eb) => eb(eb.refTuple('sent_at', 'id'), '<', eb.tuple(before.sentAt, before.id)));
      const rows = await query.orderBy('sent_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      rows.reverse();
      const first = rows[0];
      return { messages: rows.map(toMessage), olderCount: first ? await countWhere(conversationId, '<', { sentAt: first.sent_at, id: first.id }) : 0 };
    },
    /** Up to `limit` messages of a conversation from a given one (included) on, oldest first, with how many are before and after them. */
    async fromMessageOfConversation(conversationId: number, from: { sentAt: number; id: number }, limit: number): Promise<{ messages: Omit<Message, 'reading'>[]; olderCount: number; newerCount: number }> {
      const rows = await ofConversation(conversationId).select(COLUMNS)
        .where((eb) => eb(eb.refTuple('sent_at', 'id'), '>=', eb.tuple(from.sentAt, from.id))).orderBy('sent_at').orderBy('id').limit(limit).execute();
      const last = rows[rows.length - 1];
      return {
        messages: rows.map(toMessage),
        olderCount: await countWhere(conversationId, '<', from),
        newerCount: last ? await countWhere(conversationId, '>', { sentAt: last.sent_at, id: last.id }) : 0,
      };
    },
    /** The newest message a given author wrote in a conversation (leaving one out, e.g. the one just sent), if any. */
    async latestBy(conversationId: number, author: MessageAuthor, except = 0): Promise<{ id: number; sentAt: number } | null> {
      const row = await ofConversation(conversationId).select(['id', 'sent_at']).where('author', '=', author).where('id', '!=', except)
        .orderBy('sent_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
      return row ? { id: row.id, sentAt: row.sent_at } : null;
    },
    /** When the customer and we were last in contact in each of these conversations (not a note), in one query; a conversation never in contact is absent. */
    async lastContactAt(conversationIds: readonly number[]): Promise<Map<number, number>> {
      // a contact with the customer: their message or ours, or a call's own lines; never an internal note
      // (the same rule as electron/services/connection/lastContact.ts, which works on history in memory)
      const last = new Map<number, number>();
      if (conversationIds.length === 0) return last;
      const rows = await ctx.db().selectFrom('messages as m').innerJoin('conversations as c', 'c.id', 'm.conversation_id')
        .select((eb) => ['m.conversation_id', eb.fn.max('m.sent_at').as('last')])
        .where('m.conversation_id', 'in', [...new Set(conversationIds)])
        .where((eb) => eb.or([eb('m.author', 'in', ['customer', 'agent']), eb.and([eb('m.author', '=', 'system'), eb('c.channel', '=', 'voice')])]))
        .groupBy('m.conversation_id').execute();
      for (const row of rows) last.set(row.conversation_id, Number(row.last));
      return last;
    },
    /**
     * Whether others wrote in a conversation after message `after` was stored (0: at all): the
     * customer, or colleagues' replies and notes (not `exceptUserId`, nor system lines).
     */
    async anyWrittenAfter(conversationId: number, after: number, exceptUserId: number | null): Promise<boolean> {
      // the first one found answers it (EXISTS): however many there are, none is read beyond it
      return (await othersAfter(conversationId, after, exceptUserId).select('id').limit(1).executeTakeFirst()) !== undefined;
    },
    /**
     * What others wrote in a conversation after message `after` was stored (0: all), as
     * `anyWrittenAfter` counts it: how many, and the newest `newest` of them, oldest first.
     */
    async writtenAfter(conversationId: number, after: number, exceptUserId: number | null, newest: number): Promise<{ count: number; newest: { id: number; author: MessageAuthor; authorName: string | null; body: string; sentAt: number }[] }> {
      const rows = await othersAfter(conversationId, after, exceptUserId).select(['id', 'author', 'author_name', 'sent_at'])
        .select((eb) => eb.fn<string>('substr', ['body', eb.lit(1), eb.lit(2000)]).as('body'))
        .orderBy('id', 'desc').limit(newest).execute();
      // fewer than asked for are all there are: no need to count them
      const count = rows.length < newest
        ? rows.length
        : Number((await othersAfter(conversationId, after, exceptUserId).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      return {
        count,
        newest: rows.reverse().map((row) => ({ id: row.id, author: row.author as MessageAuthor, authorName: row.author_name, body: row.body, sentAt: row.sent_at })),
      };
    },
    /** The text of the first message a given author wrote in a conversation, if any. */
    async firstBodyBy(conversationId: number, author: MessageAuthor): Promise<string | null> {
      const row = await ofConversation(conversationId).select('body').where('author', '=', author).orderBy('sent_at').orderBy('id').limit(1).executeTakeFirst();
      return row?.body ?? null;
    },
    async count(): Promise<number> {
      return Number((await ctx.db().selectFrom('messages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    },
    async exists(id: number): Promise<boolean> {
      return (await ctx.db().selectFrom('messages').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
    },
    /** What the analysis needs of a message: its words and the channel they came by. */
    async getForReading(id: number): Promise<MessageForReading | null> {
      return (await manyForReading([id])).get(id) ?? null;
    },
    /** getForReading for several messages in one query, by id (messages that no longer exist are absent). */
    getManyForReading: manyForReading,
  };
}

export type MessagesRepository = ReturnType<typeof createMessagesRepository>;
