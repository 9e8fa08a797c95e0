import { isCoachPlaceholder, listPlaceholders, PLACEHOLDER_PATTERN, type CoachPlaceholder } from '../../../shared/contract/coach';
import type { CoachContext } from './coachContext';
import {
  currentTopic,
  followUpPhrase,
  lastTopic,
  mainFollowUp,
  orderNumber,
  previousConversation,
} from './conversationFacts';
import { durationWords, nextStepTime, whenWords } from './timeWords';

/** Fills a wording's {placeholders} from the conversation, or says it cannot. */

export { isCoachPlaceholder, listPlaceholders };

/** The placeholders in a wording the coach does not know (for the playbook editor to point out). */
export function unknownPlaceholders(wording: string): string[] {
  return listPlaceholders(wording).filter((name) => !isCoachPlaceholder(name));
}

function agentFirstName(context: CoachContext): string | null {
  if (!context.agent) return null;
  const name = context.agent.firstName?.trim() || context.agent.name.trim().split(/\s+/)[0] || '';
  return name || null;
}

/** The value of one placeholder in this conversation, or null when there is none. */
export function placeholderValue(name: CoachPlaceholder, context: CoachContext): string | null {
  switch (name) {
    case 'firstName':
      return context.customer.firstName?.trim() || null;
    case 'agentFirstName':
      return agentFirstName(context);
    case 'order':
      return orderNumber(context);
    case 'topic':
      return currentTopic(context);
    case 'lastTopic':
      return lastTopic(context);
    case 'lastContact': {
      const previous = previousConversation(context);
      return previous ? whenWords(previous.lastContactAt, context.now) : null;
    }
    case 'waited':
      return context.waitingSince === null ? null : durationWords(context.now - context.waitingSince);
    case 'followUp': {
      const followUp = mainFollowUp(context);
      return followUp ? followUpPhrase(followUp.description) : null;
    }
    case 'when':
      return nextStepTime(context.now);
  }
}

/** The placeholders of a wording that cannot be filled in this conversation (unknown ones included). */
export function unfillablePlaceholders(wording: string, context: CoachContext): string[] {
  return listPlaceholders(wording).filter((name) => !isCoachPlaceholder(name) || placeholderValue(name, context) === null);
}

/**
 * The wording with every placeholder filled, or null if any cannot be (an unknown placeholder, no
 * first name, no order number in the conversation, …), so no "Hi ," ever reaches a customer.
 */
export function fillWording(wording: string, context: CoachContext): string | null {
  const values = new Map<string, string>();
  for (const name of listPlaceholders(wording)) {
    if (!isCoachPlaceholder(name)) return null;
    const value = placeholderValue(name, context);
    if (value === null) return null;
    values.set(name, value);
  }
  return wording.replace(PLACEHOLDER_PATTERN, (_whole, name: string) => values.get(name.trim()) ?? '');
}
