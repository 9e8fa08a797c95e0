import { backToOpen } from './backToOpen';
import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { AnalyzerKind, EkmanEmotion } from '../../../../shared/contract/analysis';
import {
  MOOD_THRESHOLD,
  PRIORITIES,
  type Priority,
  type Channel,
  type ConversationStatus,
  type ConversationSummary,
  type MessageAuthor,
  type Mood,
  type QueueSort,
} from '../../../../shared/contract/domain';
import type { ConnectionStage } from '../../../../shared/contract/connection';
import { DEFAULT_RESPONSE_TARGETS, responseTargetsSchema, type ResponseClock, type ResponseTargets, type Tag } from '../../../../shared/contract/triage';
import { messagePreview } from '../messagePreview';
import { RESPONSE_TARGETS_SETTING, responseClock, responseDueSql } from '../responseClock';
import type { KinshipDatabase } from '../schema';
import type { StoreContext } from '../storeContext';

export { RESPONSE_TARGETS_SETTING };

export interface NewConversation {
  customerId: number;
  channel: Channel;
  status: ConversationStatus;
  subject: string | null;
  queue: string;
  assigneeId: number | null;
  externalRef: string | null;
  createdAt: number;
}

export interface ConversationFilter {
  channel?: Channel | undefined;
  /** 'active': open or pending. */
  status?: ConversationStatus | 'active' | undefined;
  customerId?: number | undefined;
  /** A user's id, or 'unassigned'. */
  assignee?: number | 'unassigned' | undefined;
  /** Assigned to this team. */
  teamId?: number | undefined;
  /** Assigned to a team this person (a user's id) is on. */
  teamsOf?: number | undefined;
  mood?: Mood | undefined;
  /** Carries this tag. */
  tagId?: number | undefined;
  /** Its response-time target was breached before this time. */
  breachedAt?: number | undefined;
}

type From = KinshipDatabase & { c: KinshipDatabase['conversations'] };
type Eb = ExpressionBuilder<From, 'c'>;

/**
 * Since when the customer has waited for us, for conversations that are open work (open or
 * pending); null for answered ones and for those not waiting on us at all (snoozed, resolved),
 * however long their last message went unanswered before they were set aside.
 */
const WAITING = sql<number | null>`(CASE WHEN c.status IN ('open', 'pending') THEN c.waiting_since END)`;
const isNull = (value: unknown) => sql<number>`(CASE WHEN ${value} IS NULL THEN 1 ELSE 0 END)`;

/** The filter as conditions on the conversation `c` (shared by the queue and search). */
export function conversationConditions(eb: Eb, filter: Omit<ConversationFilter, 'breachedAt'>, breached: { dueSql: string; at: number } | null = null) {
  const conditions = [];
  if (filter.channel !== undefined) conditions.push(eb('c.channel', '=', filter.channel));
  if (filter.status === 'active') conditions.push(eb('c.status', 'in', ['open', 'pending']));
  else if (filter.status !== undefined) conditions.push(eb('c.status', '=', filter.status));
  if (filter.customerId !== undefined) conditions.push(eb('c.customer_id', '=', filter.customerId));
  if (filter.assignee === 'unassigned') conditions.push(eb('c.assignee_id', 'is', null));
  else if (filter.assignee !== undefined) conditions.push(eb('c.assignee_id', '=', filter.assignee));
  if (filter.teamId !== undefined) conditions.push(eb('c.team_id', '=', filter.teamId));
  if (filter.teamsOf !== undefined) {
    conditions.push(eb('c.team_id', 'in', eb.selectFrom('team_members as tm').select('tm.team_id').where('tm.user_id', '=', filter.teamsOf)));
  }
  if (filter.mood === 'upset') conditions.push(eb('c.mood_sentiment', '<=', -MOOD_THRESHOLD));
  else if (filter.mood === 'happy') conditions.push(eb('c.mood_sentiment', '>=', MOOD_THRESHOLD));
  else if (filter.mood === 'neutral') conditions.push(eb.and([eb('c.mood_sentiment', '>', -MOOD_THRESHOLD), eb('c.mood_sentiment', '<', MOOD_THRESHOLD)]));
  if (filter.tagId !== undefined) {
    conditions.push(eb.exists(eb.selectFrom('conversation_tags as ct').select('ct.tag_id').whereRef('ct.conversation_id', '=', 'c.id').where('ct.tag_id', '=', filter.tagId)));
  }
  if (breached) conditions.push(eb(sql.raw<number | null>(breached.dueSql), '<', breached.at));
  return eb.and(conditions);
}

