import type Database from 'better-sqlite3';
import type { AnalyzerKind, EkmanEmotion } from '../../../../shared/contract/analysis';
import {
  MOOD_THRESHOLD,
  PRIORITIES,
  type Priority,
  type Channel,
  type ConversationStatus,
  type ConversationSummary,
  type MessageAuthor,
  type QueueSort,
} from '../../../../shared/contract/domain';
import type { ConnectionStage } from '../../../../shared/contract/connection';
import { messagePreview } from '../messagePreview';
import type { ConversationFilter, NewConversation } from '../kysely/conversations';
import { RESPONSE_TARGETS_SETTING, responseClock, responseDueSql } from '../responseClock';
import { DEFAULT_RESPONSE_TARGETS, responseTargetsSchema, type ResponseTargets, type Tag } from '../../../../shared/contract/triage';

export { RESPONSE_TARGETS_SETTING, type ConversationFilter, type NewConversation };

interface SummaryRow {
  id: number;
  channel: Channel;
  status: ConversationStatus;
  subject: string | null;
  queue: string;
  assignee_id: number | null;
  assignee_name: string | null;
  customer_id: number;
  customer_name: string;
  last_author: MessageAuthor | null;
  last_body: string | null;
  last_sent_at: number | null;
  message_count: number;
  created_at: number;
  updated_at: number;
  waiting_since: number | null;
  mood_sentiment: number | null;
  mood_emotion: EkmanEmotion | null;
  mood_analyzer: AnalyzerKind | null;
  unread: number;
  priority: number;
  follow_up_due_at: number | null;
  connection_score: number | null;
  connection_stage: ConnectionStage | null;
  snoozed_until: number | null;
  first_reply_at: number | null;
  tags_json: string | null;
  has_draft: number;
}

/**
 * Since when the customer has waited for us, for conversations that are open work (open or
 * pending); null for answered ones and for those not waiting on us at all (snoozed, resolved),
 * however long their last message went unanswered before they were set aside.
 */
const WAITING = "(CASE WHEN c.status IN ('open', 'pending') THEN c.waiting_since END)";

const ORDER_BY: Record<QueueSort, string> = {
  recent: 'c.last_message_at DESC, c.id DESC',
  // waiting customers first, longest wait on top; then everyone else (answered, snoozed, resolved), newest first
  waiting: `${WAITING} IS NULL, ${WAITING} ASC, c.last_message_at DESC, c.id DESC`,
  // most negative last customer message first; unread ones last
  upset: 'c.mood_sentiment IS NULL, c.mood_sentiment ASC, c.last_message_at DESC, c.id DESC',
  // most urgent first; within a priority, who has waited longest
  priority: `c.priority DESC, ${WAITING} IS NULL, ${WAITING} ASC, c.last_message_at DESC, c.id DESC`,
  // soonest breach first (the longest breached on top); conversations with no clock after, newest first
  target: '@due IS NULL, @due ASC, c.last_message_at DESC, c.id DESC',
};

const SUMMARY_SELECT = `
  SELECT c.id, c.channel, c.status, c.subject, c.queue, c.assignee_id, u.name AS assignee_name,
         c.customer_id, cu.display_name AS customer_name,
         m.author AS last_author, substr(m.body, 1, 2000) AS last_body, m.sent_at AS last_sent_at,
         c.message_count, c.created_at, c.updated_at,
         c.waiting_since, c.mood_sentiment, c.mood_emotion, c.mood_analyzer, c.priority,
         (c.status IN ('open', 'pending') AND lc.sent_at IS NOT NULL AND (r.read_at IS NULL OR r.read_at < lc.sent_at)) AS unread,
         (SELECT min(f.due_at) FROM follow_ups f WHERE f.customer_id = c.customer_id AND f.status = 'open') AS follow_up_due_at,
         cc.score AS connection_score, cc.stage AS connection_stage,
         c.snoozed_until, c.first_reply_at,
         (SELECT json_group_array(json_object('id', t.id, 'name', t.name, 'color', t.color))
            FROM (SELECT t.id, t.name, t.color FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id
                  WHERE ct.conversation_id = c.id ORDER BY t.name COLLATE NOCASE) t) AS tags_json,
         EXISTS (SELECT 1 FROM drafts d WHERE d.conversation_id = c.id AND d.user_id = @viewer) AS has_draft
  FROM conversations c
  LEFT JOIN customer_connection cc ON cc.customer_id = c.customer_id
  LEFT JOIN messages lc ON lc.id = c.last_customer_message_id
  LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.user_id = @viewer
  JOIN customers cu ON cu.id = c.customer_id
  LEFT JOIN users u ON u.id = c.assignee_id
  LEFT JOIN messages m ON m.id = c.last_message_id`;

