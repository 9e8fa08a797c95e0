import { Badge, Popover, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { MessageReading } from '../../../../shared/contract/analysis';
import { EMOTION_LOOK, formatSentiment, percent, SENTIMENT_LOOK } from './emotionLook';
import { ReadingDetails } from './ReadingDetails';

/**
 * A message's reading at a glance — its dominant emotion with confidence and its sentiment — and,
 * on hover or keyboard focus, the full distribution and the analyzer that produced it.
 */
export function ReadingBadge({ reading }: { reading: MessageReading }) {
  const [opened, { open, close, toggle }] = useDisclosure(false);
  const emotion = reading.dominant ? EMOTION_LOOK[reading.dominant.emotion] : null;
  const label =
    reading.words === 0
      ? 'nothing to read'
      : emotion
        ? `${emotion.label} ${percent(reading.dominant!.score)} · ${formatSentiment(reading.sentiment)}`
        : `${SENTIMENT_LOOK[reading.sentimentClass].label} ${formatSentiment(reading.sentiment)} · lexicon`;
  return (
    <Popover opened={opened} onChange={(next) => (next ? open() : close())} width={300} shadow="md" position="bottom-start" withinPortal>
      <Popover.Target>
        <UnstyledButton
          aria-label={`Reading: ${label}. Details`}
          aria-expanded={opened}
          data-testid="reading"
          onMouseEnter={open}
          onMouseLeave={close}
          onFocus={open}
          onBlur={close}
          onClick={toggle}
        >
          <Badge size="sm" variant="light" color={emotion?.color ?? SENTIMENT_LOOK[reading.sentimentClass].color} style={{ textTransform: 'none' }}>
            {label}
          </Badge>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <ReadingDetails reading={reading} latencyMs={reading.latencyMs} />
      </Popover.Dropdown>
    </Popover>
  );
}
