import { ActionIcon, Badge, Group, Popover, Stack, Text } from '@mantine/core';
import { IconAlarm, IconClockHour4, IconHelpCircle } from '@tabler/icons-react';
import { Fragment, type ReactNode } from 'react';
import { CONNECTION_STAGES } from '../../../../shared/contract/connection';
import { EMOTION_LOOK } from '../analysis/emotionLook';
import { STAGE_LOOK } from '../customer/connectionLook';
import classes from './ConversationRow.module.css';
import { MARKS } from './queueMarks';

const MOODS = (['anger', 'sadness', 'fear', 'neutral', 'joy'] as const).map((emotion) => ({ emotion, ...EMOTION_LOOK[emotion] }));

function Entry({ mark, children }: { mark: ReactNode; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" role="listitem">
      <Group gap={4} wrap="nowrap" w={92} justify="flex-end" style={{ flexShrink: 0 }} aria-hidden>
        {mark}
      </Group>
      <Text size="xs" style={{ flex: 1, minWidth: 0 }}>
        {children}
      </Text>
    </Group>
  );
}

const dot = (color: string, square = false) => (
  <span style={{ display: 'inline-block', width: square ? 7 : 9, height: square ? 7 : 9, borderRadius: square ? 2 : '50%', background: `var(--mantine-color-${color})` }} />
);

/** "What the marks mean": every mark a queue row can carry, explained where the queue is. */
export function MarksLegend() {
  return (
    // beside the queue, shifted up or down to fit the window whole (below the button it ran off a 900 px one)
    <Popover width={440} position="right-start" withArrow shadow="md" middlewares={{ flip: true, shift: { padding: 8 } }}>
      <Popover.Target>
        <ActionIcon size="sm" variant="subtle" color="gray" aria-label="What the marks mean" title="What the marks mean">
          <IconHelpCircle size={16} aria-hidden />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown aria-label="What the marks mean" mah="calc(100vh - 16px)" style={{ overflowY: 'auto' }}>
        <Text size="xs" fw={700} mb={6}>
          What the marks mean
        </Text>
        <Stack gap={8} role="list" aria-label="Marks on a conversation">
          <Entry mark={<><span className={classes.unread} /><Text size="xs" fw={800}>Name</Text></>}>{MARKS.unread}.</Entry>
          <Entry mark={<Text size="xs" fw={700} c="red.9">Draft</Text>}>{MARKS.draft}.</Entry>
          <Entry mark={MOODS.map((mood) => <span key={mood.emotion}>{dot(`${mood.color}-5`)}</span>)}>
            {MARKS.mood}:{' '}
            {MOODS.map((mood) => (
              <Fragment key={mood.emotion}>
                <span style={{ whiteSpace: 'nowrap' }}>
                  {dot(`${mood.color}-5`)} {mood.label.toLowerCase()}
                </span>{' '}
              </Fragment>
            ))}
            (hover one for its reading).
          </Entry>
          <Entry mark={CONNECTION_STAGES.map((stage) => <span key={stage}>{dot(`${STAGE_LOOK[stage].color}-6`, true)}</span>)}>
            {MARKS.connection}:{' '}
            {CONNECTION_STAGES.map((stage) => (
              <Fragment key={stage}>
                <span style={{ whiteSpace: 'nowrap' }}>
                  {dot(`${STAGE_LOOK[stage].color}-6`, true)} {STAGE_LOOK[stage].label.toLowerCase()}
                </span>{' '}
              </Fragment>
            ))}
          </Entry>
          <Entry mark={<Text size="xs" fw={600} style={{ color: 'var(--mantine-color-orange-light-color)' }}>waiting 2 h</Text>}>{MARKS.waiting} (open work only).</Entry>
          <Entry mark={<Badge size="xs" variant="light" color="orange" leftSection={<IconClockHour4 size={10} />} style={{ textTransform: 'none' }}>5 min left</Badge>}>{MARKS.target}.</Entry>
          <Entry mark={<Text size="xs" c="dimmed">until Tue 09:00</Text>}>{MARKS.snoozed}.</Entry>
          <Entry mark={<><Badge size="xs" variant="light" color="violet" radius="sm" style={{ textTransform: 'none' }}>VIP</Badge><Badge size="xs" variant="outline" color="gray" radius="sm" style={{ textTransform: 'none' }}>+1</Badge></>}>{MARKS.tags}.</Entry>
          <Entry mark={<IconAlarm size={14} color="var(--mantine-color-red-8)" />}>{MARKS.followUp}.</Entry>
          <Entry mark={<Badge size="xs" variant="filled" color="red">urgent</Badge>}>Priority, when high or urgent; the last badge is the status.</Entry>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
