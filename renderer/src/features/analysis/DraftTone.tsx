import { Badge, Group, Loader, Text } from '@mantine/core';
import type { MessageReading } from '../../../../shared/contract/analysis';
import type { DraftToneKind, DraftToneView } from '../../../../shared/contract/coach';
import { ReadingBadge } from './ReadingBadge';

const TONE_LOOK: Record<DraftToneKind, { label: string; color: string }> = {
  warm: { label: 'Warm', color: 'teal' },
  neutral: { label: 'Neutral', color: 'gray' },
  curt: { label: 'Curt', color: 'orange' },
  blaming: { label: 'Blaming', color: 'red' },
};

/**
 * Beside the composer: how the draft reads to the customer, in the agent's terms (warm, neutral,
 * curt, blaming) and why; the analyzer's reading stays one click away as the evidence it is.
 */
export function DraftTone({ tone, pending }: { tone: (DraftToneView & { reading: MessageReading | null }) | null; pending: boolean }) {
  const look = tone ? TONE_LOOK[tone.tone] : null;
  return (
    // the row beside Send: the words and badges never wrap or clip; only the reasons give up room (truncated, whole in their tooltip)
    <Group gap={6} aria-live="polite" data-testid="draft-tone" mih={22} wrap="nowrap" style={{ flex: '1 1 16em', minWidth: 0 }}>
      <Text size="xs" c="dimmed" style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
        Tone of your draft:
      </Text>
      {tone && look ? (
        <>
          <Badge size="sm" variant="light" color={look.color} style={{ textTransform: 'none', flexShrink: 0, overflow: 'visible' }} data-testid="draft-tone-label">
            {look.label}
          </Badge>
          {tone.because.length > 0 && (
            <Text size="xs" c="dimmed" truncate="end" maw={360} title={tone.because.join(' · ')} style={{ flex: '0 1 auto', minWidth: 0 }}>
              {tone.because.join(' · ')}
            </Text>
          )}
          {tone.reading && (
            <span style={{ flexShrink: 0 }}>
              <ReadingBadge reading={tone.reading} />
            </span>
          )}
        </>
      ) : (
        <Text size="xs" c="dimmed">
          {pending ? '' : 'start typing'}
        </Text>
      )}
      {pending && <Loader size={12} aria-label="Reading the draft" />}
    </Group>
  );
}
