import type { User } from '../../../shared/contract/domain';
import type { Store } from '../store/store';
import { firstNameOf } from '../common/personName';
import type { CoachContext } from './coachContext';

/** How many of the newest messages the coach reads; older history reaches it through the customer's record. */
const MESSAGES_READ = 50;
const PREVIOUS_CONVERSATIONS = 20;

/** What the coach needs to know about a conversation, read from the store at `now`. Null if there is no such conversation. */
export async function coachContextFromStore(store: Store, conversationId: number, agent: User | null, now: number): Promise<CoachContext | null> {
  const conversation = await store.conversations.getSummary(conversationId);
  if (!conversation) return null;
  const { messages } = await store.messages.pageOfConversation(conversationId, MESSAGES_READ, null);
  const readings = await store.analyses.latestForMessages(messages.map((message) => message.id));
  const previous = (await store.conversations
    .list({ customerId: conversation.customer.id }, PREVIOUS_CONVERSATIONS + 1, 0))
    .items.filter((other) => other.id !== conversationId)
    .slice(0, PREVIOUS_CONVERSATIONS);
  // an internal note written later is not a contact with the customer (all of them in one query)
  const lastContact = await store.messages.lastContactAt(previous.map((other) => other.id));
  return {
    now,
    conversationId,
    channel: conversation.channel,
    subject: conversation.subject,
    customer: { id: conversation.customer.id, displayName: conversation.customer.displayName, firstName: firstNameOf(conversation.customer.displayName) },
    agent: agent ? { name: agent.name, firstName: firstNameOf(agent.name) } : null,
    messages: messages.map((message) => {
      const reading = readings.get(message.id);
      return {
        id: message.id,
        author: message.author,
        body: message.body,
        sentAt: message.sentAt,
        reading: reading ? { sentiment: reading.sentiment, dominant: reading.dominant, emotions: reading.emotions, analyzer: reading.analyzer } : null,
      };
    }),
    waitingSince: conversation.waitingSince,
    // what they wrote first is read for the latest earlier conversation only: that is the one a wording names
    previousConversations: await Promise.all(
      previous.map(async (other, index) => ({
        id: other.id,
        channel: other.channel,
        subject: other.subject,
        createdAt: other.createdAt,
        lastContactAt: lastContact.get(other.id) ?? other.createdAt,
        firstCustomerText: index === 0 ? await store.messages.firstBodyBy(other.id, 'customer') : null,
      })),
    ),
    openFollowUps: (await store.followUps
      .listForCustomer(conversation.customer.id))
      .filter((followUp) => followUp.status === 'open')
      .map((followUp) => ({ description: followUp.description, dueAt: followUp.dueAt })),
    recentTexts: await store.coachPrompts.recentTexts(conversationId),
  };
}
