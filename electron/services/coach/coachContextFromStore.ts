import type { ConversationSummary, User } from '../../../shared/contract/domain';
import type { Store } from '../store/store';
import { firstNameOf } from '../common/personName';
import type { CoachContext } from './coachContext';

/** How many of the newest messages the coach reads; older history reaches it through the customer's record. */
const MESSAGES_READ = 50;
const PREVIOUS_CONVERSATIONS = 20;

/** What the coach needs to know about a conversation, read from the store at `now`. Null if there is no such conversation. */
export async function coachContextFromStore(store: Store, conversationId: number, agent: Pick<User, 'name'> | null, now: number): Promise<CoachContext | null> {
  const conversation = await store.conversations.getSummary(conversationId);
  return conversation ? await coachContextOf(store, conversation, agent, now) : null;
}

/**
 * The coach's context of a conversation the caller has read already. The reads that do not need
 * each other's answers run side by side: on PostgreSQL each is a trip to the server and back, and
 * one after another they kept the prompt from the agent's screen (SQLite answers them in turn).
 */
export async function coachContextOf(store: Store, conversation: ConversationSummary, agent: Pick<User, 'name'> | null, now: number): Promise<CoachContext> {
  const conversationId = conversation.id;
  const [{ messages, readings }, previousConversations, followUps, recentTexts] = await Promise.all([
    messagesWithReadings(store, conversationId),
    previousConversationsOf(store, conversation.customer.id, conversationId),
    store.followUps.listForCustomer(conversation.customer.id),
    store.coachPrompts.recentTexts(conversationId),
  ]);
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
    previousConversations,
    openFollowUps: followUps
      .filter((followUp) => followUp.status === 'open')
      .map((followUp) => ({ description: followUp.description, dueAt: followUp.dueAt })),
    recentTexts,
  };
}

/** The conversation's newest messages, oldest first, with their latest readings. */
async function messagesWithReadings(store: Store, conversationId: number) {
  const { messages } = await store.messages.pageOfConversation(conversationId, MESSAGES_READ, null);
  return { messages, readings: await store.analyses.latestForMessages(messages.map((message) => message.id)) };
}

/** The customer's other conversations, newest first. */
async function previousConversationsOf(store: Store, customerId: number, conversationId: number): Promise<CoachContext['previousConversations']> {
  const previous = (await store.conversations
    .list({ customerId }, PREVIOUS_CONVERSATIONS + 1, 0))
    .items.filter((other) => other.id !== conversationId)
    .slice(0, PREVIOUS_CONVERSATIONS);
  // an internal note written later is not a contact with the customer (all of them in one query);
  // what they wrote first is read for the latest earlier conversation only: that is the one a wording names
  const [lastContact, firstCustomerText] = await Promise.all([
    store.messages.lastContactAt(previous.map((other) => other.id)),
    previous[0] ? store.messages.firstBodyBy(previous[0].id, 'customer') : null,
  ]);
  return previous.map((other, index) => ({
    id: other.id,
    channel: other.channel,
    subject: other.subject,
    createdAt: other.createdAt,
    lastContactAt: lastContact.get(other.id) ?? other.createdAt,
    firstCustomerText: index === 0 ? firstCustomerText : null,
  }));
}
