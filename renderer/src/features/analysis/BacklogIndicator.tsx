import { Group, RingProgress, Text, Tooltip } from '@mantine/core';
import { useAnalysisStatus, useProgress } from './useAnalysisStatus';

/** In the header while the backlog is being read: how far it has got. Gone when it is done. */
export function BacklogIndicator() {
  const status = useAnalysisStatus();
  const progress = useProgress('analysis.backlog');
  const backlog = progress ?? status.data?.backlog ?? null;
  const lexicon = status.data?.analyzer === 'lexicon';
  if (!backlog || backlog.total === 0 || backlog.done >= backlog.total) {
    return lexicon ? (
      <Tooltip label={status.data?.fallbackReason ?? 'No model is available'} multiline w={320}>
        <Text size="xs" c="orange.8" fw={600}>
          Lexicon analyzer: sentiment only
        </Text>
      </Tooltip>
    ) : null;
  }
  const share = (backlog.done / backlog.total) * 100;
  return (
    <Group gap={6} role="status" aria-label="Reading the backlog">
      <RingProgress size={28} thickness={4} sections={[{ value: share, color: 'teal' }]} />
      <Text size="xs" c="dimmed">
        Reading the backlog: {backlog.done.toLocaleString()} of {backlog.total.toLocaleString()}
      </Text>
    </Group>
  );
}