const toSummary = (row: SummaryRow, targets: ResponseTargets): ConversationSummary => ({
  id: row.id,
  channel: row.channel,
  status: row.status,
  subject: row.subject,
  queue: row.queue,
  assignee: row.assignee_id !== null && row.assignee_name !== null ? { id: row.assignee_id, name: row.assignee_name } : null,
  customer: { id: row.customer_id, displayName: row.customer_name },
  lastMessage:
    row.last_author !== null && row.last_body !== null && row.last_sent_at !== null
      ? { author: row.last_author, preview: messagePreview(row.last_body), sentAt: row.last_sent_at }
      : null,
  messageCount: row.message_count,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  waitingSince: row.waiting_since,
  unread: row.unread === 1,
  hasDraft: row.has_draft === 1,
  priority: PRIORITIES[row.priority] ?? 'normal',
  followUpDueAt: row.follow_up_due_at,
  connection: row.connection_score !== null && row.connection_stage !== null ? { score: row.connection_score, stage: row.connection_stage } : null,
  mood:
    row.mood_sentiment !== null && row.mood_analyzer !== null
      ? { sentiment: row.mood_sentiment, emotion: row.mood_emotion, analyzer: row.mood_analyzer }
      : null,
  tags: row.tags_json ? (JSON.parse(row.tags_json) as Tag[]) : [],
  snoozedUntil: row.snoozed_until,
  responseClock: responseClock({ channel: row.channel, status: row.status, waitingSince: row.waiting_since, firstReplyAt: row.first_reply_at }, targets),
});

/** The named parameters a filter's statement uses (a statement refuses any it does not). */
function paramsOf(filter: ConversationFilter): Record<string, string | number> {
  const params = {
    channel: filter.channel ?? null,
    status: filter.status === 'active' ? null : (filter.status ?? null),
    customerId: filter.customerId ?? null,
    assignee: typeof filter.assignee === 'number' ? filter.assignee : null,
    tagId: filter.tagId ?? null,
    breachedAt: filter.breachedAt ?? null,
  };
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== null)) as Record<string, string | number>;
}

