import { EKMAN_EMOTIONS, type EkmanEmotion } from '../../../shared/contract/analysis';
import type { CoachTrigger } from '../../../shared/contract/coach';
import { type CoachContext, type CoachMessage, customerMessages, lastCustomerMessage, latestCustomerTurn } from './coachContext';
import type { CompiledRule } from './compiledPlaybook';
import { formatScore, joinOr, numberWord, ordinalWord } from './coachWords';
import { contactsWithin, followUpPhrase, lastTopic, mainFollowUp, previousConversation } from './conversationFacts';
import type { MentionMatcher } from './mentionMatcher';
import { roundDuration, shortDuration, whenWords } from './timeWords';

/**
 * Tests each condition of a rule's trigger against a conversation, keeping the evidence when it holds
 * (for the prompt's reason) and what was needed and found when it does not (for the playbook preview).
 */

export type ConditionName =
  | 'emotion'
  | 'maxSentiment'
  | 'minSentiment'
  | 'minSentimentDrop'
  | 'repeatContact'
  | 'minWaitMinutes'
  | 'maxWaitMinutes'
  | 'mentions'
  | 'returningCustomer'
  | 'openFollowUp'
  | 'channels';

export interface ConditionResult {
  condition: ConditionName;
  met: boolean;
  /** When met: the evidence for the prompt's reason ("anger 0.82"); null when there is nothing worth saying. */
  evidence: string | null;
  /** When not met: what was needed and what was found ("needs anger ≥ 0.50; last message anger 0.12"). */
  failure: string | null;
}

const NEGATIVE_EMOTIONS = EKMAN_EMOTIONS.filter((emotion) => emotion !== 'neutral');

function met(condition: ConditionName, evidence: string | null): ConditionResult {
  return { condition, met: true, evidence, failure: null };
}

function failed(condition: ConditionName, failure: string): ConditionResult {
  return { condition, met: false, evidence: null, failure };
}

const quote = (text: string): string => `“${text}”`;

function messagesWord(n: number): string {
  return n === 1 ? 'message' : 'messages';
}

/** How a message reads, for a condition that wanted one of `wanted`. */
function describeReading(message: CoachMessage, wanted: readonly EkmanEmotion[]): string {
  const reading = message.reading;
  if (!reading) return 'not read yet';
  const dominant = reading.dominant;
  if (!dominant) return reading.analyzer === 'lexicon' ? 'no emotions (lexicon analyzer)' : 'no emotions';
  if (wanted.includes(dominant.emotion)) return `${dominant.emotion} ${formatScore(dominant.score)}`;
  let best: { emotion: EkmanEmotion; score: number } | null = null;
  for (const emotion of wanted) {
    const score = reading.emotions[emotion];
    if (score !== undefined && (!best || score > best.score)) best = { emotion, score };
  }
  const mostly = `mostly ${dominant.emotion} ${formatScore(dominant.score)}`;
  return best ? `${best.emotion} ${formatScore(best.score)} (${mostly})` : mostly;
}

function emotionCondition(trigger: CoachTrigger, context: CoachContext): ConditionResult | null {
  if (!trigger.emotions && trigger.minEmotionScore === undefined) return null;
  const wanted = trigger.emotions ?? NEGATIVE_EMOTIONS;
  const min = trigger.minEmotionScore ?? 0;
  const count = trigger.inLastMessages ?? 1;
  const recent = customerMessages(context).slice(-count);
  const span = count > 1 ? ` in the last ${numberWord(count)} customer messages` : '';
  const need = `needs ${joinOr(wanted)}${min > 0 ? ` ≥ ${formatScore(min)}` : ' as the main feeling'}${span}`;
  if (recent.length === 0) return failed('emotion', `${need}; no customer message yet`);
  if (recent.length < count) return failed('emotion', `${need}; only ${numberWord(recent.length)} customer ${messagesWord(recent.length)} so far`);
  const meets = (message: CoachMessage): boolean => {
    const dominant = message.reading?.dominant;
    return !!dominant && wanted.includes(dominant.emotion) && dominant.score >= min;
  };
  if (!recent.every(meets)) {
    const found =
      count === 1 && recent[0]
        ? `last message ${describeReading(recent[0], wanted)}`
        : `the last ${numberWord(count)} read ${recent.map((message) => describeReading(message, wanted)).join(', ')}`;
    return failed('emotion', `${need}; ${found}`);
  }
  const scores = new Map<EkmanEmotion, number[]>();
  for (const message of recent) {
    const dominant = message.reading?.dominant;
    if (dominant) scores.set(dominant.emotion, [...(scores.get(dominant.emotion) ?? []), dominant.score]);
  }
  const parts = [...scores].map(([emotion, values]) => {
    const low = formatScore(Math.min(...values));
    const high = formatScore(Math.max(...values));
    return `${emotion} ${low === high ? high : `${low}–${high}`}`;
  });
  return met('emotion', `${parts.join(', ')}${count > 1 ? ` in the last ${numberWord(count)} messages` : ''}`);
}

