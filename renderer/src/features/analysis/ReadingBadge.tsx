import { Badge, Popover, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { memo, useEffect, useRef, useState, type Ref } from 'react';
import type { MessageReading } from '../../../../shared/contract/analysis';
import { EMOTION_LOOK, formatSentiment, percent, SENTIMENT_LOOK } from './emotionLook';
import { ReadingDetails } from './ReadingDetails';

interface Props {
  reading: MessageReading;
}

/** How the badge was first reached: the popover then opens at once, and keyboard focus stays on it. */
type Reached = 'pointer' | 'focus' | 'click';

function badgeLabel(reading: MessageReading): string {
  const emotion = reading.dominant ? EMOTION_LOOK[reading.dominant.emotion] : null;
  if (reading.words === 0) return 'nothing to read';
  return emotion
    ? `${emotion.label} ${percent(reading.dominant!.score)} · ${formatSentiment(reading.sentiment)}`
    : `${SENTIMENT_LOOK[reading.sentimentClass].label} ${formatSentiment(reading.sentiment)} · lexicon`;
}

/**
 * A message's reading at a glance — its dominant emotion with confidence and its sentiment — and,
 * on hover or keyboard focus, the full distribution and the analyzer that produced it. A thread
 * shows one per message: the popover (and its positioning) is only set up once the badge is first
 * hovered, focused or clicked, so drawing a thread costs a badge per message, not a popover.
 */
export const ReadingBadge = memo(function ReadingBadge({ reading }: Props) {
  const [reached, setReached] = useState<Reached | null>(null);
  if (reached) return <ReadingPopover reading={reading} reached={reached} />;
  return <ReadingButton reading={reading} opened={false} onMouseEnter={() => setReached('pointer')} onFocus={() => setReached('focus')} onClick={() => setReached('click')} />;
});

interface ButtonProps {
  reading: MessageReading;
  opened: boolean;
  onMouseEnter: () => void;
  onMouseLeave?: () => void;
  onFocus: () => void;
  onBlur?: () => void;
  onClick: () => void;
}

function ReadingButton({ reading, opened, ...handlers }: ButtonProps & { ref?: Ref<HTMLButtonElement> }) {
  const emotion = reading.dominant ? EMOTION_LOOK[reading.dominant.emotion] : null;
  const label = badgeLabel(reading);
  return (
    <UnstyledButton aria-label={`Reading: ${label}. Details`} aria-haspopup="dialog" aria-expanded={opened} data-testid="reading" {...handlers}>
      <Badge size="sm" variant="light" color={emotion?.color ?? SENTIMENT_LOOK[reading.sentimentClass].color} style={{ textTransform: 'none' }}>
        {label}
      </Badge>
    </UnstyledButton>
  );
}

function ReadingPopover({ reading, reached }: { reading: MessageReading; reached: Reached }) {
  const [opened, { open, close, toggle }] = useDisclosure(true);
  const button = useRef<HTMLButtonElement>(null);
  // the badge was drawn again inside the popover: keyboard focus goes back to it
  useEffect(() => {
    if (reached === 'focus') button.current?.focus();
  }, [reached]);
  return (
    <Popover opened={opened} onChange={(next) => (next ? open() : close())} width={300} shadow="md" position="bottom-start" withinPortal>
      <Popover.Target>
        <ReadingButton ref={button} reading={reading} opened={opened} onMouseEnter={open} onMouseLeave={close} onFocus={open} onBlur={close} onClick={toggle} />
      </Popover.Target>
      <Popover.Dropdown>
        <ReadingDetails reading={reading} latencyMs={reading.latencyMs} />
      </Popover.Dropdown>
    </Popover>
  );
}