function ordered<O>(query: SelectQueryBuilder<From, 'c', O>, sort: QueueSort, dueSql: string, ctx: StoreContext) {
  const newestLast = (q: SelectQueryBuilder<From, 'c', O>) => q.orderBy((eb) => ctx.sql.descNullsLast(eb.ref('c.last_message_at'))).orderBy('c.id', 'desc');
  switch (sort) {
    case 'recent':
      return newestLast(query);
    // waiting customers first, longest wait on top; then everyone else (answered, snoozed, resolved), newest first
    case 'waiting':
      return newestLast(query.orderBy(isNull(WAITING)).orderBy(WAITING));
    // most negative last customer message first; unread ones last
    case 'upset':
      return newestLast(query.orderBy(isNull(sql`c.mood_sentiment`)).orderBy('c.mood_sentiment'));
    // most urgent first; within a priority, who has waited longest
    case 'priority':
      return newestLast(query.orderBy('c.priority', 'desc').orderBy(isNull(WAITING)).orderBy(WAITING));
    // soonest breach first (the longest breached on top); conversations with no clock after, newest first
    case 'target': {
      const due = sql.raw<number | null>(dueSql);
      return newestLast(query.orderBy(isNull(due)).orderBy(due));
    }
  }
}

export function createConversationsRepository(ctx: StoreContext) {
  // the response-time targets as last saved (parsed again only when they change). A summary reads
  // them in its own query (targets_json), so reading conversations costs no settings read of its
  // own; only a query that orders or filters by the clock in SQL reads them first, once.
  let parsedTargets: { raw: string | null; targets: ResponseTargets; dueSql: string } | null = null;
  async function currentTargets() {
    return targetsOf((await ctx.db().selectFrom('settings').select('value').where('key', '=', RESPONSE_TARGETS_SETTING).executeTakeFirst())?.value ?? null);
  }
  function targetsOf(raw: string | null) {
    if (parsedTargets?.raw !== raw) {
      const parsed = raw === null ? null : responseTargetsSchema.safeParse(JSON.parse(raw));
      const targets = parsed?.success ? parsed.data : DEFAULT_RESPONSE_TARGETS;
      parsedTargets = { raw, targets, dueSql: responseDueSql(targets) };
    }
    return parsedTargets;
  }

  const summaries = (viewer: number) =>
    ctx.db().selectFrom('conversations as c')
      .leftJoin('customer_connection as cc', 'cc.customer_id', 'c.customer_id')
      .leftJoin('messages as lc', 'lc.id', 'c.last_customer_message_id')
      .leftJoin('conversation_reads as r', (join) => join.onRef('r.conversation_id', '=', 'c.id').on('r.user_id', '=', viewer))
      .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
      .leftJoin('users as u', 'u.id', 'c.assignee_id')
      .leftJoin('teams as t', 't.id', 'c.team_id')
      .leftJoin('messages as m', 'm.id', 'c.last_message_id')
      .select([
        'c.id', 'c.channel', 'c.status', 'c.subject', 'c.queue', 'c.assignee_id', 'u.name as assignee_name', 'c.customer_id', 'cu.display_name as customer_name',
        'm.author as last_author', 'm.sent_at as last_sent_at', 'c.message_count', 'c.created_at', 'c.updated_at',
        'c.waiting_since', 'c.mood_sentiment', 'c.mood_emotion', 'c.mood_analyzer', 'c.priority',
        'cc.score as connection_score', 'cc.stage as connection_stage', 'c.snoozed_until', 'c.first_reply_at',
        'c.team_id', 't.name as team_name',
      ])
      .select((eb) => [
        eb.fn<string | null>('substr', ['m.body', eb.lit(1), eb.lit(2000)]).as('last_body'),
        sql<number>`(CASE WHEN c.status IN ('open', 'pending') AND lc.sent_at IS NOT NULL AND (r.read_at IS NULL OR r.read_at < lc.sent_at) THEN 1 ELSE 0 END)`.as('unread'),
        eb.selectFrom('follow_ups as f').select((e) => e.fn.min('f.due_at').as('due')).whereRef('f.customer_id', '=', 'c.customer_id').where('f.status', '=', 'open').as('follow_up_due_at'),
        ctx.sql.tagsJson(eb.ref('c.id')).as('tags_json'),
        sql<number>`(CASE WHEN EXISTS (SELECT 1 FROM drafts d WHERE d.conversation_id = c.id AND d.user_id = ${viewer} AND d.body <> '') THEN 1 ELSE 0 END)`.as('has_draft'),
        // uncorrelated: both databases evaluate it once per query, not per row
        eb.selectFrom('settings').select('value').where('key', '=', RESPONSE_TARGETS_SETTING).as('targets_json'),
      ]);
  type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['executeTakeFirstOrThrow']>>;

  const toSummary = (row: SummaryRow, targets: ResponseTargets = targetsOf(row.targets_json).targets): ConversationSummary => ({
    id: row.id,
    channel: row.channel as Channel,
    status: row.status as ConversationStatus,
    subject: row.subject,
    queue: row.queue,
    assignee: row.assignee_id !== null && row.assignee_name !== null ? { id: row.assignee_id, name: row.assignee_name } : null,
    team: row.team_id !== null && row.team_name !== null ? { id: row.team_id, name: row.team_name } : null,
    customer: { id: row.customer_id, displayName: row.customer_name },
    lastMessage:
      row.last_author !== null && row.last_body !== null && row.last_sent_at !== null
        ? { author: row.last_author as MessageAuthor, preview: messagePreview(row.last_body), sentAt: row.last_sent_at }
        : null,
    messageCount: row.message_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    waitingSince: row.waiting_since,
    unread: Number(row.unread) === 1,
    hasDraft: Number(row.has_draft) === 1,
    priority: PRIORITIES[row.priority] ?? 'normal',
    followUpDueAt: row.follow_up_due_at,
    connection: row.connection_score !== null && row.connection_stage !== null ? { score: row.connection_score, stage: row.connection_stage as ConnectionStage } : null,
    mood:
      row.mood_sentiment !== null && row.mood_analyzer !== null
        ? { sentiment: row.mood_sentiment, emotion: row.mood_emotion as EkmanEmotion | null, analyzer: row.mood_analyzer as AnalyzerKind }
        : null,
    tags: row.tags_json ? (JSON.parse(row.tags_json) as Tag[]) : [],
    snoozedUntil: row.snoozed_until,
    responseClock: responseClock({ channel: row.channel as Channel, status: row.status as ConversationStatus, waitingSince: row.waiting_since, firstReplyAt: row.first_reply_at }, targets),
  });

  const update = async (id: number, values: Partial<{ priority: number; assignee_id: number | null; team_id: number | null; status: string }>, at: number) =>
    (await ctx.db().updateTable('conversations').set({ ...values, updated_at: at }).where('id', '=', id).executeTakeFirst()).numUpdatedRows > 0n;

  async function count(filter: ConversationFilter, dueSql: string): Promise<number> {
    const breached = filter.breachedAt !== undefined ? { dueSql, at: filter.breachedAt } : null;
    const row = await ctx.db().selectFrom('conversations as c').select((eb) => eb.fn.countAll().as('n')).where((eb) => conversationConditions(eb, filter, breached)).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  return {
    /** Whose conversation it is (a primary-key read), or null. */
    async customerIdOf(conversationId: number): Promise<number | null> {
      return (await ctx.db().selectFrom('conversations').select('customer_id').where('id', '=', conversationId).executeTakeFirst())?.customer_id ?? null;
    },
    async create(conversation: NewConversation): Promise<number> {
      const row = await ctx.db().insertInto('conversations').values({
        customer_id: conversation.customerId,
        channel: conversation.channel,
        status: conversation.status,
        subject: conversation.subject,
        queue: conversation.queue,
        assignee_id: conversation.assigneeId,
        external_ref: conversation.externalRef,
        created_at: conversation.createdAt,
        updated_at: conversation.createdAt,
      }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },
    /** One conversation as `viewer` (a user id; 0 = nobody in particular) sees it. */
    async getSummary(id: number, viewer: number | null = null): Promise<ConversationSummary | null> {
      const row = await summaries(viewer ?? 0).where('c.id', '=', id).executeTakeFirst();
      return row ? toSummary(row) : null;
    },
    async findIdByExternalRef(channel: Channel, externalRef: string): Promise<number | null> {
      return (await ctx.db().selectFrom('conversations').select('id').where('channel', '=', channel).where('external_ref', '=', externalRef).executeTakeFirst())?.id ?? null;
    },
    async setPriority(id: number, priority: Priority, at: number): Promise<boolean> {
      return update(id, { priority: PRIORITIES.indexOf(priority) }, at);
    },
    /** Assigns the conversation to a person (or nobody) and, unless `teamId` is undefined (kept as it is), to a team (or none). */
    async setAssignee(id: number, assigneeId: number | null, at: number, teamId?: number | null): Promise<boolean> {
      return update(id, { assignee_id: assigneeId, ...(teamId !== undefined ? { team_id: teamId } : {}) }, at);
    },
    /**
     * Inside a transaction: holds the conversation for this write until it commits (PostgreSQL's row
     * lock, FOR NO KEY UPDATE: the write changes no key, so rows that only reference the conversation
     * — its messages, reads, drafts — are not held up by the lock; SQLite's write transaction, begun
     * IMMEDIATE, holds the whole file already), so that what is checked and then written (a reply's
     * collision check, a message arriving) is not crossed by another writer or process.
     * Lock order: a writer takes every advisory key it needs (keyLocks.holdKeys; a message's keys:
     * ingestion's holdForPost) BEFORE this row lock, never after it.
     */
    async holdForWrite(id: number): Promise<void> {
      if (ctx.sql.kind === 'postgres') await ctx.db().selectFrom('conversations').select('id').where('id', '=', id).forNoKeyUpdate().execute();
    },
    /** Assigns the conversation to `takerId` only while nobody has it, in one conditional write: whether it did. */
    async takeIfUnassigned(id: number, takerId: number, at: number): Promise<boolean> {
      const result = await ctx.db().updateTable('conversations').set({ assignee_id: takerId, updated_at: at }).where('id', '=', id).where('assignee_id', 'is', null).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    /**
     * Assigns the conversation (or unassigns it: null) and, unless `teamId` is undefined, to a team
     * (or none), only if it is nobody's or `ownId`'s, in one conditional write: whether it did.
     */
    async assignIfUnassignedOrOwn(id: number, assigneeId: number | null, ownId: number, at: number, teamId?: number | null): Promise<boolean> {
      const result = await ctx.db().updateTable('conversations').set({ assignee_id: assigneeId, ...(teamId !== undefined ? { team_id: teamId } : {}), updated_at: at }).where('id', '=', id)
        .where((eb) => eb.or([eb('assignee_id', 'is', null), eb('assignee_id', '=', ownId)])).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    /** How many open or pending conversations each person has (those with none are left out). */
    async openCountsByAssignee(): Promise<Map<number, number>> {
      const rows = await ctx.db().selectFrom('conversations').select(['assignee_id', (eb) => eb.fn.countAll().as('n')])
        .where('status', 'in', ['open', 'pending']).where('assignee_id', 'is not', null).groupBy('assignee_id').execute();
      return new Map(rows.map((row) => [row.assignee_id!, Number(row.n)]));
    },
    /** Its status (a primary-key read), or null when there is no such conversation. */
    async statusOf(id: number): Promise<ConversationStatus | null> {
      return ((await ctx.db().selectFrom('conversations').select('status').where('id', '=', id).executeTakeFirst())?.status as ConversationStatus | undefined) ?? null;
    },
    /**
     * A customer wrote into a conversation that was `from` (resolved, or pending: waiting on them):
     * back to open work, unread for everyone (backToOpen). False when it was not `from`.
     */
    async reopen(id: number, from: 'resolved' | 'pending', at: number): Promise<boolean> {
      return backToOpen(ctx, id, from, at);
    },
    async setStatus(id: number, status: ConversationStatus, at: number): Promise<boolean> {
      return update(id, { status }, at);
    },
    /**
     * Counts a newly stored message: the last message, the customer's wait, their last words. The
     * newest message (by its own time) becomes the conversation's last message. A customer's
     * message starts (or continues) their wait; an agent's reply written after it ends the wait.
     */
    async recordMessage(id: number, messageId: number, sentAt: number, author: MessageAuthor = 'customer'): Promise<void> {
      const customer = author === 'customer';
      const agent = author === 'agent';
      const at = sql.val(sentAt);
      const lastCustomerAt = sql`coalesce((SELECT sent_at FROM messages WHERE id = conversations.last_customer_message_id), 0)`;
      const newerCustomer = customer ? sql`${at} >= ${lastCustomerAt}` : sql`1 = 0`;
      await ctx.db().updateTable('conversations').set((eb) => ({
        message_count: sql`message_count + 1`,
        last_message_id: sql`CASE WHEN last_message_at IS NULL OR ${at} >= last_message_at THEN ${messageId} ELSE last_message_id END`,
        last_message_at: ctx.sql.greatest(sql`coalesce(last_message_at, ${at})`, at),
        updated_at: ctx.sql.greatest(eb.ref('updated_at'), at),
        waiting_since: customer
          ? sql`CASE WHEN waiting_since IS NULL THEN ${at} ELSE ${ctx.sql.least(sql`waiting_since`, at)} END`
          : agent
            ? sql`CASE WHEN waiting_since IS NOT NULL AND ${at} >= waiting_since THEN NULL ELSE waiting_since END`
            : sql`waiting_since`,
        last_customer_message_id: customer ? sql`CASE WHEN last_customer_message_id IS NULL OR ${newerCustomer} THEN ${messageId} ELSE last_customer_message_id END` : sql`last_customer_message_id`,
        mood_sentiment: sql`CASE WHEN ${newerCustomer} THEN NULL ELSE mood_sentiment END`,
        mood_emotion: sql`CASE WHEN ${newerCustomer} THEN NULL ELSE mood_emotion END`,
        mood_analyzer: sql`CASE WHEN ${newerCustomer} THEN NULL ELSE mood_analyzer END`,
      })).where('id', '=', id).execute();
    },
    /** A reading of a customer's last message becomes the conversation's mood. */
    async recordReading(messageId: number, reading: { sentiment: number; dominant: { emotion: EkmanEmotion } | null; analyzer: AnalyzerKind }): Promise<void> {
      await ctx.db().updateTable('conversations')
        .set({ mood_sentiment: reading.sentiment, mood_emotion: reading.dominant?.emotion ?? null, mood_analyzer: reading.analyzer })
        .where('last_customer_message_id', '=', messageId).execute();
    },
    /**
     * The mood of each conversation whose latest customer message is one of these, from that
     * message's reading by this model — a batch of readings in one statement.
     */
    async recordReadings(messageIds: readonly number[], model: { modelId: string; modelVersion: string | null }): Promise<void> {
      if (messageIds.length === 0) return;
      // (a subquery per column: the same newest reading of the message, read three times in one statement)
      const newest = <T>(column: RawBuilder<unknown> | Expression<unknown>) => sql<T>`(SELECT ${column} FROM analyses a
        WHERE a.message_id = conversations.last_customer_message_id AND a.model_id = ${model.modelId} AND a.model_version IS NOT DISTINCT FROM ${model.modelVersion}
        ORDER BY a.id DESC LIMIT 1)`;
      await ctx.db().updateTable('conversations').set({
        mood_sentiment: newest<number>(sql.ref('a.sentiment')),
        mood_emotion: newest<string | null>(ctx.sql.jsonText(sql.ref('a.details'), 'dominant.emotion')),
        mood_analyzer: newest<string>(sql.ref('a.analyzer')),
      }).where('last_customer_message_id', 'in', [...messageIds]).execute();
    },
    /** The user `viewer` has read the conversation up to `at`. */
    async markRead(id: number, viewer: number | null, at: number): Promise<void> {
      await ctx.db().insertInto('conversation_reads').values({ conversation_id: id, user_id: viewer ?? 0, read_at: at })
        .onConflict((oc) => oc.columns(['conversation_id', 'user_id']).doUpdateSet((eb) => ({ read_at: ctx.sql.greatest(eb.ref('conversation_reads.read_at'), eb.ref('excluded.read_at')) })))
        .execute();
    },
    async list(filter: ConversationFilter, limit: number, offset: number, sort: QueueSort = 'recent', viewer: number | null = null): Promise<{ items: ConversationSummary[]; total: number }> {
      // the clock in SQL (ordered by it, or filtered by a breach) needs the targets first; else each row carries them
      const read = sort === 'target' || filter.breachedAt !== undefined ? await currentTargets() : null;
      const dueSql = read?.dueSql ?? '';
      const breached = filter.breachedAt !== undefined ? { dueSql, at: filter.breachedAt } : null;
      const page = ordered(summaries(viewer ?? 0).where((eb) => conversationConditions(eb, filter, breached)), sort, dueSql, ctx);
      const [rows, total] = await Promise.all([page.limit(limit).offset(offset).execute(), count(filter, dueSql)]);
      return { items: rows.map((row) => toSummary(row, read?.targets)), total };
    },
    /** How many conversations match `filter` (a saved view's count). */
    async count(filter: ConversationFilter): Promise<number> {
      return count(filter, filter.breachedAt !== undefined ? (await currentTargets()).dueSql : '');
    },
    /** The response clocks of these conversations (a search's hits), read together: one query, whatever their number. */
    async responseClocks(ids: readonly number[]): Promise<Map<number, ResponseClock | null>> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      const rows = await ctx.db().selectFrom('conversations as c')
        .select(['c.id', 'c.channel', 'c.status', 'c.waiting_since', 'c.first_reply_at'])
        .select((eb) => eb.selectFrom('settings').select('value').where('key', '=', RESPONSE_TARGETS_SETTING).as('targets_json'))
        .where('c.id', 'in', unique).execute();
      return new Map(rows.map((row) => [row.id, responseClock({ channel: row.channel as Channel, status: row.status as ConversationStatus, waitingSince: row.waiting_since, firstReplyAt: row.first_reply_at }, targetsOf(row.targets_json).targets)]));
    },
    async countByChannel(): Promise<Record<Channel, number>> {
      const counts: Record<Channel, number> = { chat: 0, email: 0, voice: 0 };
      const rows = await ctx.db().selectFrom('conversations').select(['channel', (eb) => eb.fn.countAll().as('n')]).groupBy('channel').execute();
      for (const row of rows) counts[row.channel as Channel] = Number(row.n);
      return counts;
    },
  };
}

export type ConversationsRepository = ReturnType<typeof createConversationsRepository>;
