import type { Channel, ConversationStatus, FollowUp, MessageAuthor } from '../../../shared/contract/domain';
import { addWorkingDays, monthNumber } from '../common/wallClock';
import { COMPLAINT_GRACE_WORKING_DAYS, COMPLAINT_SENTIMENT, HAPPY_SENTIMENT, UNANSWERED_GRACE_WORKING_DAYS } from './connectionWeights';
import type { ConnectionHistory } from './connectionHistory';
import { nameMatcher, personalTouch } from './personalTouches';

/**
 * A customer's history made ready for the formula once, so that computing it at many moments
 * (now, 30 days ago, each month's end) is a linear pass each: messages sorted, notes and system
 * lines dropped, personal touches found and calendar months worked out.
 */

export interface PreparedMessage {
  id: number;
  conversationId: number;
  author: Extract<MessageAuthor, 'customer' | 'agent'>;
  sentAt: number;
  sentiment: number | null;
  /** year × 12 + month − 1, in the time zone. */
  month: number;
  byName: boolean;
  remembers: boolean;
  /**
   * For a customer message that needs an answer: when its grace ends — a working day for a complaint
   * (sentiment ≤ −0.3), three for any other message that is not happy in a conversation still open.
   */
  graceEndsAt: number | null;
  /** Whether it is a complaint (sentiment ≤ −0.3) rather than a message merely waiting. */
  complaint: boolean;
}

export interface PreparedConversation {
  id: number;
  channel: Channel;
  subject: string | null;
  /** The first customer or agent message; the conversation is a contact from then on. */
  firstContactAt: number;
  /** Customer and agent messages, oldest first. */
  messages: PreparedMessage[];
}

export interface PreparedHistory {
  customerId: number;
  firstName: string | null;
  timeZone: string;
  /** Conversations with at least one customer or agent message, by first contact. */
  conversations: PreparedConversation[];
  /** Every customer and agent message across the conversations, oldest first, and each call (as an agent message at its start). */
  timeline: PreparedMessage[];
  followUps: FollowUp[];
  /** When follow-ups were set for the customer, oldest first (they answer a complaint as a reply does). */
  followUpsSetAt: number[];
}

/**
 * When a customer message has waited too long for an answer; null when it needs none. A happy word
 * needs none only once we have answered in the conversation ("thanks, that's great"): a conversation
 * nobody has answered waits for us whatever its words read.
 */
function graceFor(author: MessageAuthor, sentiment: number | null, status: ConversationStatus, sentAt: number, timeZone: string, answered: boolean): number | null {
  if (author !== 'customer') return null;
  if (sentiment !== null && sentiment <= COMPLAINT_SENTIMENT) return addWorkingDays(sentAt, COMPLAINT_GRACE_WORKING_DAYS, timeZone);
  const waitsForUs = status === 'open' || status === 'pending';
  if (!waitsForUs || (answered && sentiment !== null && sentiment >= HAPPY_SENTIMENT)) return null;
  return addWorkingDays(sentAt, UNANSWERED_GRACE_WORKING_DAYS, timeZone);
}

export function prepareHistory(history: ConnectionHistory, timeZone: string): PreparedHistory {
  const name = nameMatcher(history.customer.firstName);
  const drafts = history.conversations
    .map((conversation) => {
      const messages = conversation.messages
        .filter((message) => message.author === 'customer' || message.author === 'agent')
        .slice()
        .sort((a, b) => a.sentAt - b.sentAt || a.id - b.id);
      // a call is a contact even when all that is written of it is the agent's call notes
      const contact = conversation.channel === 'voice' ? conversation.messages : messages;
      const firstContactAt = contact.reduce((first, message) => Math.min(first, message.sentAt), Number.POSITIVE_INFINITY);
      return { conversation, messages, firstContactAt };
    })
    .filter((draft) => Number.isFinite(draft.firstContactAt))
    .sort((a, b) => a.firstContactAt - b.firstContactAt || a.conversation.id - b.conversation.id);

  const earliestContact = drafts[0]?.firstContactAt ?? Number.POSITIVE_INFINITY;
  const conversations = drafts.map(({ conversation, messages, firstContactAt }): PreparedConversation => {
    const hadEarlierContact = earliestContact < firstContactAt;
    let answered = false;
    return {
      id: conversation.id,
      channel: conversation.channel,
      subject: conversation.subject,
      firstContactAt,
      messages: messages.map((message) => {
        if (message.author === 'agent') answered = true;
        const touch = message.author === 'agent' ? personalTouch(message.body, name, hadEarlierContact) : { byName: false, remembers: false };
        const sentiment = message.author === 'customer' && message.sentiment !== null && Number.isFinite(message.sentiment) ? message.sentiment : null;
        return {
          id: message.id,
          conversationId: conversation.id,
          author: message.author as PreparedMessage['author'],
          sentAt: message.sentAt,
          sentiment,
          month: monthNumber(message.sentAt, timeZone),
          ...touch,
          complaint: sentiment !== null && sentiment <= COMPLAINT_SENTIMENT,
          graceEndsAt: graceFor(message.author, sentiment, conversation.status ?? 'open', message.sentAt, timeZone, answered),
        };
      }),
    };
  });

  // a call answers whatever waited before it, as a reply does, even when all that is written of it is the agent's notes
  const calls = conversations
    .filter((conversation) => conversation.channel === 'voice')
    .map((conversation): PreparedMessage => ({
      id: 0,
      conversationId: conversation.id,
      author: 'agent',
      sentAt: conversation.firstContactAt,
      sentiment: null,
      month: monthNumber(conversation.firstContactAt, timeZone),
      byName: false,
      remembers: false,
      graceEndsAt: null,
      complaint: false,
    }));
  const timeline = [...conversations.flatMap((conversation) => conversation.messages), ...calls].sort((a, b) => a.sentAt - b.sentAt || a.id - b.id);
  const followUpsSetAt = history.followUps.map((followUp) => followUp.createdAt).sort((a, b) => a - b);
  return { customerId: history.customer.id, firstName: history.customer.firstName, timeZone, conversations, timeline, followUps: history.followUps, followUpsSetAt };
}
