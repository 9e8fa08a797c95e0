/**
 * The emotional-connection index: a 0–100 figure per customer, a stage, and the contributions
 * that explain it. The formula lives in electron/services/connection/ and in the README.
 */

export const CONNECTION_STAGES = ['stranger', 'acquaintance', 'friend', 'kin', 'at-risk'] as const;
export type ConnectionStage = (typeof CONNECTION_STAGES)[number];

export const CONTRIBUTION_KINDS = [
  'contact',
  'turnaround',
  'ending',
  'unanswered',
  'promise-kept',
  'promise-broken',
  'feeling-trend',
  'personal-touch',
] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

/** One thing that moved the index, with its weight today (recent contacts weigh more). */
export interface ConnectionContribution {
  kind: ContributionKind;
  /** Points it adds or takes away now, after the recency weight (rounded to one decimal). */
  points: number;
  /** Plain words: "complaint on 3 March unanswered for 6 days". */
  label: string;
  /** When it happened. */
  at: number;
  conversationId: number | null;
}

export interface ConnectionIndex {
  customerId: number;
  /** 0–100. */
  score: number;
  stage: ConnectionStage;
  /** Why the customer is at risk, in plain words; empty when they are not. */
  risks: string[];
  /** Change in score over the last 30 days. */
  movement30d: number;
  /** The score over time (one point per month with contact, and now). */
  trend: { at: number; score: number }[];
  /** Everything that moved it, largest effect first. */
  contributions: ConnectionContribution[];
  computedAt: number;
  /**
   * Computed before any of the customer's messages was read for feeling (the readings are still
   * coming in): the figure will move once they are, and the screen says so.
   */
  provisional: boolean;
}

/** A row of the Customers page. */
export interface CustomerConnectionRow {
  customerId: number;
  displayName: string;
  score: number;
  stage: ConnectionStage;
  movement30d: number;
  risks: string[];
  lastContactAt: number | null;
  contacts: number;
  overdueFollowUps: number;
}
