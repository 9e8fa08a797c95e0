import { LineChart } from '@mantine/charts';
import { Group, Text } from '@mantine/core';
import type { Message } from '../../../../shared/contract/domain';
import { fullTime } from '../../lib/time';
import { EMOTION_LOOK, formatSentiment } from './emotionLook';

const MAX_POINTS = 200;

/**
 * How the customer's feeling moved through the conversation: the sentiment of each message they
 * wrote, in order, with its dominant emotion on hover.
 */
export function EmotionTrack({ messages }: { messages: Message[] }) {
  const read = messages.filter((message) => message.author === 'customer' && message.reading && message.reading.words > 0);
  // a long conversation is drawn from at most MAX_POINTS evenly spaced messages (first and last kept)
  const step = Math.max(1, Math.ceil(read.length / MAX_POINTS));
  const sampled = read.filter((_, index) => index % step === 0 || index === read.length - 1);
  const points = sampled.map((message) => ({
    index: read.indexOf(message) + 1,
    sentiment: Math.round(message.reading!.sentiment * 100) / 100,
    emotion: message.reading!.dominant ? EMOTION_LOOK[message.reading!.dominant.emotion].label : message.reading!.sentimentClass,
    sentAt: message.sentAt,
  }));
  if (points.length < 2) return null;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const lexicon = messages.some((message) => message.reading?.analyzer === 'lexicon');
  return (
    <div aria-label="Customer emotion track" role="figure">
      <Group justify="space-between" mb={2}>
        <Text size="xs" c="dimmed">
          Customer’s feeling across {read.length} messages: {formatSentiment(first.sentiment)} ({first.emotion.toLowerCase()}) → {formatSentiment(last.sentiment)} ({last.emotion.toLowerCase()})
          {lexicon ? ' · lexicon analyzer' : ''}
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
            return point ? (
              <div style={{ background: 'var(--mantine-color-body)', border: '1px solid var(--mantine-color-gray-3)', padding: 6, borderRadius: 4 }}>
                <Text size="xs">{fullTime(point.sentAt)}</Text>
                <Text size="xs">
                  {point.emotion} · {formatSentiment(point.sentiment)}
                </Text>
              </div>
            ) : null;
          },
        }}
      />
    </div>
  );
}
