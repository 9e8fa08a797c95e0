import { promiseDue } from './promiseDue';
import { describePromise, findCommitment } from './promiseWording';
import { replySentences } from './replySentences';
import { systemTimeZone } from '../common/wallClock';

/**
 * Commitments an agent made in a sent reply, as follow-ups to offer: a sentence that both commits
 * (the agent's "I'll / we will / let me …", or what the customer "will receive") and names a time
 * after the reply was sent ("tomorrow", "by Friday", "within 3–5 working days", "by 5 pm"). Quoted
 * customer text, questions and conditionals about the customer ("if you …") are left alone; a
 * commitment without a time is not a promise we can hold anyone to.
 */

export interface DetectedPromise {
  /** A short instruction for the agent ("Call back", "Confirm it arrived"), ≤ 80 characters. */
  description: string;
  dueAt: number;
  /** The sentence it came from. */
  excerpt: string;
}

export interface DetectOptions {
  /** The agent's IANA time zone for "tomorrow", "17:00" and working days; default this machine's. */
  timeZone?: string;
}

const CONDITIONAL_ON_CUSTOMER = /\b(?:if|unless|in case|provided(?: that)?|as long as|whether)\s+you\b/i;
const MAX_EXCERPT = 240;

export function detectPromises(text: string, sentAt: number, options: DetectOptions = {}): DetectedPromise[] {
  const timeZone = options.timeZone ?? systemTimeZone();
  const found: DetectedPromise[] = [];
  for (const sentence of replySentences(text)) {
    if (sentence.question || CONDITIONAL_ON_CUSTOMER.test(sentence.text)) continue;
    const commitment = findCommitment(sentence.text);
    if (!commitment) continue;
    const due = promiseDue(sentence.text, sentAt, timeZone, commitment.phraseStart);
    if (!due) continue;
    const description = describePromise(sentence.text, commitment, due.index);
    if (found.some((promise) => promise.description === description && promise.dueAt === due.dueAt)) continue;
    const excerpt = sentence.text.length > MAX_EXCERPT ? `${sentence.text.slice(0, MAX_EXCERPT - 1)}…` : sentence.text;
    found.push({ description, dueAt: due.dueAt, excerpt });
  }
  return found;
}
