import { Group, RingProgress, Text, Tooltip } from '@mantine/core';
import { megabytes } from './lexiconLimits';
import { useAnalysisStatus, useProgress } from './useAnalysisStatus';

/** In the header while the backlog is being read: how far it has got. Gone when it is done. */
export function BacklogIndicator() {
  // while a backlog runs, the status is asked for again each second too: progress events sent
  // before this component was listening are never lost that way
  const status = useAnalysisStatus({
    refetchInterval: (query) => {
      const known = query.state.data?.backlog;
      return known && known.total > 0 && known.done < known.total ? 1000 : false;
    },
  });
  const progress = useProgress('analysis.backlog');
  const fromStatus = status.data?.backlog ?? null;
  // the fresher of the two
  const backlog = progress && (!fromStatus || progress.done >= fromStatus.done) ? progress : fromStatus;
  const lexicon = status.data?.analyzer === 'lexicon';
  const offered = (status.data?.downloads ?? []).filter((offer) => offer.state !== 'installed').reduce((sum, offer) => sum + offer.bytes, 0);
  if (!backlog || backlog.total === 0 || backlog.done >= backlog.total) {
    return lexicon ? (
      <Tooltip
        label={`No model: ${status.data?.fallbackReason ?? 'none is available'}. Sentiment only, from an English word list: no emotions, no sarcasm, no other languages. Settings → Analysis offers the models${offered > 0 ? ` (${megabytes(offered)})` : ''}.`}
        multiline
        w={340}
      >
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
