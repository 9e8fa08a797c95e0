import { Group, Text } from '@mantine/core';
import type { ConversationTrack } from '../../../../shared/contract/domain';
import { TrendChart } from '../../lib/TrendChart';
import { fullTime } from '../../lib/time';
import { EMOTION_LOOK, formatSentiment } from './emotionLook';

/**
 * How the customer's feeling moved through the conversation: the sentiment of each message they
 * wrote, in order, with its dominant emotion on hover. The host sends at most TRACK_MAX_POINTS
 * evenly spaced points, so a long thread draws as fast as a short one.
 */
export function EmotionTrack({ track }: { track: ConversationTrack }) {
  const points = track.points.map((point) => {
    const sentiment = Math.round(point.sentiment * 100) / 100;
    const emotion = point.emotion ? EMOTION_LOOK[point.emotion].label : point.sentimentClass;
    return { sentiment, emotion, value: sentiment, lines: [fullTime(point.sentAt), `${emotion} · ${formatSentiment(sentiment)}`] };
  });
  if (points.length < 2) return null;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return (
    <div aria-label="Customer emotion track" role="figure">
      <Group justify="space-between" mb={2}>
        <Text size="xs" c="dimmed">
          Customer’s feeling across {track.total} messages: {formatSentiment(first.sentiment)} ({first.emotion.toLowerCase()}) → {formatSentiment(last.sentiment)} ({last.emotion.toLowerCase()})
          {track.lexicon ? ' · lexicon analyzer' : ''}
        </Text>
      </Group>
      <TrendChart
        height={72}
        points={points}
        domain={[-1, 1]}
        ticks={[-1, 0, 1]}
        referenceLines={[{ y: 0, color: 'gray.4' }]}
        withDots={points.length <= 60}
        color="teal.6"
        label="The customer’s feeling, message by message"
      />
    </div>
  );
}
