import type { EkmanEmotion } from '../../../../shared/contract/analysis';
import type { CoachContext, CoachMessage } from '../../../../electron/services/coach/coachContext';

/** Builders for the coach's tests: a conversation as a CoachContext, in local time. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Tuesday 10 March 2026, 11:00 local time. */
export const NOW = new Date(2026, 2, 10, 11, 0).getTime();

export type Reading = NonNullable<CoachMessage['reading']>;

/** A model reading whose dominant emotion is `emotion` at `score`, the rest neutral. */
export function feels(emotion: EkmanEmotion, score: number, sentiment: number): Reading {
  const emotions: Partial<Record<EkmanEmotion, number>> = { [emotion]: score };
  if (emotion !== 'neutral') emotions.neutral = Math.round((1 - score) * 100) / 100;
  return { sentiment, dominant: { emotion, score }, emotions, analyzer: 'model' };
}

/** A lexicon reading: sentiment only, no emotions. */
export function lexicon(sentiment: number): Reading {
  return { sentiment, dominant: null, emotions: {}, analyzer: 'lexicon' };
}

let nextId = 1000;

export function fromCustomer(body: string, minutesAgo: number, reading: Reading | null, now = NOW): CoachMessage {
  return { id: nextId++, author: 'customer', body, sentAt: now - minutesAgo * MINUTE, reading };
}

export function fromAgent(body: string, minutesAgo: number, now = NOW): CoachMessage {
  return { id: nextId++, author: 'agent', body, sentAt: now - minutesAgo * MINUTE, reading: null };
}

/** A conversation with Sam Taylor on chat, answered, first contact; override what the test needs. */
export function conversation(overrides: Partial<CoachContext> = {}): CoachContext {
  return {
    now: NOW,
    conversationId: 42,
    channel: 'chat',
    subject: null,
    customer: { id: 7, displayName: 'Sam Taylor', firstName: 'Sam' },
    agent: { name: 'Aisha Khan', firstName: 'Aisha' },
    messages: [],
    waitingSince: null,
    previousConversations: [],
    openFollowUps: [],
    recentTexts: [],
    ...overrides,
  };
}

/** One of the customer's earlier conversations. */
export function earlier(id: number, daysAgo: number, subject: string | null, firstCustomerText: string | null = null, now = NOW): CoachContext['previousConversations'][number] {
  return { id, channel: 'email', subject, createdAt: now - daysAgo * DAY - HOUR, lastContactAt: now - daysAgo * DAY, firstCustomerText };
}
