import { TRACK_MAX_POINTS, type ConversationTrack, type TrackPoint } from '../../../shared/contract/domain';
import type { AnalysesRepository } from '../store/kysely/analyses';

type TrackReading = Awaited<ReturnType<AnalysesRepository['trackOfConversation']>>[number];

/**
 * The emotion track of a conversation from its customer readings: at most `max` evenly spaced
 * points (the first and last always kept), so a thread of thousands draws as fast as one of twenty.
 */
export function sampleTrack(readings: readonly TrackReading[], max = TRACK_MAX_POINTS): ConversationTrack {
  const step = Math.max(1, Math.ceil(readings.length / max));
  const points: TrackPoint[] = [];
  readings.forEach((reading, index) => {
    if (index % step !== 0 && index !== readings.length - 1) return;
    points.push({ messageId: reading.messageId, index: index + 1, sentAt: reading.sentAt, sentiment: reading.sentiment, emotion: reading.emotion, sentimentClass: reading.sentimentClass });
  });
  return { points, total: readings.length, lexicon: readings.some((reading) => reading.analyzer === 'lexicon') };
}
