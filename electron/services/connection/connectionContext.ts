import type { ContributionKind } from '../../../shared/contract/connection';
import { MOOD_THRESHOLD, type Channel } from '../../../shared/contract/domain';
import { dayLabel } from '../common/wallClock';
import { recencyWeight } from './connectionWeights';

/**
 * The moment the formula is computed for, and the words its labels use. Everything after
 * `cutoff` is ignored; weights are seen from `anchor` (the same moment, except when asking what
 * the last 30 days did: the history as it stood 30 days ago, weighed as of now).
 */
export interface ConnectionMoment {
  cutoff: number;
  anchor: number;
  timeZone: string;
  /** "Now" for labels: dates in its year are written without the year. */
  today: number;
  /** False when only the score is wanted (trend points): labels are left empty. */
  labels: boolean;
}

/** One item before rounding: points already weighted. */
export interface RawContribution {
  kind: ContributionKind;
  points: number;
  label: string;
  at: number;
  conversationId: number | null;
}

/** Items and the reasons for being at-risk that one part of the formula found. */
export interface PartResult {
  items: RawContribution[];
  risks: string[];
}

export const weightAt = (moment: ConnectionMoment, at: number) => recencyWeight(at, moment.anchor);

export const day = (moment: ConnectionMoment, at: number) => (moment.labels ? dayLabel(at, moment.today, moment.timeZone) : '');

const CHANNEL_NOUN: Record<Channel, string> = { chat: 'chat', email: 'email', voice: 'call' };

/** "email on 3 March" */
export function contactWords(moment: ConnectionMoment, channel: Channel, at: number): string {
  return moment.labels ? `${CHANNEL_NOUN[channel]} on ${day(moment, at)}` : '';
}

/** upset / neutral / happy, as the queue's mood uses them. */
export function moodWord(sentiment: number): 'upset' | 'neutral' | 'happy' {
  return sentiment <= -MOOD_THRESHOLD ? 'upset' : sentiment >= MOOD_THRESHOLD ? 'happy' : 'neutral';
}

/** “Call back”, shortened to 50 characters. */
export function quoted(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > 50 ? `${flat.slice(0, 49).trimEnd()}…` : flat}”`;
}
