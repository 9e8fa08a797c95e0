import { Badge, Tooltip } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { ResponseClock } from '../../../../shared/contract/triage';
import { CLOCK_COLOR, clockText, span, type ClockTone } from './clockText';
import { useTicking } from './useTicker';

/**
 * Time left to the response-time target ("2 min left"), or how long ago it was breached, counting
 * live. Only this badge re-renders as it counts, and only when its words change.
 */
export function ResponseTarget({ clock, size = 'xs' }: { clock: ResponseClock; size?: 'xs' | 'sm' }) {
  // one value per second for both (a primitive, so an unchanged one renders nothing)
  const reading = useTicking((now) => {
    // the queue's rows say it in one unit ("breached 3 h ago"); the conversation's header in full
    const { text, tone } = clockText(clock, now, size === 'xs');
    return `${tone}|${text}`;
  });
  const [tone, text] = reading.split('|') as [ClockTone, string];
  const what = clock.kind === 'first' ? 'First response' : 'Next response';
  const detail = `${what} target ${span(clock.targetMinutes * 60_000)}: due ${dayjs(clock.dueAt).format('ddd HH:mm')} (waiting since ${dayjs(clock.since).format('ddd HH:mm')})`;
  return (
    <Tooltip label={detail} withinPortal>
      <Badge
        size={size}
        variant={tone === 'breached' ? 'filled' : 'light'}
        color={CLOCK_COLOR[tone]}
        leftSection={<IconClockHour4 size={size === 'xs' ? 10 : 12} aria-hidden />}
        data-testid="response-target"
        data-tone={tone}
        aria-label={`${what}: ${text}`}
        style={{ flexShrink: 0, textTransform: 'none' }}
      >
        {text}
      </Badge>
    </Tooltip>
  );
}
