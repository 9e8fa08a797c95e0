import type { EkmanEmotion } from '../../../../shared/contract/analysis';
import type { Channel, ConversationStatus, MessageAuthor } from '../../../../shared/contract/domain';
import type { StoreContext } from '../storeContext';

export interface CustomerHistoryConversation {
  id: number;
  channel: Channel;
  status: ConversationStatus;
  subject: string | null;
  createdAt: number;
  messages: { id: number; author: MessageAuthor; body: string; sentAt: number; sentiment: number | null; dominant: { emotion: EkmanEmotion; score: number } | null }[];
}

/**
 * A customer's whole history in one read, for the connection index: every conversation with its
 * customer and agent messages and notes (the first 4,000 characters of each) and each one's newest reading.
 */
export function createCustomerHistoryRepository(ctx: StoreContext) {
  return {
    async conversationsOf(customerId: number): Promise<CustomerHistoryConversation[]> {
      const rows = await ctx.db().selectFrom('conversations as c')
        .innerJoin('messages as m', 'm.conversation_id', 'c.id')
        .leftJoin('analyses as a', (join) => join.on('a.id', '=', (eb) => eb.selectFrom('analyses').select((e) => e.fn.max('id').as('id')).whereRef('message_id', '=', 'm.id')))
        .select(['c.id as conversation_id', 'c.channel', 'c.status', 'c.subject', 'c.created_at', 'm.id', 'm.author', 'm.sent_at', 'a.sentiment'])
        .select((eb) => [eb.fn<string>('substr', ['m.body', eb.lit(1), eb.lit(4000)]).as('body'), ctx.sql.jsonText(eb.ref('a.details'), 'dominant').as('dominant')])
        .where('c.customer_id', '=', customerId).where('m.author', 'in', ['customer', 'agent', 'note'])
        .orderBy('c.id').orderBy('m.sent_at').orderBy('m.id').execute();
      const conversations: CustomerHistoryConversation[] = [];
      for (const row of rows) {
        let conversation = conversations.at(-1);
        if (conversation?.id !== row.conversation_id) {
          conversation = { id: row.conversation_id, channel: row.channel as Channel, status: row.status as ConversationStatus, subject: row.subject, createdAt: row.created_at, messages: [] };
          conversations.push(conversation);
        }
        conversation.messages.push({
          id: row.id,
          author: row.author as MessageAuthor,
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

export type CustomerHistoryRepository = ReturnType<typeof createCustomerHistoryRepository>;
