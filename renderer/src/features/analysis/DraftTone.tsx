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

interface Props {
  tone: (DraftToneView & { reading: MessageReading | null }) | null;
  /** The draft is being read (or will be, once typing pauses). */
  pending: boolean;
  /** Whether there is a draft at all: "start typing" is said only to an empty one. */
  hasDraft: boolean;
}

/**
 * Beside the composer: how the draft reads to the customer, in the agent's terms (warm, neutral,
 * curt, blaming) and why; the analyzer's reading stays one click away as the evidence it is.
 */
export function DraftTone({ tone, pending, hasDraft }: Props) {
  const look = tone ? TONE_LOOK[tone.tone] : null;
  return (
    // the row beside Send: no word or badge is clipped or runs under Send. Short of room, the reasons
    // give up theirs first (truncated, whole in their tooltip), then the reading goes to a line of its
    // own; the row is never narrower than its widest part (Send then goes under it)
    <Group gap={6} aria-live="polite" data-testid="draft-tone" mih={22} wrap="wrap" style={{ flex: '1 1 16em', rowGap: 2 }}>
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
        !hasDraft && (
          <Text size="xs" c="dimmed">
            start typing
          </Text>
        )
      )}
      {hasDraft && pending && <Loader size={12} aria-label="Reading the draft" />}
    </Group>
  );
}
