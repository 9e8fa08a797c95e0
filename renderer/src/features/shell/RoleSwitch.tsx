import { SegmentedControl } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ROLES, type Role } from '../../../../shared/contract/domain';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';

const LABELS: Record<Role, string> = { agent: 'Agent', supervisor: 'Supervisor', executive: 'Executive' };

export function RoleSwitch({ role }: { role: Role }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const setRole = useMutation({
    mutationFn: (next: Role) => client.call('session.setRole', { role: next }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.status }),
  });
  return (
    <SegmentedControl
      aria-label="Role"
      size="xs"
      value={setRole.isPending && setRole.variables ? setRole.variables : role}
      onChange={(value) => setRole.mutate(value as Role)}
      data={ROLES.map((value) => ({ value, label: LABELS[value] }))}
    />
  );
}
