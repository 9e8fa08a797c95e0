import { SegmentedControl } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ROLES, type Role } from '../../../../shared/contract/domain';
import { useClient } from '../../api/ClientContext';

const LABELS: Record<Role, string> = { agent: 'Agent', supervisor: 'Supervisor', executive: 'Executive', admin: 'Admin' };
/** The desk's roles: an admin manages who signs in to a team server, which a desk has no use for. */
export type DeskRole = Exclude<Role, 'admin'>;
export const DESK_ROLES = ROLES.filter((value): value is DeskRole => value !== 'admin');

/** Switches the role the console is used in (and so who is signed in). */
export function useSetRole() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (next: DeskRole) => client.call('session.setRole', { role: next }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function RoleSwitch({ role }: { role: Role }) {
  const setRole = useSetRole();
  return (
    <SegmentedControl
      aria-label="Role"
      size="xs"
      value={setRole.isPending && setRole.variables ? setRole.variables : role}
      onChange={(value) => setRole.mutate(value as DeskRole)}
      data={DESK_ROLES.map((value) => ({ value, label: LABELS[value] }))}
    />
  );
}