export function createConversationsRepository(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO conversations (customer_id, channel, status, subject, queue, assignee_id, external_ref, created_at, updated_at)
     VALUES (@customerId, @channel, @status, @subject, @queue, @assigneeId, @externalRef, @createdAt, @createdAt)`,
  );
  const byId = db.prepare<{ id: number; viewer: number }, SummaryRow>(`${SUMMARY_SELECT} WHERE c.id = @id`);
  const markRead = db.prepare<[number, number, number]>(
    `INSERT INTO conversation_reads (conversation_id, user_id, read_at) VALUES (?, ?, ?)
     ON CONFLICT (conversation_id, user_id) DO UPDATE SET read_at = max(read_at, excluded.read_at)`,
  );
  const customerOf = db.prepare<[number], { customer_id: number }>('SELECT customer_id FROM conversations WHERE id = ?');
  const byExternalRef = db.prepare<[Channel, string], { id: number }>(
    'SELECT id FROM conversations WHERE channel = ? AND external_ref = ?',
  );
  const updatePriority = db.prepare<[number, number, number]>('UPDATE conversations SET priority = ?, updated_at = ? WHERE id = ?');
  const updateAssignee = db.prepare<[number | null, number, number]>('UPDATE conversations SET assignee_id = ?, updated_at = ? WHERE id = ?');
  // one conditional write: it lands only while nobody has the conversation, or only while it is nobody's but `own`'s
  const takeIfFree = db.prepare<{ id: number; taker: number; at: number }>('UPDATE conversations SET assignee_id = @taker, updated_at = @at WHERE id = @id AND assignee_id IS NULL');
  const assignIfFreeOrOwn = db.prepare<{ id: number; assignee: number | null; own: number; at: number }>(
    'UPDATE conversations SET assignee_id = @assignee, updated_at = @at WHERE id = @id AND (assignee_id IS NULL OR assignee_id = @own)',
  );
  const openByAssignee = db.prepare<[], { assignee_id: number; n: number }>(
    "SELECT assignee_id, count(*) AS n FROM conversations WHERE status IN ('open', 'pending') AND assignee_id IS NOT NULL GROUP BY assignee_id",
  );
  const updateStatus = db.prepare<[ConversationStatus, number, number]>(
    'UPDATE conversations SET status = ?, updated_at = ? WHERE id = ?',
  );
  // The newest message (by its own time) becomes the conversation's last message. A customer's
  // message starts (or continues) their wait; an agent's reply written after it ends the wait.
  const noteMessage = db.prepare<{ id: number; messageId: number; sentAt: number; customer: number; agent: number }>(
    `UPDATE conversations SET
       message_count = message_count + 1,
       last_message_id = CASE WHEN last_message_at IS NULL OR @sentAt >= last_message_at THEN @messageId ELSE last_message_id END,
       last_message_at = max(coalesce(last_message_at, @sentAt), @sentAt),
       updated_at = max(updated_at, @sentAt),
       waiting_since = CASE
         WHEN @customer AND waiting_since IS NULL THEN @sentAt
         WHEN @customer THEN min(waiting_since, @sentAt)
         WHEN @agent AND waiting_since IS NOT NULL AND @sentAt >= waiting_since THEN NULL
         ELSE waiting_since END,
       last_customer_message_id = CASE
         WHEN @customer AND (last_customer_message_id IS NULL OR @sentAt >= coalesce((SELECT sent_at FROM messages WHERE id = last_customer_message_id), 0)) THEN @messageId
         ELSE last_customer_message_id END,
       mood_sentiment = CASE WHEN @customer AND @sentAt >= coalesce((SELECT sent_at FROM messages WHERE id = last_customer_message_id), 0) THEN NULL ELSE mood_sentiment END,
       mood_emotion = CASE WHEN @customer AND @sentAt >= coalesce((SELECT sent_at FROM messages WHERE id = last_customer_message_id), 0) THEN NULL ELSE mood_emotion END,
       mood_analyzer = CASE WHEN @customer AND @sentAt >= coalesce((SELECT sent_at FROM messages WHERE id = last_customer_message_id), 0) THEN NULL ELSE mood_analyzer END
     WHERE id = @id`,
  );
  const noteReading = db.prepare<{ messageId: number; sentiment: number; emotion: string | null; analyzer: AnalyzerKind }>(
    `UPDATE conversations SET mood_sentiment = @sentiment, mood_emotion = @emotion, mood_analyzer = @analyzer
     WHERE last_customer_message_id = @messageId`,
  );
  const byChannel = db.prepare<[], { channel: Channel; n: number }>(
    'SELECT channel, count(*) AS n FROM conversations GROUP BY channel',
  );
  // the response-time targets as last saved (read once per call; parsed again only when they change)
  const targetsSetting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  let parsedTargets: { raw: string | null; targets: ResponseTargets; dueSql: string } | null = null;
  function currentTargets() {
    const raw = targetsSetting.get(RESPONSE_TARGETS_SETTING)?.value ?? null;
    if (parsedTargets?.raw !== raw) {
      const parsed = raw === null ? null : responseTargetsSchema.safeParse(JSON.parse(raw));
      const targets = parsed?.success ? parsed.data : DEFAULT_RESPONSE_TARGETS;
      parsedTargets = { raw, targets, dueSql: responseDueSql(targets) };
    }
    return parsedTargets;
  }

  // One prepared statement per filter shape, so each query can use its index.
  const listStatements = new Map<string, { page: Database.Statement; total: Database.Statement }>();
  function listStatementsFor(filter: ConversationFilter, sort: QueueSort) {
    const clauses: string[] = [];
    if (filter.channel !== undefined) clauses.push('c.channel = @channel');
    if (filter.status === 'active') clauses.push("c.status IN ('open', 'pending')");
    else if (filter.status !== undefined) clauses.push('c.status = @status');
    if (filter.customerId !== undefined) clauses.push('c.customer_id = @customerId');
    if (filter.assignee === 'unassigned') clauses.push('c.assignee_id IS NULL');
    else if (filter.assignee !== undefined) clauses.push('c.assignee_id = @assignee');
    if (filter.mood === 'upset') clauses.push(`c.mood_sentiment <= -${MOOD_THRESHOLD}`);
    else if (filter.mood === 'happy') clauses.push(`c.mood_sentiment >= ${MOOD_THRESHOLD}`);
    else if (filter.mood === 'neutral') clauses.push(`c.mood_sentiment > -${MOOD_THRESHOLD} AND c.mood_sentiment < ${MOOD_THRESHOLD}`);
    const { dueSql } = currentTargets();
    if (filter.tagId !== undefined) clauses.push('EXISTS (SELECT 1 FROM conversation_tags ct WHERE ct.conversation_id = c.id AND ct.tag_id = @tagId)');
    if (filter.breachedAt !== undefined) clauses.push(`${dueSql} < @breachedAt`);
    const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const key = `${where}|${sort}${sort === 'target' ? `|${dueSql}` : ''}`;
    let statements = listStatements.get(key);
    if (!statements) {
      statements = {
        page: db.prepare(`${SUMMARY_SELECT} ${where} ORDER BY ${ORDER_BY[sort].replaceAll('@due', dueSql)} LIMIT @limit OFFSET @offset`),
        total: db.prepare(`SELECT count(*) AS n FROM conversations c ${where}`),
      };
      listStatements.set(key, statements);
    }
    return statements;
  }

  return {
    /** Whose conversation it is (a primary-key read), or null. */
    customerIdOf(conversationId: number): number | null {
      return customerOf.get(conversationId)?.customer_id ?? null;
    },
    create(conversation: NewConversation): number {
      return Number(insert.run(conversation).lastInsertRowid);
    },
    /** One conversation as `viewer` (a user id; 0 = nobody in particular) sees it. */
    getSummary(id: number, viewer: number | null = null): ConversationSummary | null {
      const row = byId.get({ id, viewer: viewer ?? 0 });
      return row ? toSummary(row, currentTargets().targets) : null;
    },
    findIdByExternalRef(channel: Channel, externalRef: string): number | null {
      return byExternalRef.get(channel, externalRef)?.id ?? null;
    },
    setPriority(id: number, priority: Priority, at: number): boolean {
      return updatePriority.run(PRIORITIES.indexOf(priority), at, id).changes > 0;
    },
    setAssignee(id: number, assigneeId: number | null, at: number): boolean {
      return updateAssignee.run(assigneeId, at, id).changes > 0;
    },
    /** Gives the conversation to `takerId` if nobody has it, in one conditional write: whether it did (false: someone has it, or there is no such conversation). */
    takeIfUnassigned(id: number, takerId: number, at: number): boolean {
      return takeIfFree.run({ id, taker: takerId, at }).changes > 0;
    },
    /** Assigns the conversation (or unassigns it: null) only if it is nobody's or `ownId`'s, in one conditional write: whether it did. */
    assignIfUnassignedOrOwn(id: number, assigneeId: number | null, ownId: number, at: number): boolean {
      return assignIfFreeOrOwn.run({ id, assignee: assigneeId, own: ownId, at }).changes > 0;
    },
    /** How many open or pending conversations each person has (those with none are left out). */
    openCountsByAssignee(): Map<number, number> {
      return new Map(openByAssignee.all().map((row) => [row.assignee_id, row.n]));
    },
    setStatus(id: number, status: ConversationStatus, at: number): boolean {
      return updateStatus.run(status, at, id).changes > 0;
    },
    /** Counts a newly stored message: the last message, the customer's wait, their last words. */
    recordMessage(id: number, messageId: number, sentAt: number, author: MessageAuthor = 'customer'): void {
      noteMessage.run({ id, messageId, sentAt, customer: author === 'customer' ? 1 : 0, agent: author === 'agent' ? 1 : 0 });
    },
    /** A reading of a customer's last message becomes the conversation's mood. */
    recordReading(messageId: number, reading: { sentiment: number; dominant: { emotion: EkmanEmotion } | null; analyzer: AnalyzerKind }): void {
      noteReading.run({ messageId, sentiment: reading.sentiment, emotion: reading.dominant?.emotion ?? null, analyzer: reading.analyzer });
    },
    /** The user `viewer` has read the conversation up to `at`. */
    markRead(id: number, viewer: number | null, at: number): void {
      markRead.run(id, viewer ?? 0, at);
    },
    list(filter: ConversationFilter, limit: number, offset: number, sort: QueueSort = 'recent', viewer: number | null = null): { items: ConversationSummary[]; total: number } {
      const statements = listStatementsFor(filter, sort);
      const usedParams = paramsOf(filter);
      const items = (statements.page.all({ ...usedParams, limit, offset, viewer: viewer ?? 0 }) as SummaryRow[]).map((row) => toSummary(row, currentTargets().targets));
      const total = (statements.total.get(usedParams) as { n: number }).n;
      return { items, total };
    },
    /** How many conversations match `filter` (a saved view's count). */
    count(filter: ConversationFilter): number {
      const usedParams = paramsOf(filter);
      return (listStatementsFor(filter, 'recent').total.get(usedParams) as { n: number }).n;
    },
    countByChannel(): Record<Channel, number> {
      const counts: Record<Channel, number> = { chat: 0, email: 0, voice: 0 };
      for (const row of byChannel.all()) counts[row.channel] = row.n;
      return counts;
    },
  };
}

export type ConversationsRepository = ReturnType<typeof createConversationsRepository>;
