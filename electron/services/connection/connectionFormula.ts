import type { ConnectionContribution, ConnectionIndex, ConnectionStage } from '../../../shared/contract/connection';
import { systemTimeZone } from '../common/wallClock';
import type { ConnectionHistory } from './connectionHistory';
import type { ConnectionMoment, RawContribution } from './connectionContext';
import {
  ACQUAINTANCE_FROM,
  BASE_SCORE,
  DAY,
  FRIEND_FROM,
  KIN_FROM,
  MOVEMENT_DAYS,
  RISK_FALL_POINTS,
  TREND_POINTS_SHOWN,
} from './connectionWeights';
import { bondItems } from './bondItems';
import { conversationFacts, type ConversationFacts } from './conversationItems';
import { feelingTrend } from './feelingTrend';
import { prepareHistory, type PreparedHistory } from './preparedHistory';
import { promiseOutcomes } from './promiseOutcomes';
import { unansweredComplaints } from './unansweredComplaints';

/**
 * The emotional-connection index of one customer at a moment `now`.
 *
 *   score = clamp(0, 100, 20 + Σ points)        (shown to one decimal)
 *
 * The bond (bondItems.ts) is worked out from all conversations at once; the events after it are
 * items whose points are raw points × a recency weight w = ½^(age / 90 days), the age counted back
 * from `now` (ongoing items, such as a complaint still waiting or a promise still overdue, are dated
 * `now`, so w = 1). Everything after `now` is ignored, so the same function gives the index as it
 * stood at any earlier moment.
 *
 *  - contact          familiarity, 35 × (1 − ½^(C / 2)) in all, C = Σ ½^(age / 365 days) over the
 *                     conversations (dated by their first customer or agent message, a call by its
 *                     start), shared out newest first: it saturates and fades slowly.
 *  - ending           feeling, 45 × confidence × the recency-weighted (90 days) mean of clear(end)
 *                     over the conversations read, confidence = R / (R + 1.5) with R the conversations
 *                     read weighed as familiarity weighs them; end is the customer's sentiment weighted
 *                     towards their last messages (conversationSignal.ts), clear(x) = x / 0.5 within ±1.
 *  - turnaround       the same share × ½ × clear(recovery), where recovery = max(0, min(end − start,
 *                     −start)) is the ground climbed back from a negative start.
 *  - unanswered       −2 per calendar day (down to −30) for a complaint (customer message with
 *                     sentiment ≤ −0.3) after which the customer had no agent message (in any
 *                     conversation) and no follow-up was set for them for more than one working day
 *                     (Mon–Fri); weighed as of the answer, or now while it waits.
 *  - promise-kept     +4 for a follow-up done by its due time, weighed as of when it was done.
 *  - promise-broken   −(6 + 1 per started day late), down to −16, for a follow-up done after its
 *                     due time (weighed as of when done) or still open past it (weighed as of now).
 *                     Cancelled follow-ups and those not yet due count for nothing.
 *  - feeling-trend    +10 × the change from first to last month of a least-squares line through the
 *                     monthly mean customer sentiment of the last 12 months (≥ 2 months), within ±8,
 *                     dated by the last message read; "rose"/"fell" only when the mood changed.
 *  - personal-touch   +1.5 for a conversation where the agent addressed the customer by first name;
 *                     +2.5 where the agent referred back to an earlier contact ("as we discussed",
 *                     "your previous order"); quoted text does not count.
 *
 * `contributions` lists every item with its weighted points rounded to 0.1 (items that round to 0
 * are left out), largest effect first; they sum to score − 20 up to that rounding, except where
 * the score is clamped. Stages: stranger < 25 ≤ acquaintance < 50 ≤ friend < 75 ≤ kin, overridden
 * by at-risk when any of: a complaint from the last 60 days still unanswered past its working day;
 * a promise still overdue; a promise due in the last 60 days that was kept late; or the last 30
 * days' events took ≥ 10 points away (the score now against the score of the history as it stood
 * 30 days ago, both weighed as of now — so time passing alone never makes anyone at-risk).
 * `movement30d` = score now − score computed at now − 30 days (this includes the fading of old
 * items). `trend`: the score as each contact ended (the last 24) and now.
 * Dates in labels are calendar days in `timeZone` (default: this machine's).
 */

export interface ConnectionOptions {
  /** IANA time zone for calendar days, months and working days; default this machine's. */
  timeZone?: string;
}

