import { Group, Progress, Stack, Text } from '@mantine/core';
import { EKMAN_EMOTIONS, type Reading } from '../../../../shared/contract/analysis';
import { EMOTION_LOOK, formatSentiment, percent } from './emotionLook';

/** The whole reading: every emotion's share, the sentiment, and what produced it. */
export function ReadingDetails({ reading, latencyMs }: { reading: Omit<Reading, 'labels'>; latencyMs?: number }) {
  const hasEmotions = Object.keys(reading.emotions).length > 0;
  return (
    <Stack gap={6} miw={240}>
      {hasEmotions ? (
        EKMAN_EMOTIONS.map((emotion) => {
          const value = reading.emotions[emotion] ?? 0;
          return (
            <Group key={emotion} gap={8} wrap="nowrap">
              <Text size="xs" w={62}>
                {EMOTION_LOOK[emotion].label}
              </Text>
              <Progress value={value * 100} color={EMOTION_LOOK[emotion].color} size="sm" style={{ flex: 1 }} aria-label={`${EMOTION_LOOK[emotion].label} ${percent(value)}`} />
              <Text size="xs" w={34} ta="right" c="dimmed">
                {percent(value)}
              </Text>
            </Group>
          );
        })
      ) : (
        <Text size="xs" c="dimmed">
          No emotions: the lexicon analyzer reads sentiment only.
        </Text>
      )}
      <Text size="xs">
        Sentiment <b>{formatSentiment(reading.sentiment)}</b> ({reading.sentimentClass}), on a scale from −1 to +1
      </Text>
      <Text size="xs" c="dimmed">
        {reading.analyzer === 'lexicon' ? 'Lexicon analyzer (no model): ' : 'Model: '}
        {reading.modelId}
        {reading.words ? ` · ${reading.words} word${reading.words === 1 ? '' : 's'} read` : ' · no words to read'}
        {reading.windows > 1 ? ` in ${reading.windows} windows` : ''}
        {reading.truncated ? ' · long text: only the first part was read' : ''}
        {latencyMs !== undefined ? ` · ${Math.round(latencyMs)} ms` : ''}
      </Text>
    </Stack>
  );
}
