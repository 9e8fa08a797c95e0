import { Badge, Button, Group, Select, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconEye } from '@tabler/icons-react';
import type { User, WorkspaceStatus } from '../../../../shared/contract/domain';
import { ROLE_LABELS } from '../../../../shared/contract/permissions';
import { useClient } from '../../api/ClientContext';

/** "Aisha Khan (agent)". */
export const personLabel = (user: User) => `${user.name} (${ROLE_LABELS[user.role]})`;

/**
 * The desk's "view as": this console shows and permits what another person of the workspace would
 * see and may do, while everything it does stays the desk owner's own. Null stops. Only this
 * console (this window, this connection) is viewed as them; the others are not touched.
 */
export function useViewAs() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: number | null) => client.call('session.viewAs', { userId }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

/** The people the desk's owner may view the console as (themselves first: "myself"). */
export function useViewablePeople(status: WorkspaceStatus) {
  const client = useClient();
  return useQuery({ queryKey: ['users.list'], queryFn: () => client.call('users.list', {}), enabled: status.canViewAs });
}

/**
 * Who is at the console, in the header: the person who acts, and on the desk a "View as" choice,
 * labelled while it is on. A team server's console has no "view as": everyone signs in as themselves.
 */
export function ViewAs({ status }: { status: WorkspaceStatus }) {
  const viewAs = useViewAs();
  const people = useViewablePeople(status);
  const me = status.currentUser;
  if (!me) return null;
  const viewing = status.viewingAs;
  const others = (people.data ?? []).filter((user) => user.id !== me.id);
  return (
    <Group gap="sm" wrap="nowrap">
      <Text size="sm" c="dimmed">
        Signed in as <b>{me.name}</b> ({ROLE_LABELS[me.role]})
      </Text>
      {status.canViewAs && (
        <Select
          aria-label="View as"
          size="xs"
          w={210}
          title="View the console as another person of the desk: what they see and may do. You still act as yourself."
          leftSection={<IconEye size={14} aria-hidden />}
          value={String(viewing?.id ?? me.id)}
          onChange={(value) => value && viewAs.mutate(Number(value) === me.id ? null : Number(value))}
          allowDeselect={false}
          data={[
            { value: String(me.id), label: 'Myself' },
            ...others.map((user) => ({ value: String(user.id), label: personLabel(user) })),
          ]}
        />
      )}
      {viewing && (
        <Badge color="orange" variant="filled" size="lg" role="status" data-testid="viewing-as" rightSection={null}>
          Viewing as {personLabel(viewing)}
        </Badge>
      )}
      {viewing && (
        <Button size="compact-xs" variant="default" onClick={() => viewAs.mutate(null)}>
          Stop viewing
        </Button>
      )}
    </Group>
  );
}
