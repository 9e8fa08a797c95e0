import { Avatar, Badge, Menu, UnstyledButton, Group, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';
import type { SignedInState } from './SignedInContext';
import { ROLE_NAMES } from './roleNames';
import { PresenceDot, presenceLabel } from '../live/PresenceDot';
import { TeamPresence } from '../live/TeamPresence';
import { usePresence } from '../live/useLive';

/** The signed-in person in the header, and Sign out. */
export function AccountMenu({ account }: { account: SignedInState }) {
  const client = useClient();
  const status = useQuery({ queryKey: queryKeys.status, queryFn: () => client.call('workspace.status', {}) });
  // as the workspace knows them now (an admin may have given them another role since they signed in)
  const person = status.data?.currentUser ?? account.signedIn.person;
  const initials = person.name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  // one's own presence as the team sees it (away while every console of theirs is idle or hidden)
  const mine = usePresence().get(person.id)?.state ?? 'online';
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`Signed in as ${person.name} (${ROLE_NAMES[person.role]}), ${presenceLabel(mine)}: account menu`}>
          <Group gap="xs" wrap="nowrap">
            <span style={{ position: 'relative', display: 'inline-flex' }}>
              <Avatar size="sm" color="teal" radius="xl" aria-hidden>
                {initials}
              </Avatar>
              <span style={{ position: 'absolute', right: -2, bottom: -2, display: 'inline-flex', borderRadius: '50%', background: 'var(--mantine-color-body)', padding: 1 }} aria-hidden>
                <PresenceDot state={mine} name={person.name} size={10} />
              </span>
            </span>
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
        <Menu.Label>
          {person.email} · {presenceLabel(mine)}
        </Menu.Label>
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void account.signOut()}>
          Sign out
        </Menu.Item>
        <TeamPresence selfId={person.id} />
      </Menu.Dropdown>
    </Menu>
  );
}
