import { Group, Menu, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useClient } from '../../api/ClientContext';
import { PresenceDot, presenceLabel } from './PresenceDot';
import { usePresence } from './useLive';

const ORDER = { online: 0, away: 1, offline: 2 } as const;

/** The team in the account menu: who is online, away or offline, the online first. */
export function TeamPresence({ selfId }: { selfId: number }) {
  const client = useClient();
  const people = useQuery({ queryKey: ['users.list'], queryFn: () => client.call('users.list', {}) });
  const presence = usePresence();
  const others = (people.data ?? [])
    .filter((person) => person.id !== selfId)
    .map((person) => ({ person, state: presence.get(person.id)?.state ?? 'offline' }))
    .sort((a, b) => ORDER[a.state] - ORDER[b.state] || a.person.name.localeCompare(b.person.name));
  if (others.length === 0) return null;
  return (
    <>
      <Menu.Divider />
      <Menu.Label>The team</Menu.Label>
      <div data-testid="team-presence" style={{ maxHeight: 240, overflowY: 'auto', padding: '0 12px 6px' }}>
        {others.map(({ person, state }) => (
          <Group key={person.id} gap={8} wrap="nowrap" py={3} data-person={person.name} data-presence={state}>
            <PresenceDot state={state} name={person.name} />
            <Text size="sm" truncate style={{ flex: 1 }}>
              {person.name}
            </Text>
            <Text size="xs" c="dimmed">
              {presenceLabel(state)}
            </Text>
          </Group>
        ))}
      </div>
    </>
  );
}