function sentimentConditions(trigger: CoachTrigger, context: CoachContext): ConditionResult[] {
  const results: ConditionResult[] = [];
  const last = lastCustomerMessage(context);
  const sentiment = last?.reading?.sentiment ?? null;
  const found = !last ? 'no customer message yet' : sentiment === null ? 'last message not read yet' : `last message ${formatScore(sentiment)}`;
  if (trigger.maxSentiment !== undefined) {
    const need = `needs sentiment ≤ ${formatScore(trigger.maxSentiment)}`;
    results.push(
      sentiment !== null && sentiment <= trigger.maxSentiment
        ? met('maxSentiment', `sentiment ${formatScore(sentiment)}`)
        : failed('maxSentiment', `${need}; ${found}`),
    );
  }
  if (trigger.minSentiment !== undefined) {
    const need = `needs sentiment ≥ ${formatScore(trigger.minSentiment)}`;
    results.push(
      sentiment !== null && sentiment >= trigger.minSentiment
        ? met('minSentiment', `sentiment ${formatScore(sentiment)}`)
        : failed('minSentiment', `${need}; ${found}`),
    );
  }
  if (trigger.minSentimentDrop !== undefined) {
    const need = `needs sentiment to fall by ${formatScore(trigger.minSentimentDrop)}`;
    const earlier = customerMessages(context)
      .filter((message) => message !== last && message.reading)
      .map((message) => message.reading?.sentiment ?? 0);
    if (sentiment === null) results.push(failed('minSentimentDrop', `${need}; ${found}`));
    else if (earlier.length === 0) results.push(failed('minSentimentDrop', `${need}; no earlier customer message to compare`));
    else {
      const before = earlier.reduce((sum, value) => sum + value, 0) / earlier.length;
      const change = `from ${formatScore(before)} to ${formatScore(sentiment)}`;
      results.push(
        before - sentiment >= trigger.minSentimentDrop
          ? met('minSentimentDrop', `sentiment fell ${change}`)
          : failed('minSentimentDrop', `${need}; went ${change}`),
      );
    }
  }
  return results;
}

function periodWords(days: number): string {
  if (days === 1) return 'in 24 hours';
  if (days === 7) return 'this week';
  if (days % 7 === 0 && days <= 28) return `in ${numberWord(days / 7)} weeks`;
  return `in ${days} days`;
}

function repeatContactCondition(trigger: CoachTrigger, context: CoachContext): ConditionResult | null {
  if (!trigger.repeatContact) return null;
  const { count, days } = trigger.repeatContact;
  const contacts = contactsWithin(context, days);
  const period = periodWords(days);
  return contacts >= count
    ? met('repeatContact', `${ordinalWord(contacts)} contact ${period}`)
    : failed('repeatContact', `needs ${count} contacts ${period}; this is the ${ordinalWord(contacts)}`);
}

function waitCondition(trigger: CoachTrigger, context: CoachContext): ConditionResult | null {
  if (trigger.minWaitMinutes === undefined) return null;
  const need = `needs a wait of ${shortDuration(trigger.minWaitMinutes * 60_000)}`;
  if (context.waitingSince === null) return failed('minWaitMinutes', `${need}; not waiting for an answer`);
  const waited = Math.max(0, context.now - context.waitingSince);
  return waited >= trigger.minWaitMinutes * 60_000
    ? met('minWaitMinutes', `waited ${shortDuration(waited)}`)
    : failed('minWaitMinutes', `${need}; waited ${shortDuration(waited)}`);
}

