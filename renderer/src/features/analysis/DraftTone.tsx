import { Group, Loader, Text } from '@mantine/core';
import type { MessageReading } from '../../../../shared/contract/analysis';
import { ReadingBadge } from './ReadingBadge';

/** Beside the composer: how the draft reads right now. */
export function DraftTone({ reading, pending }: { reading: MessageReading | null; pending: boolean }) {
  return (
    <Group gap={6} aria-live="polite" data-testid="draft-tone" mih={22}>
      <Text size="xs" c="dimmed">
        Tone of your draft:
      </Text>
      {reading ? <ReadingBadge reading={reading} /> : <Text size="xs" c="dimmed">{pending ? '' : 'start typing'}</Text>}
      {pending && <Loader size={12} aria-label="Reading the draft" />}
    </Group>
  );
}
