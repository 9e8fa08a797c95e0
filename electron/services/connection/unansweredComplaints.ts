import {
  DAY,
  IGNORED_POINTS_PER_DAY,
  RISK_WINDOW_DAYS,
  UNANSWERED_MAX_POINTS,
  UNANSWERED_POINTS_PER_DAY,
} from './connectionWeights';
import { day, weightAt, type ConnectionMoment, type PartResult } from './connectionContext';
import type { PreparedHistory } from './preparedHistory';

/**
 * Negative experiences left without an answer. A complaint — a customer message at or below −0.3 — after which
 * the customer got no agent message (in that conversation or a later one) and no follow-up was set
 * for them for more than a working day. Further negative messages before the answer belong to the
 * same complaint. It takes away 2 points per calendar day it waited (up to 30), weighed as of the
 * answer (or now, while it still waits); one still waiting from the last 60 days makes the
 * customer at-risk. Any other customer message that is not happy, in a conversation still open,
 * counts the same way after three working days at 1 point per day (up to 15): being ignored is a
 * negative experience whatever the words.
 */
interface Waiting {
  at: number;
  graceEndsAt: number;
  conversationId: number;
  isComplaint: boolean;
}

export function unansweredComplaints(prepared: PreparedHistory, moment: ConnectionMoment): PartResult {
  const result: PartResult = { items: [], risks: [] };
  const followUps = prepared.followUpsSetAt;
  let nextFollowUp = 0;
  let complaint: Waiting | null = null;

  const settle = (answeredAt: number | null) => {
    if (complaint === null) return;
    const waitedUntil = answeredAt ?? moment.cutoff;
    if (waitedUntil > complaint.graceEndsAt) {
      const days = Math.max(1, Math.floor((waitedUntil - complaint.at) / DAY));
      const waited = `${days} day${days === 1 ? '' : 's'}`;
      const what = complaint.isComplaint ? 'complaint' : 'message';
      const points = complaint.isComplaint
        ? Math.min(UNANSWERED_MAX_POINTS, UNANSWERED_POINTS_PER_DAY * days)
        : Math.min(UNANSWERED_MAX_POINTS / 2, IGNORED_POINTS_PER_DAY * days);
      result.items.push({
        kind: 'unanswered',
        points: -points * weightAt(moment, waitedUntil),
        label: moment.labels ? `${what} on ${day(moment, complaint.at)} unanswered for ${waited}` : '',
        at: complaint.at,
        conversationId: complaint.conversationId,
      });
      if (answeredAt === null && complaint.at >= moment.cutoff - RISK_WINDOW_DAYS * DAY) {
        result.risks.push(moment.labels ? `${what} on ${day(moment, complaint.at)} still unanswered after ${waited}` : 'unanswered');
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
    else if (message.graceEndsAt !== null) {
      if (complaint === null) {
        complaint = { at: message.sentAt, graceEndsAt: message.graceEndsAt, conversationId: message.conversationId, isComplaint: message.complaint };
      } else {
        // a waiting message turned into a complaint: it is one now, with a complaint's shorter grace
        const waiting: Waiting = complaint;
        if (message.complaint && !waiting.isComplaint) complaint = { ...waiting, graceEndsAt: Math.min(waiting.graceEndsAt, message.graceEndsAt), isComplaint: true };
      }
    }
  }
  followUpsUntil(moment.cutoff);
  settle(null);
  return result;
}
