import { type CoachContext, firstCustomerMessage } from './coachContext';
import { lowerFirst, normaliseSpaces, trimEdges } from './coachWords';
import { topicPhrase } from './topicPhrase';

/** Facts the coach reads out of a conversation: order numbers, topics, follow-ups, repeat contacts. */

const DAY = 24 * 60 * 60 * 1000;
const LH_ORDER = /\bLH-\d{4,}\b/gi;
const NUMBERED_ORDER = /\border\s*(?:#|no\.?|num\.?|number)\s*:?\s*#?\s*(\d{4,})\b/gi;

/** The last order number in a text ("LH-483920", or "#12345" for "order #12345" / "order number 12345"). */
export function lastOrderIn(text: string): string | null {
  let found: { at: number; order: string } | null = null;
  for (const match of text.matchAll(LH_ORDER)) {
    if (!found || match.index >= found.at) found = { at: match.index, order: match[0].toUpperCase() };
  }
  for (const match of text.matchAll(NUMBERED_ORDER)) {
    if (!found || match.index >= found.at) found = { at: match.index, order: `#${match[1] ?? ''}` };
  }
  return found?.order ?? null;
}

/** The last order number mentioned in the conversation (newest message first, then the subject). */
export function orderNumber(context: CoachContext): string | null {
  for (let i = context.messages.length - 1; i >= 0; i--) {
    const order = lastOrderIn(context.messages[i]?.body ?? '');
    if (order) return order;
  }
  return context.subject ? lastOrderIn(context.subject) : null;
}

/** What this conversation is about: its subject, else the customer's first message. */
export function currentTopic(context: CoachContext): string | null {
  const fromSubject = context.subject ? topicPhrase(context.subject, 'subject') : null;
  if (fromSubject) return fromSubject;
  const first = firstCustomerMessage(context);
  return first ? topicPhrase(first.body) : null;
}

/** The customer's previous conversation (the newest other one), if any. */
export function previousConversation(context: CoachContext): CoachContext['previousConversations'][number] | null {
  return context.previousConversations.find((conversation) => conversation.id !== context.conversationId) ?? null;
}

/** What the customer contacted us about last time. */
export function lastTopic(context: CoachContext): string | null {
  const previous = previousConversation(context);
  if (!previous) return null;
  const fromSubject = previous.subject ? topicPhrase(previous.subject, 'subject') : null;
  return fromSubject ?? (previous.firstCustomerText ? topicPhrase(previous.firstCustomerText) : null);
}

/** The follow-up to talk about: the one due first (the most overdue). */
export function mainFollowUp(context: CoachContext): CoachContext['openFollowUps'][number] | null {
  let first: CoachContext['openFollowUps'][number] | null = null;
  for (const followUp of context.openFollowUps) if (!first || followUp.dueAt < first.dueAt) first = followUp;
  return first;
}

const NOT_WORD_START = /[^\p{L}\p{N}]/u;
const NOT_WORD_END = /[^\p{L}\p{N})]/u;

/** A follow-up's description as a phrase to quote ("Call back about refund." → "call back about refund"). */
export function followUpPhrase(description: string): string | null {
  const phrase = trimEdges(trimEdges(normaliseSpaces(description), NOT_WORD_START), NOT_WORD_END, 'end');
  return phrase ? lowerFirst(phrase) : null;
}

/** How many times the customer contacted us in the last `days` days, this conversation included. */
export function contactsWithin(context: CoachContext, days: number): number {
  const since = context.now - days * DAY;
  const others = context.previousConversations.filter(
    (conversation) => conversation.id !== context.conversationId && conversation.lastContactAt >= since,
  );
  return 1 + others.length;
}
