import type Database from 'better-sqlite3';
import type {
  Channel,
  ConversationStatus,
  ConversationSummary,
  MessageAuthor,
} from '../../../../shared/contract/domain';
import { messagePreview } from '../messagePreview';

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
}

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
  status?: ConversationStatus | undefined;
  customerId?: number | undefined;
}

const SUMMARY_SELECT = `
  SELECT c.id, c.channel, c.status, c.subject, c.queue, c.assignee_id, u.name AS assignee_name,
         c.customer_id, cu.display_name AS customer_name,
         m.author AS last_author, substr(m.body, 1, 2000) AS last_body, m.sent_at AS last_sent_at,
         c.message_count, c.created_at, c.updated_at
  FROM conversations c
  JOIN customers cu ON cu.id = c.customer_id
  LEFT JOIN users u ON u.id = c.assignee_id
  LEFT JOIN messages m ON m.id = c.last_message_id`;

const toSummary = (row: SummaryRow): ConversationSummary => ({
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
});

export function createConversationsRepository(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO conversations (customer_id, channel, status, subject, queue, assignee_id, external_ref, created_at, updated_at)
     VALUES (@customerId, @channel, @status, @subject, @queue, @assigneeId, @externalRef, @createdAt, @createdAt)`,
  );
  const byId = db.prepare<[number], SummaryRow>(`${SUMMARY_SELECT} WHERE c.id = ?`);
  const byExternalRef = db.prepare<[Channel, string], { id: number }>(
    'SELECT id FROM conversations WHERE channel = ? AND external_ref = ?',
  );
  const updateStatus = db.prepare<[ConversationStatus, number, number]>(
    'UPDATE conversations SET status = ?, updated_at = ? WHERE id = ?',
  );
  // The newest message (by its own time) becomes the conversation's last message.
  const noteMessage = db.prepare<{ id: number; messageId: number; sentAt: number }>(
    `UPDATE conversations SET
       message_count = message_count + 1,
       last_message_id = CASE WHEN last_message_at IS NULL OR @sentAt >= last_message_at THEN @messageId ELSE last_message_id END,
       last_message_at = max(coalesce(last_message_at, @sentAt), @sentAt),
       updated_at = max(updated_at, @sentAt)
     WHERE id = @id`,
  );
  const byChannel = db.prepare<[], { channel: Channel; n: number }>(
    'SELECT channel, count(*) AS n FROM conversations GROUP BY channel',
  );

  // One prepared statement per filter shape, so each query can use its index.
  const listStatements = new Map<string, { page: Database.Statement; total: Database.Statement }>();
  function listStatementsFor(filter: ConversationFilter) {
    const clauses: string[] = [];
    if (filter.channel !== undefined) clauses.push('c.channel = @channel');
    if (filter.status !== undefined) clauses.push('c.status = @status');
    if (filter.customerId !== undefined) clauses.push('c.customer_id = @customerId');
    const key = clauses.join(' AND ');
    let statements = listStatements.get(key);
    if (!statements) {
      const where = clauses.length ? `WHERE ${key}` : '';
      statements = {
        page: db.prepare(`${SUMMARY_SELECT} ${where} ORDER BY c.last_message_at DESC, c.id DESC LIMIT @limit OFFSET @offset`),
        total: db.prepare(`SELECT count(*) AS n FROM conversations c ${where}`),
      };
      listStatements.set(key, statements);
    }
    return statements;
  }

  return {
    create(conversation: NewConversation): number {
      return Number(insert.run(conversation).lastInsertRowid);
    },
    getSummary(id: number): ConversationSummary | null {
      const row = byId.get(id);
      return row ? toSummary(row) : null;
    },
    findIdByExternalRef(channel: Channel, externalRef: string): number | null {
      return byExternalRef.get(channel, externalRef)?.id ?? null;
    },
    setStatus(id: number, status: ConversationStatus, at: number): boolean {
      return updateStatus.run(status, at, id).changes > 0;
    },
    /** Counts a newly stored message and moves the conversation's "last message" if it is newer. */
    recordMessage(id: number, messageId: number, sentAt: number): void {
      noteMessage.run({ id, messageId, sentAt });
    },
    list(filter: ConversationFilter, limit: number, offset: number): { items: ConversationSummary[]; total: number } {
      const params = {
        channel: filter.channel ?? null,
        status: filter.status ?? null,
        customerId: filter.customerId ?? null,
      };
      const statements = listStatementsFor(filter);
      const usedParams = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== null));
      const items = (statements.page.all({ ...usedParams, limit, offset }) as SummaryRow[]).map(toSummary);
      const total = (statements.total.get(usedParams) as { n: number }).n;
      return { items, total };
    },
    countByChannel(): Record<Channel, number> {
      const counts: Record<Channel, number> = { chat: 0, email: 0, voice: 0 };
      for (const row of byChannel.all()) counts[row.channel] = row.n;
      return counts;
    },
  };
}

export type ConversationsRepository = ReturnType<typeof createConversationsRepository>;
