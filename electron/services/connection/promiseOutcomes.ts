import { lateBy } from '../../../shared/lateBy';
import type { FollowUp } from '../../../shared/contract/domain';
import {
  DAY,
  PROMISE_BROKEN_MAX_POINTS,
  PROMISE_BROKEN_POINTS,
  PROMISE_KEPT_POINTS,
  PROMISE_LATE_POINTS_PER_DAY,
  RISK_WINDOW_DAYS,
} from './connectionWeights';
import { day, quoted, weightAt, type ConnectionMoment, type PartResult } from './connectionContext';

/**
 * Promises kept or broken, from the follow-ups as they stood at the moment: done by the due time
 * is kept (+4, weighed as of when it was done); done late, or still open past due, is broken
 * (−6, −1 more per started day late, down to −16, weighed as of when it was done, or now while it
 * stays open). Cancelled follow-ups and those not yet due count for nothing. A broken promise due
 * in the last 60 days, or one still overdue, makes the customer at-risk.
 */
export function promiseOutcomes(followUps: readonly FollowUp[], moment: ConnectionMoment): PartResult {
  const result: PartResult = { items: [], risks: [] };
  for (const followUp of followUps) {
    if (followUp.createdAt > moment.cutoff) continue;
    const closedAt = followUp.status === 'open' ? null : (followUp.closedAt ?? followUp.dueAt);
    const closedBy = closedAt !== null && closedAt <= moment.cutoff ? closedAt : null;
    if (closedBy !== null && followUp.status === 'cancelled') continue;
    const what = moment.labels ? quoted(followUp.description) : '';
    const due = day(moment, followUp.dueAt);

    if (closedBy !== null && closedBy <= followUp.dueAt) {
      result.items.push({
        kind: 'promise-kept',
        points: PROMISE_KEPT_POINTS * weightAt(moment, closedBy),
        label: moment.labels ? `promise kept: ${what} (due ${due}, done ${day(moment, closedBy)})` : '',
        at: closedBy,
        conversationId: followUp.conversationId,
      });
      continue;
    }
    const until = closedBy ?? moment.cutoff;
    if (until <= followUp.dueAt) continue; // open and not yet due
    const daysLate = Math.max(1, Math.ceil((until - followUp.dueAt) / DAY));
    const points = Math.min(PROMISE_BROKEN_MAX_POINTS, PROMISE_BROKEN_POINTS + PROMISE_LATE_POINTS_PER_DAY * daysLate);
    // points count started days; the words say whole units, as the follow-up list does
    const late = lateBy(until - followUp.dueAt);
    const label = !moment.labels ? '' : closedBy !== null ? `promise broken: ${what} due ${due}, done ${late} late` : `promise broken: ${what} due ${due}, overdue by ${late}`;
    result.items.push({ kind: 'promise-broken', points: -points * weightAt(moment, until), label, at: followUp.dueAt, conversationId: followUp.conversationId });
    if (closedBy === null) result.risks.push(moment.labels ? `promise ${what} overdue by ${late} (due ${due})` : 'overdue');
    else if (followUp.dueAt >= moment.cutoff - RISK_WINDOW_DAYS * DAY) result.risks.push(moment.labels ? `promise ${what} was kept ${late} late (due ${due})` : 'broken');
  }
  return result;
}
