import { LineChart } from '@mantine/charts';
import { Group, Text } from '@mantine/core';
import type { ConversationTrack } from '../../../../shared/contract/domain';
import { ChartTooltip } from '../../lib/ChartTooltip';
import { fullTime } from '../../lib/time';
import { EMOTION_LOOK, formatSentiment } from './emotionLook';

/**
 * How the customer's feeling moved through the conversation: the sentiment of each message they
 * wrote, in order, with its dominant emotion on hover. The host sends at most TRACK_MAX_POINTS
 * evenly spaced points, so a long thread draws as fast as a short one.
 */
export function EmotionTrack({ track }: { track: ConversationTrack }) {
  const points = track.points.map((point) => ({
    index: point.index,
    sentiment: Math.round(point.sentiment * 100) / 100,
    emotion: point.emotion ? EMOTION_LOOK[point.emotion].label : point.sentimentClass,
    sentAt: point.sentAt,
  }));
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
      <LineChart
        h={72}
        data={points}
        dataKey="index"
        series={[{ name: 'sentiment', color: 'teal.6', label: 'Sentiment' }]}
        yAxisProps={{ domain: [-1, 1], width: 28, ticks: [-1, 0, 1] }}
        xAxisProps={{ hide: true }}
        referenceLines={[{ y: 0, color: 'gray.4' }]}
        gridAxis="none"
        withDots={points.length <= 60}
        curveType="monotone"
        tooltipProps={{
          content: ({ payload }) => {
            const point = payload?.[0]?.payload as (typeof points)[number] | undefined;
            return point ? <ChartTooltip lines={[fullTime(point.sentAt), `${point.emotion} · ${formatSentiment(point.sentiment)}`]} /> : null;
          },
        }}
      />
    </div>
  );
}
