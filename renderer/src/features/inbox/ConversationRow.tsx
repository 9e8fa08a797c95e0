import { memo } from 'react';
import { Badge, Group, Text, UnstyledButton } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import type { ConversationSummary } from '../../../../shared/contract/domain';
import { listTime, waited } from '../../lib/time';
import { EMOTION_LOOK, formatSentiment } from '../analysis/emotionLook';
import { formatScore, STAGE_LOOK } from '../customer/connectionLook';
import { CHANNEL_LOOK, STATUS_LOOK } from './channelLook';
import classes from './ConversationRow.module.css';
import { ResponseTarget } from '../triage/ResponseTarget';
import { TagChips } from '../triage/TagChips';
import { TeamBadge } from '../teams/TeamBadge';
import { snoozedUntilText } from '../triage/snoozePresets';
import { MARKS } from './queueMarks';
import { RowActivity } from '../live/ActivityMarks';
import type { ConversationActivity } from '../../../../shared/contract/live';

interface Props {
  conversation: ConversationSummary;
  selected: boolean;
  onOpen: (id: number) => void;
  /** Other people viewing or typing in it now. */
  activity?: ConversationActivity[] | undefined;
}

/** One conversation in the queue; memoised, so opening one repaints two rows, not the whole list. */
export const ConversationRow = memo(function ConversationRow({ conversation, selected, onOpen, activity }: Props) {
  const channel = CHANNEL_LOOK[conversation.channel];
  const status = STATUS_LOOK[conversation.status];
  const Icon = channel.icon;
  const last = conversation.lastMessage;
  const waiting = conversation.waitingSince !== null && (conversation.status === 'open' || conversation.status === 'pending');
  const followUpOverdue = conversation.followUpDueAt !== null && conversation.followUpDueAt < Date.now();
  const connection = conversation.connection;
  const connectionText = connection ? `Connection: ${STAGE_LOOK[connection.stage].label.toLowerCase()} (${formatScore(connection.score)})` : '';
  const connectionTitle = connection ? `${connectionText}: how close this customer is to us, from stranger to kin` : '';
  return (
    <UnstyledButton
      className={`${classes.row} ${classes.fill}`}
      data-selected={selected || undefined}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onOpen(conversation.id)}
      data-testid="conversation-row"
      data-conversation-id={conversation.id}
      data-channel={conversation.channel}
    >
      <Icon size={18} color={`var(--mantine-color-${channel.color}-6)`} aria-label={channel.label} className={classes.icon} />
      <div className={classes.body}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
            {conversation.unread && <span className={classes.unread} role="img" aria-label={MARKS.unread} title={MARKS.unread} data-testid="unread" />}
            <Text fw={conversation.unread ? 800 : 600} size="sm" truncate dir="auto" data-testid="row-name">
              {conversation.customer.displayName}
            </Text>
            {connection && (
              <span
                role="img"
                aria-label={connectionText}
                title={connectionTitle}
                data-testid="connection-dot"
                data-stage={connection.stage}
                style={{ flexShrink: 0, width: 7, height: 7, borderRadius: 2, background: `var(--mantine-color-${STAGE_LOOK[connection.stage].color}-6)` }}
              />
            )}
          </Group>
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {last ? listTime(last.sentAt) : ''}
          </Text>
        </Group>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="xs" c="dark.4" truncate fw={500} dir="auto">
            {conversation.subject ?? channel.label}
          </Text>
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            {activity && <RowActivity people={activity} />}
            {followUpOverdue && (
              <span role="img" aria-label="Follow-up overdue" title="Follow-up overdue" data-testid="follow-up-overdue" style={{ display: 'inline-flex' }}>
                <IconAlarm size={14} color="var(--mantine-color-red-8)" aria-hidden />
              </span>
            )}
            {conversation.mood && (
              <span
                className={classes.mood}
                style={{ background: `var(--mantine-color-${conversation.mood.emotion ? EMOTION_LOOK[conversation.mood.emotion].color : 'gray'}-5)` }}
                role="img"
                aria-label={`Mood: ${conversation.mood.emotion ?? (conversation.mood.analyzer === 'lexicon' ? 'sentiment' : 'unknown')} ${formatSentiment(conversation.mood.sentiment)}`}
                title={`Mood of the customer’s last message: ${conversation.mood.emotion ?? 'sentiment'} ${formatSentiment(conversation.mood.sentiment)}${conversation.mood.analyzer === 'lexicon' ? ' (lexicon)' : ''}`}
                data-testid="mood-dot"
              />
            )}
            {waiting && (
              <Text size="xs" fw={600} data-testid="waiting" title={MARKS.waiting} style={{ color: 'var(--mantine-color-orange-light-color)' }}>
                waiting {waited(conversation.waitingSince!)}
              </Text>
            )}
            {conversation.status === 'snoozed' && conversation.snoozedUntil !== null && (
              <Text size="xs" c="dimmed" data-testid="snoozed-until">
                {snoozedUntilText(conversation.snoozedUntil)}
              </Text>
            )}
            {(conversation.priority === 'high' || conversation.priority === 'urgent') && (
              <Badge size="xs" variant="filled" color={conversation.priority === 'urgent' ? 'red' : 'orange'} data-testid="priority">
                {conversation.priority}
              </Badge>
            )}
            <Badge size="xs" variant="light" color={status.color} data-testid="status">
              {status.label}
            </Badge>
          </Group>
        </Group>
        <Group gap={6} wrap="nowrap">
          {conversation.team && <TeamBadge team={conversation.team} />}
          <TagChips tags={conversation.tags} max={2} />
          <Text size="xs" c="dimmed" lineClamp={1} style={{ flex: 1, minWidth: 0 }} dir="auto">
            {conversation.hasDraft && (
              <Text span size="xs" fw={700} c="red.9" title={MARKS.draft} data-testid="draft-mark">
                Draft{' · '}
              </Text>
            )}
            {last ? `${last.author === 'agent' ? 'You: ' : last.author === 'note' ? 'Note: ' : ''}${last.preview}` : 'No messages'}
          </Text>
          {/* on the last line, so the customer's name keeps the first line's room */}
          {conversation.responseClock && <ResponseTarget clock={conversation.responseClock} />}
        </Group>
      </div>
    </UnstyledButton>
  );
});