function maxWaitCondition(trigger: CoachTrigger, context: CoachContext): ConditionResult | null {
  if (trigger.maxWaitMinutes === undefined) return null;
  if (context.waitingSince === null) return met('maxWaitMinutes', null);
  const waited = Math.max(0, context.now - context.waitingSince);
  return waited <= trigger.maxWaitMinutes * 60_000
    ? met('maxWaitMinutes', null)
    : failed('maxWaitMinutes', `only while they have waited at most ${shortDuration(trigger.maxWaitMinutes * 60_000)}; waited ${shortDuration(waited)}`);
}

/** What the customer's latest turn mentions: read once per conversation for every rule of a playbook. */
export interface TurnMentions {
  /** The keys (Phrase.key) of the mentions found. */
  keys: ReadonlySet<string>;
  /** The customer has written something in their latest turn. */
  hasText: boolean;
}

/** Reads the customer's latest turn once for all the mentions a matcher knows. */
export function mentionsInTurn(matcher: MentionMatcher, context: CoachContext): TurnMentions {
  const text = latestCustomerTurn(context)
    .map((message) => message.body)
    .join('\n');
  return { keys: matcher.depth > 0 ? matcher.keysIn(text) : new Set(), hasText: text.length > 0 };
}

function mentionsCondition(rule: CompiledRule, turn: TurnMentions): ConditionResult | null {
  const mentions = rule.rule.when.mentions;
  if (!mentions) return null;
  const found = mentions.filter((_phrase, index) => turn.keys.has(rule.mentions[index]?.key ?? ''));
  if (found.length > 0) return met('mentions', `mentions ${found.slice(0, 3).map(quote).join(', ')}`);
  const listed = mentions.slice(0, 4).map(quote).join(', ') + (mentions.length > 4 ? ', …' : '');
  return failed('mentions', `needs a mention of ${listed}; ${turn.hasText ? 'none in the last message' : 'no customer message yet'}`);
}

function returningCondition(trigger: CoachTrigger, context: CoachContext): ConditionResult | null {
  if (trigger.returningCustomer === undefined) return null;
  const previous = previousConversation(context);
  if (trigger.returningCustomer) {
    if (!previous) return failed('returningCustomer', 'needs a returning customer; this is their first conversation');
    const topic = lastTopic(context);
    return met('returningCustomer', `returning customer: last contact ${whenWords(previous.lastContactAt, context.now)}${topic ? ` about ${topic}` : ''}`);
  }
  return previous
    ? failed('returningCustomer', `only for first-time customers; last contact ${whenWords(previous.lastContactAt, context.now)}`)
    : met('returningCustomer', 'first contact');
}

function followUpCondition(trigger: CoachTrigger, context: CoachContext): ConditionResult | null {
  if (trigger.openFollowUp === undefined) return null;
  const followUp = mainFollowUp(context);
  const need = trigger.openFollowUp === 'overdue' ? 'needs an overdue follow-up' : 'needs an open follow-up';
  if (!followUp) return failed('openFollowUp', `${need}; none open`);
  const name = followUpPhrase(followUp.description);
  const label = name ? `follow-up ${quote(name)}` : 'follow-up';
  const overdue = followUp.dueAt < context.now;
  if (overdue) return met('openFollowUp', `${label} is ${roundDuration(context.now - followUp.dueAt)} overdue`);
  const due = `due in ${roundDuration(followUp.dueAt - context.now)}`;
  return trigger.openFollowUp === 'overdue' ? failed('openFollowUp', `${need}; ${label} is ${due}`) : met('openFollowUp', `open ${label} ${due}`);
}

function channelCondition(trigger: CoachTrigger, context: CoachContext): ConditionResult | null {
  if (!trigger.channels) return null;
  return trigger.channels.includes(context.channel)
    ? met('channels', null)
    : failed('channels', `only for ${joinOr(trigger.channels)}; this is ${context.channel}`);
}

/**
 * Every condition a rule's trigger gives, in the order their evidence reads best. `turn` is what the
 * customer's latest turn mentions, read with a matcher that knows this rule's mentions.
 */
export function checkTrigger(rule: CompiledRule, context: CoachContext, turn: TurnMentions): ConditionResult[] {
  const trigger = rule.rule.when;
  return [
    emotionCondition(trigger, context),
    ...sentimentConditions(trigger, context),
    repeatContactCondition(trigger, context),
    waitCondition(trigger, context),
    maxWaitCondition(trigger, context),
    mentionsCondition(rule, turn),
    returningCondition(trigger, context),
    followUpCondition(trigger, context),
    channelCondition(trigger, context),
  ].filter((result): result is ConditionResult => result !== null);
}
