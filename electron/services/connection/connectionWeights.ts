import { MOOD_THRESHOLD } from '../../../shared/contract/domain';

/** The numbers of the connection formula (see connectionFormula.ts for how they combine). */

export const DAY = 86_400_000;

/** Where every customer starts. */
export const BASE_SCORE = 20;
/** Recency: a contribution's points halve for every 90 days it lies before the moment computed. */
export const HALF_LIFE_DAYS = 90;

/**
 * Familiarity: what the customer's contacts add together, FAMILIARITY_POINTS × (1 − ½^(C / FAMILIARITY_HALF_CONTACTS)),
 * where C counts the contacts each weighed ½^(age / FAMILIARITY_HALF_LIFE_DAYS). It saturates (the
 * tenth chat in a month is not worth the first), and fades slowly: knowing someone outlasts a season.
 */
export const FAMILIARITY_POINTS = 35;
export const FAMILIARITY_HALF_CONTACTS = 2;
export const FAMILIARITY_HALF_LIFE_DAYS = 365;
/**
 * Feeling: FEELING_POINTS × the recency-weighted MEAN of the conversations' signals (how each ended,
 * plus its turnaround; weights halve every 90 days), believed in proportion R / (R + FEELING_PRIOR),
 * R the conversations read, each weighed as familiarity weighs a contact. A mean, not a sum: a year
 * of warm contacts reads as warm however old most of them are; one conversation is a first impression.
 */
export const FEELING_POINTS = 45;
export const FEELING_PRIOR = 1.5;
/**
 * A signal this far from neutral is clear, and counts in full (signal / CLEAR_SIGNAL within ±1).
 * Twice the mood threshold (±0.25, where the console starts calling a message happy or upset): any
 * analyzer's reading is evidence with hedged confidence, and a model that reads a delighted message
 * as +0.5 means it as much as one that reads it as +0.9.
 */
export const CLEAR_SIGNAL = 2 * MOOD_THRESHOLD;
/** A conversation that climbed back from a bad start adds this share of the ground recovered (clear) on top of its ending. */
export const TURNAROUND_SHARE = 0.5;
/** A customer message at or below this sentiment is a complaint. */
export const COMPLAINT_SENTIMENT = -0.3;
/** A complaint is unanswered when neither an agent reply nor a follow-up came within this many working days. */
export const COMPLAINT_GRACE_WORKING_DAYS = 1;
/** Any other message that is not a happy one, in a conversation still open, waits this many working days for an answer… */
export const UNANSWERED_GRACE_WORKING_DAYS = 3;
/** …and then costs this many points per day it waited (half a complaint's), up to UNANSWERED_MAX_POINTS / 2. */
export const IGNORED_POINTS_PER_DAY = 1;
/** A customer message at or above this sentiment ("thanks, that's great") needs no answer. */
export const HAPPY_SENTIMENT = 0.25;
/** Points per calendar day a complaint waited, taken away … */
export const UNANSWERED_POINTS_PER_DAY = 2;
/** … up to this many. */
export const UNANSWERED_MAX_POINTS = 30;
/** A follow-up done by its due time. */
export const PROMISE_KEPT_POINTS = 4;
/** A follow-up done late or still open past due: this many taken away, plus … */
export const PROMISE_BROKEN_POINTS = 6;
/** … one more per (started) day late, … */
export const PROMISE_LATE_POINTS_PER_DAY = 1;
/** … up to this many in all. */
export const PROMISE_BROKEN_MAX_POINTS = 16;
/** × the change in monthly mean customer sentiment across the last 12 months (fitted line, first to last month with contact). */
export const TREND_POINTS = 10;
export const TREND_MAX_POINTS = 8;
export const TREND_MONTHS = 12;
/** An agent message in a conversation that addresses the customer by first name (once per conversation). */
export const NAME_TOUCH_POINTS = 1.5;
/** An agent message that refers back to an earlier contact (once per conversation). */
export const REMEMBERED_TOUCH_POINTS = 2.5;

/** Stage thresholds: stranger < 25 ≤ acquaintance < 50 ≤ friend < 75 ≤ kin. */
export const ACQUAINTANCE_FROM = 25;
export const FRIEND_FROM = 50;
export const KIN_FROM = 75;
/** A complaint or a late/overdue promise this recent makes the customer at-risk. */
export const RISK_WINDOW_DAYS = 60;
/** What the last 30 days took away that makes the customer at-risk. */
export const RISK_FALL_POINTS = 10;
export const MOVEMENT_DAYS = 30;
/** Contacts shown on the trend (plus now). */
export const TREND_POINTS_SHOWN = 24;

/** The recency weight of something that happened at `at`, seen from `anchor`: ½^(age / 90 days) (or the half-life given), 1 for anything not older. */
export function recencyWeight(at: number, anchor: number, halfLifeDays = HALF_LIFE_DAYS): number {
  const ageDays = Math.max(0, anchor - at) / DAY;
  return 0.5 ** (ageDays / halfLifeDays);
}
