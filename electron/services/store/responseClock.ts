import type { Channel, ConversationStatus } from '../../../shared/contract/domain';
import { CHANNELS } from '../../../shared/contract/domain';
import type { ResponseClock, ResponseTargets } from '../../../shared/contract/triage';

/**
 * Where a conversation stands against its channel's response-time target — the one place this is
 * decided, for the summaries (in TypeScript) and for the queue's sort and "breached" filter (as SQL
 * built from the same rules):
 *
 * - the clock runs only while the conversation is open work (open or pending) and the customer has
 *   an unanswered message; a snoozed or resolved conversation has none;
 * - it starts at the customer's oldest unanswered message (`waiting_since`, which only an agent's
 *   reply ends — an internal note is not a reply);
 * - it is a first response while no agent has replied before that message, a next response after;
 * - a channel with no target for that kind has no clock.
 */
export interface ClockFacts {
  channel: Channel;
  status: ConversationStatus;
  /** The customer's oldest unanswered message; null when answered. */
  waitingSince: number | null;
  /** The conversation's first agent reply; null when there has been none. */
  firstReplyAt: number | null;
}

/** Where the workspace keeps its response-time targets (supervisors change them). */
export const RESPONSE_TARGETS_SETTING = 'triage.responseTargets';

const MINUTE = 60_000;

export function responseClock(facts: ClockFacts, targets: ResponseTargets): ResponseClock | null {
  if (facts.status !== 'open' && facts.status !== 'pending') return null;
  if (facts.waitingSince === null) return null;
  const kind = facts.firstReplyAt === null || facts.firstReplyAt > facts.waitingSince ? 'first' : 'next';
  const minutes = kind === 'first' ? targets[facts.channel].firstMinutes : targets[facts.channel].nextMinutes;
  if (minutes === null) return null;
  return { kind, since: facts.waitingSince, dueAt: facts.waitingSince + minutes * MINUTE, targetMinutes: minutes };
}

/** Time left at `now` (negative once breached). */
export function timeLeft(clock: ResponseClock, now: number): { leftMs: number; breached: boolean } {
  const leftMs = clock.dueAt - now;
  return { leftMs, breached: leftMs < 0 };
}

/**
 * The same rule as `responseClock`'s dueAt, as an SQL expression over the conversations table
 * aliased `c` (NULL where no clock runs). Targets are validated whole numbers, written in as literals.
 */
export function responseDueSql(targets: ResponseTargets): string {
  const minutes = (value: number | null) => (value === null ? 'NULL' : String(Math.trunc(value)));
  const byChannel = (pick: 'firstMinutes' | 'nextMinutes') =>
    `CASE c.channel ${CHANNELS.map((channel) => `WHEN '${channel}' THEN ${minutes(targets[channel][pick])}`).join(' ')} END`;
  return `(CASE WHEN c.status IN ('open', 'pending') AND c.waiting_since IS NOT NULL THEN c.waiting_since + ${MINUTE} * (CASE WHEN c.first_reply_at IS NULL OR c.first_reply_at > c.waiting_since THEN ${byChannel('firstMinutes')} ELSE ${byChannel('nextMinutes')} END) END)`;
}
