import type Database from 'better-sqlite3';
import type { EkmanEmotion } from '../../../../shared/contract/analysis';
import type { Channel, ConversationStatus, MessageAuthor } from '../../../../shared/contract/domain';
import type { CustomerHistoryConversation } from '../kysely/customerHistory';

interface Row {
  conversation_id: number;
  channel: Channel;
  status: ConversationStatus;
  subject: string | null;
  created_at: number;
  id: number;
  author: MessageAuthor;
  body: string;
  sent_at: number;
  sentiment: number | null;
  dominant: string | null;
}

export type { CustomerHistoryConversation };

/**
 * A customer's whole history in one read, for the connection index: every conversation with its
 * customer and agent messages and notes (the first 4,000 characters of each) and each one's newest reading.
 */
export function createCustomerHistoryRepository(db: Database.Database) {
  const history = db.prepare<[number], Row>(
    `SELECT c.id AS conversation_id, c.channel, c.status, c.subject, c.created_at,
            m.id, m.author, substr(m.body, 1, 4000) AS body, m.sent_at, a.sentiment, json_extract(a.details, '$.dominant') AS dominant
     FROM conversations c
     JOIN messages m ON m.conversation_id = c.id
     LEFT JOIN analyses a ON a.id = (SELECT max(id) FROM analyses WHERE message_id = m.id)
     WHERE c.customer_id = ? AND m.author IN ('customer', 'agent', 'note')
     ORDER BY c.id, m.sent_at, m.id`,
  );

  return {
    conversationsOf(customerId: number): CustomerHistoryConversation[] {
      const conversations: CustomerHistoryConversation[] = [];
      for (const row of history.all(customerId)) {
        let conversation = conversations.at(-1);
        if (conversation?.id !== row.conversation_id) {
          conversation = { id: row.conversation_id, channel: row.channel, status: row.status, subject: row.subject, createdAt: row.created_at, messages: [] };
          conversations.push(conversation);
        }
        conversation.messages.push({
          id: row.id,
          author: row.author,
          body: row.body,
          sentAt: row.sent_at,
          sentiment: row.sentiment,
          dominant: row.dominant ? (JSON.parse(row.dominant) as { emotion: EkmanEmotion; score: number }) : null,
        });
      }
      return conversations;
    },
  };
}
