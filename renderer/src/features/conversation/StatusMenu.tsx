import { Button, Menu } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { CONVERSATION_STATUSES, type ConversationStatus } from '../../../../shared/contract/domain';
import { STATUS_LOOK } from '../inbox/channelLook';
import { useConversationActions } from './useConversationActions';

/** The conversation's status, and the way to change it (saved at once, logged for replays). */
export function StatusMenu({ conversationId, status }: { conversationId: number; status: ConversationStatus }) {
  const { setStatus: change } = useConversationActions(conversationId);
  const look = STATUS_LOOK[status];
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="compact-xs" variant="light" color={look.color} rightSection={<IconChevronDown size={12} />} loading={change.isPending} aria-label={`Status: ${look.label}. Change status`}>
          {look.label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Set status</Menu.Label>
        {CONVERSATION_STATUSES.filter((next) => next !== status).map((next) => (
          <Menu.Item key={next} onClick={() => change.mutate(next)}>
            {next === 'open' && status === 'resolved' ? 'Reopen' : STATUS_LOOK[next].label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
