import { monthLabel, monthNumber } from '../common/wallClock';
import { TREND_MAX_POINTS, TREND_MONTHS, TREND_POINTS } from './connectionWeights';
import { moodWord, weightAt, type ConnectionMoment, type RawContribution } from './connectionContext';
import type { PreparedConversation } from './preparedHistory';

/**
 * How feeling moves across months: the mean sentiment of the customer's messages in each calendar
 * month with any, over the last 12 months; a least-squares line through those monthly means; the
 * change it shows from the first to the last of those months × 10, within ±8, weighed as of the
 * last message read. Needs two months or more.
 */
export function feelingTrend(conversations: readonly PreparedConversation[], moment: ConnectionMoment): RawContribution | null {
  const lastMonth = monthNumber(moment.cutoff, moment.timeZone);
  const firstMonth = lastMonth - (TREND_MONTHS - 1);
  const sums = new Map<number, { total: number; count: number }>();
  let lastReadAt = 0;
  for (const conversation of conversations) {
    if (conversation.firstContactAt > moment.cutoff) continue;
    for (const message of conversation.messages) {
      if (message.sentAt > moment.cutoff) break;
      if (message.sentiment === null || message.month < firstMonth) continue;
      const sum = sums.get(message.month) ?? { total: 0, count: 0 };
      sum.total += message.sentiment;
      sum.count += 1;
      sums.set(message.month, sum);
      lastReadAt = Math.max(lastReadAt, message.sentAt);
    }
  }
  if (sums.size < 2) return null;
  const points = [...sums.entries()].map(([month, sum]) => ({ x: month, y: sum.total / sum.count })).sort((a, b) => a.x - b.x);
  const meanX = points.reduce((a, p) => a + p.x, 0) / points.length;
  const meanY = points.reduce((a, p) => a + p.y, 0) / points.length;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - meanX) * (p.y - meanY);
    sxx += (p.x - meanX) ** 2;
  }
  const slope = sxy / sxx;
  const from = points[0]!.x;
  const to = points[points.length - 1]!.x;
  const change = slope * (to - from);
  const raw = Math.max(-TREND_MAX_POINTS, Math.min(TREND_MAX_POINTS, TREND_POINTS * change));
  if (raw === 0) return null;
  const fittedFrom = meanY + slope * (from - meanX);
  const fittedTo = meanY + slope * (to - meanX);
  const label = moment.labels ? trendWords(change, fittedFrom, fittedTo, `${monthLabel(from, moment.today, moment.timeZone)} and ${monthLabel(to, moment.today, moment.timeZone)}`) : '';
  return { kind: 'feeling-trend', points: raw * weightAt(moment, lastReadAt), label, at: lastReadAt, conversationId: null };
}

/**
 * The trend in words that never contradict themselves: "rose"/"fell" only with the moods either
 * side when the mood changed ("upset → happy"); within one mood it "warmed" or "cooled", and says
 * which mood it stayed ("feeling cooled between May and November, still happy").
 */
export function trendWords(change: number, from: number, to: number, between: string): string {
  const before = moodWord(from);
  const after = moodWord(to);
  if (before === after) return `feeling ${change > 0 ? 'warmed' : 'cooled'} between ${between}, still ${after}`;
  return `feeling ${change > 0 ? 'rose' : 'fell'} between ${between} (${before} → ${after})`;
}
