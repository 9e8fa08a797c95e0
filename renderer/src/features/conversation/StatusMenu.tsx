import { Button, Menu } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import { useCommand } from '../commands/CommandProvider';
import { SnoozeMenuItems, SnoozePicker } from '../triage/SnoozeMenu';
import { snoozedUntilText } from '../triage/snoozePresets';
import { CONVERSATION_STATUSES, type ConversationStatus } from '../../../../shared/contract/domain';
import { STATUS_LOOK } from '../inbox/channelLook';
import { useConversationActions } from './useConversationActions';

/** The conversation's status, and the way to change it (saved at once, logged for replays). */
export function StatusMenu({ conversationId, status, snoozedUntil = null, commandsEnabled = true }: { conversationId: number; status: ConversationStatus; snoozedUntil?: number | null; commandsEnabled?: boolean }) {
  const { setStatus: change } = useConversationActions(conversationId);
  const look = STATUS_LOOK[status];
  // snoozing asks until when: presets in the menu, or a date and time picked in its own dialog
  const [picking, setPicking] = useState(false);
  useCommand('conversation.snooze', () => setPicking(true), commandsEnabled);
  const label = status === 'snoozed' && snoozedUntil !== null ? `${look.label} ${snoozedUntilText(snoozedUntil)}` : look.label;
  return (
    <>
    <SnoozePicker conversationId={conversationId} opened={picking} onClose={() => setPicking(false)} />
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="compact-xs" variant="light" color={look.color} rightSection={<IconChevronDown size={12} />} loading={change.isPending} aria-label={`Status: ${label}. Change status`}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Set status</Menu.Label>
        {CONVERSATION_STATUSES.filter((next) => next !== status && next !== 'snoozed').map((next) => (
          <Menu.Item key={next} onClick={() => change.mutate(next)}>
            {next === 'open' && status === 'resolved' ? 'Reopen' : STATUS_LOOK[next].label}
          </Menu.Item>
        ))}
        <SnoozeMenuItems conversationId={conversationId} onPick={() => setPicking(true)} />
      </Menu.Dropdown>
    </Menu>
    </>
  );
}
