import type { DefaultFollowUpTime } from '../../../shared/contract/callOutcomes';
import { systemTimeZone } from '../common/wallClock';
import { defaultDue } from './defaultDue';
import { promiseDue } from './promiseDue';
import { clean } from './promiseWording';
import { replySentences } from './replySentences';

/**
 * The follow-up a call's wrap-up asks for. The agent writes to themselves ("Call Finn back on
 * Tuesday at 2pm", "Tuesday 2pm: confirm the refund landed"), so no "I'll" is needed: the first
 * sentence that names a time ahead (read as promises in replies are, from the end of the call, in
 * the agent's time zone) gives the due time, and the words around that time say what to do. When
 * no sentence names one, the disposition's own follow-up is offered at its default time.
 */

export interface WrapUpFollowUp {
  description: string;
  dueAt: number;
  /** The sentence the time was read from, or the wrap-up itself (cut short) when none named one. */
  excerpt: string;
  /** Whether the time was read from the wrap-up. */
  timeSaid: boolean;
}

export interface WrapUpDefault {
  description: string;
  defaultDue: DefaultFollowUpTime;
}

const MAX_DESCRIPTION = 80;
const MAX_EXCERPT = 240;
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** What the sentence says to do, without its time: the words before the time, or after it when the time comes first. */
function whatToDo(sentence: string, timeIndex: number, timeLength: number): string | null {
  const before = clean(sentence.slice(0, timeIndex));
  const after = clean(sentence.slice(timeIndex + timeLength).replace(/^[\s:,;–—-]+/, ''));
  const words = before.length >= 3 ? before : after.replace(/[.!…]+$/, '');
  if (words.length < 3 || words.length > MAX_DESCRIPTION) return null;
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function followUpFromWrapUp(wrapUp: string, endedAt: number, fallback: WrapUpDefault, timeZone: string = systemTimeZone()): WrapUpFollowUp {
  for (const sentence of replySentences(wrapUp)) {
    const due = promiseDue(sentence.text, endedAt, timeZone);
    if (!due) continue;
    return {
      description: whatToDo(sentence.text, due.index, due.text.length) ?? fallback.description,
      dueAt: due.dueAt,
      excerpt: cut(sentence.text, MAX_EXCERPT),
      timeSaid: true,
    };
  }
  return { description: fallback.description, dueAt: defaultDue(fallback.defaultDue, endedAt, timeZone), excerpt: cut(wrapUp.trim(), MAX_EXCERPT), timeSaid: false };
}
