import {
  DAY,
  RISK_WINDOW_DAYS,
  UNANSWERED_MAX_POINTS,
  UNANSWERED_POINTS_PER_DAY,
} from './connectionWeights';
import { day, weightAt, type ConnectionMoment, type PartResult } from './connectionContext';
import type { PreparedHistory } from './preparedHistory';

/**
 * Negative experiences left without an answer: a customer message at or below −0.3 after which
 * the customer got no agent message (in that conversation or a later one) and no follow-up was set
 * for them for more than a working day. Further negative messages before the answer belong to the
 * same complaint. It takes away 2 points per calendar day it waited (up to 30), weighed as of the
 * answer (or now, while it still waits); one still waiting from the last 60 days makes the
 * customer at-risk.
 */
export function unansweredComplaints(prepared: PreparedHistory, moment: ConnectionMoment): PartResult {
  const result: PartResult = { items: [], risks: [] };
  const followUps = prepared.followUpsSetAt;
  let nextFollowUp = 0;
  let complaint: { at: number; graceEndsAt: number; conversationId: number } | null = null;

  const settle = (answeredAt: number | null) => {
    if (complaint === null) return;
    const waitedUntil = answeredAt ?? moment.cutoff;
    if (waitedUntil > complaint.graceEndsAt) {
      const days = Math.max(1, Math.floor((waitedUntil - complaint.at) / DAY));
      const waited = `${days} day${days === 1 ? '' : 's'}`;
      result.items.push({
        kind: 'unanswered',
        points: -Math.min(UNANSWERED_MAX_POINTS, UNANSWERED_POINTS_PER_DAY * days) * weightAt(moment, waitedUntil),
        label: moment.labels ? `complaint on ${day(moment, complaint.at)} unanswered for ${waited}` : '',
        at: complaint.at,
        conversationId: complaint.conversationId,
      });
      if (answeredAt === null && complaint.at >= moment.cutoff - RISK_WINDOW_DAYS * DAY) {
        result.risks.push(moment.labels ? `complaint on ${day(moment, complaint.at)} still unanswered after ${waited}` : 'unanswered');
      }
    }
    complaint = null;
  };

  const followUpsUntil = (until: number) => {
    while (nextFollowUp < followUps.length && followUps[nextFollowUp]! <= until) {
      const setAt = followUps[nextFollowUp]!;
      if (complaint !== null && setAt >= complaint.at) settle(setAt);
      nextFollowUp += 1;
    }
  };

  for (const message of prepared.timeline) {
    if (message.sentAt > moment.cutoff) break;
    followUpsUntil(message.sentAt);
    if (message.author === 'agent') settle(message.sentAt);
    else if (complaint === null && message.graceEndsAt !== null) {
      complaint = { at: message.sentAt, graceEndsAt: message.graceEndsAt, conversationId: message.conversationId };
    }
  }
  followUpsUntil(moment.cutoff);
  settle(null);
  return result;
}
