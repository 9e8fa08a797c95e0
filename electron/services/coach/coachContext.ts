import type { AnalyzerKind, EkmanEmotion } from '../../../shared/contract/analysis';
import type { Channel, MessageAuthor } from '../../../shared/contract/domain';

/**
 * What the empathy coach knows about a conversation when it suggests prompts or checks a draft.
 * Built by the caller from the store; everything in coach/ is a pure function of it.
 */

export interface CoachMessage {
  id: number;
  author: MessageAuthor;
  body: string;
  sentAt: number;
  reading: {
    sentiment: number;
    dominant: { emotion: EkmanEmotion; score: number } | null;
    emotions: Partial<Record<EkmanEmotion, number>>;
    analyzer: AnalyzerKind;
  } | null;
}

export type CoachReading = NonNullable<CoachMessage['reading']>;

export interface CoachContext {
  now: number;
  conversationId: number;
  channel: Channel;
  subject: string | null;
  customer: { id: number; displayName: string; firstName: string | null };
  agent: { name: string; firstName: string | null } | null;
  /** This conversation, oldest first (at most the last 50 messages). */
  messages: CoachMessage[];
  /** Since when the customer has been waiting for an answer; null when answered. */
  waitingSince: number | null;
  /** The customer's other conversations, newest first. */
  previousConversations: {
    id: number;
    channel: Channel;
    subject: string | null;
    createdAt: number;
    lastContactAt: number;
    firstCustomerText: string | null;
  }[];
  /** The customer's open follow-ups. */
  openFollowUps: { description: string; dueAt: number }[];
  /** Phrasings already shown in this conversation, newest first (never offer the same line twice in a row). */
  recentTexts: string[];
}

/** The customer's messages in this conversation, oldest first. */
export function customerMessages(context: CoachContext): CoachMessage[] {
  return context.messages.filter((message) => message.author === 'customer');
}

/** The customer's most recent message, or null when they have not written yet. */
export function lastCustomerMessage(context: CoachContext): CoachMessage | null {
  for (let i = context.messages.length - 1; i >= 0; i--) {
    const message = context.messages[i];
    if (message?.author === 'customer') return message;
  }
  return null;
}

/**
 * The customer's latest turn: their last message and the ones they sent just before it with no
 * agent reply in between (notes and system lines do not interrupt a turn). Oldest first.
 */
export function latestCustomerTurn(context: CoachContext): CoachMessage[] {
  const turn: CoachMessage[] = [];
  let seenCustomer = false;
  for (let i = context.messages.length - 1; i >= 0; i--) {
    const message = context.messages[i];
    if (!message) continue;
    if (message.author === 'customer') {
      turn.unshift(message);
      seenCustomer = true;
    } else if (message.author === 'agent' && seenCustomer) {
      break;
    }
  }
  return turn;
}

/** The first customer message of this conversation, or null. */
export function firstCustomerMessage(context: CoachContext): CoachMessage | null {
  return context.messages.find((message) => message.author === 'customer') ?? null;
}
