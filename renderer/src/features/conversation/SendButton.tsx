import { ActionIcon, Button, Group, Kbd, Menu, Text } from '@mantine/core';
import { IconChevronUp, IconSend } from '@tabler/icons-react';
import type { StatusAfterSend } from '../../../../shared/contract/send';
import { useKeymap } from '../commands/CommandProvider';
import { displayKey } from '../commands/keyOfEvent';

interface Props {
  /** "Send" or "Add note". */
  label: string;
  onSend: (thenStatus?: StatusAfterSend) => void;
  loading: boolean;
  disabled: boolean;
}

/** Send, or send and set the conversation's status in one go, from a split button; each has its key. */
export function SendButton({ label, onSend, loading, disabled }: Props) {
  const keymap = useKeymap();
  const after: { status: StatusAfterSend; label: string; key: string }[] = [
    { status: 'pending', label: `${label} and mark pending`, key: keymap['composer.sendAndPending'] },
    { status: 'resolved', label: `${label} and resolve`, key: keymap['composer.sendAndResolve'] },
  ];
  return (
    <Group gap={0} wrap="nowrap">
      <Button size="xs" leftSection={<IconSend size={14} />} onClick={() => onSend()} loading={loading} disabled={disabled} style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}>
        {label}{' '}
        <Text span size="xs" c="inherit" ml={6}>
          Ctrl+Enter
        </Text>
      </Button>
      <Menu position="top-end" withinPortal>
        <Menu.Target>
          <ActionIcon size={30} variant="filled" disabled={disabled || loading} aria-label={label === 'Send' ? 'Status after sending' : 'Status after adding the note'} style={{ borderTopLeftRadius: 0, borderBottomLeftRadius: 0, borderLeft: '1px solid var(--mantine-color-blue-8)' }}>
            <IconChevronUp size={14} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {after.map((item) => (
            <Menu.Item key={item.status} onClick={() => onSend(item.status)} rightSection={<Kbd size="xs">{displayKey(item.key)}</Kbd>}>
              {item.label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