interface Evaluation {
  total: number;
  items: RawContribution[];
  risks: string[];
}

function evaluate(prepared: PreparedHistory, moment: ConnectionMoment): Evaluation {
  const items: RawContribution[] = [];
  const risks: string[] = [];
  const conversations: ConversationFacts[] = [];
  for (const conversation of prepared.conversations) {
    const facts = conversationFacts(conversation, moment);
    if (!facts) continue;
    conversations.push(facts);
    items.push(...facts.touches);
  }
  items.push(...bondItems(conversations, moment));
  const unanswered = unansweredComplaints(prepared, moment);
  items.push(...unanswered.items);
  risks.push(...unanswered.risks);
  const promises = promiseOutcomes(prepared.followUps, moment);
  items.push(...promises.items);
  risks.push(...promises.risks);
  const trend = feelingTrend(prepared.conversations, moment);
  if (trend) items.push(trend);
  return { total: items.reduce((sum, item) => sum + item.points, 0), items, risks };
}

const round1 = (value: number) => Math.round(value * 10) / 10 + 0; // + 0 turns −0 into 0
const scoreOf = (total: number) => round1(Math.min(100, Math.max(0, BASE_SCORE + total)));

function stageOf(score: number, risks: readonly string[]): ConnectionStage {
  if (risks.length > 0) return 'at-risk';
  if (score >= KIN_FROM) return 'kin';
  if (score >= FRIEND_FROM) return 'friend';
  if (score >= ACQUAINTANCE_FROM) return 'acquaintance';
  return 'stranger';
}

function contributionsOf(items: readonly RawContribution[]): ConnectionContribution[] {
  return items
    .map((item) => ({ kind: item.kind, points: round1(item.points), label: item.label, at: item.at, conversationId: item.conversationId }))
    .filter((item) => item.points !== 0)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || b.at - a.at);
}

/**
 * When each contact ended (its last customer or agent message; a call without any, when it began),
 * the last 24 before `now`, oldest first: the trend shows what every contact did to the index, so a
 * turnaround within a fortnight is as visible as a year's slow warming.
 */
function contactEnds(prepared: PreparedHistory, now: number): number[] {
  const ends = new Set<number>();
  for (const conversation of prepared.conversations) {
    let end = conversation.firstContactAt;
    for (const message of conversation.messages) if (message.sentAt <= now) end = Math.max(end, message.sentAt);
    if (end < now) ends.add(end);
  }
  return [...ends].sort((a, b) => a - b).slice(-TREND_POINTS_SHOWN);
}

/** The customer has written, and not one of their messages has been read for feeling yet. */
function isProvisional(history: ConnectionHistory, now: number): boolean {
  let wrote = false;
  for (const conversation of history.conversations) {
    for (const message of conversation.messages) {
      if (message.author !== 'customer' || message.sentAt > now) continue;
      if (message.sentiment !== null) return false;
      wrote = true;
    }
  }
  return wrote;
}

/** The index, stage, reasons and explanation for one customer at `now` (see the formula above). */
export function computeConnection(history: ConnectionHistory, now: number, options: ConnectionOptions = {}): ConnectionIndex {
  const timeZone = options.timeZone ?? systemTimeZone();
  const prepared = prepareHistory(history, timeZone);
  const at = (cutoff: number, anchor = cutoff, labels = false): ConnectionMoment => ({ cutoff, anchor, timeZone, today: now, labels });

  const current = evaluate(prepared, at(now, now, true));
  const score = scoreOf(current.total);
  const monthAgo = now - MOVEMENT_DAYS * DAY;
  const movement30d = round1(score - scoreOf(evaluate(prepared, at(monthAgo)).total));
  const lostToEvents = score - scoreOf(evaluate(prepared, at(monthAgo, now)).total);

  const risks = [...current.risks];
  if (lostToEvents <= -RISK_FALL_POINTS) risks.push(`the last 30 days took ${Math.round(-lostToEvents)} points off the index`);

  const trend = contactEnds(prepared, now).map((end) => ({ at: end, score: scoreOf(evaluate(prepared, at(end)).total) }));
  trend.push({ at: now, score });

  return {
    customerId: history.customer.id,
    score,
    stage: stageOf(score, risks),
    risks,
    movement30d,
    trend,
    contributions: contributionsOf(current.items),
    computedAt: now,
    provisional: isProvisional(history, now),
  };
}
