import type { CoachKind, Playbook } from '../../../../shared/contract/coach';
import type { CoachContext } from '../coachContext';
import { orderNumber } from '../conversationFacts';
import { explainRule, mentionsOfPlaybook } from '../evaluatePlaybook';
import { placeholderValue } from '../fillWording';
import { nextStepTime } from '../timeWords';
import type { CustomerState } from './customerState';

/** Better sentences the draft checks offer, personalised from the conversation. */

/** The phrasing of the highest-priority rule of these kinds that fires now, or null. */
export function firedWording(playbook: Playbook, context: CoachContext, kinds: readonly CoachKind[]): string | null {
  let best: { priority: number; text: string } | null = null;
  const turn = mentionsOfPlaybook(playbook, context);
  for (const rule of playbook.rules) {
    if (!kinds.includes(rule.kind)) continue;
    const explained = explainRule(rule, context, turn);
    if (explained.text !== null && (!best || rule.priority > best.priority)) best = { priority: rule.priority, text: explained.text };
  }
  return best?.text ?? null;
}

/** An opening sentence that acknowledges how the customer feels. */
export function acknowledgementLine(playbook: Playbook, context: CoachContext, state: CustomerState): string {
  const fromPlaybook = firedWording(playbook, context, ['acknowledge']) ?? firedWording(playbook, context, ['apologise']);
  if (fromPlaybook) return fromPlaybook;
  const name = placeholderValue('firstName', context);
  const lead = name ? `${name}, I’m` : 'I’m';
  switch (state.feeling) {
    case 'anger':
    case 'disgust':
      return `${lead} sorry — I can see why you’re frustrated, and you’re right to be.`;
    case 'fear':
      return name ? `${name}, I can understand why you’re worried, and I’m going to help.` : 'I can understand why you’re worried, and I’m going to help.';
    case 'sadness':
      return `${lead} sorry — I can see how disappointing this has been.`;
    default:
      return `${lead} sorry — I can see this hasn’t gone the way it should.`;
  }
}

/** "I'll check order LH-483920 myself and update you by 5 pm today." */
export function nextStepLine(context: CoachContext, state: CustomerState): string {
  const order = orderNumber(context);
  const step = order ? `check order ${order} myself` : state.feeling === 'fear' ? 'check this for you now' : 'look into this myself';
  return `I’ll ${step} and update you ${nextStepTime(context.now)}.`;
}

/** A warm opening that gives a short reply some room. */
export function openingLine(context: CoachContext): string {
  const name = placeholderValue('firstName', context);
  return name ? `${name}, here’s exactly where things are and what happens next.` : 'Here’s exactly where things are and what happens next.';
}
