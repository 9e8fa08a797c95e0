import { Avatar, Badge, Menu, UnstyledButton, Group, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import type { SignedInState } from './SignedInContext';
import { ROLE_NAMES } from './roleNames';

/** The signed-in person in the header, and Sign out. */
export function AccountMenu({ account }: { account: SignedInState }) {
  const { person } = account.signedIn;
  const initials = person.name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`Signed in as ${person.name} (${ROLE_NAMES[person.role]}): account menu`}>
          <Group gap="xs" wrap="nowrap">
            <Avatar size="sm" color="teal" radius="xl" aria-hidden>
              {initials}
            </Avatar>
            <Text size="sm" fw={500}>
              {person.name}
            </Text>
            <Badge variant="light" size="sm">
              {ROLE_NAMES[person.role]}
            </Badge>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{person.email}</Menu.Label>
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void account.signOut()}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
