import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';

/** The cache key of the workspace's teams. */
export const teamsKey = ['teams.list'] as const;

/** Every team, by name, with its members and open conversations. */
export function useTeamList() {
  const client = useClient();
  return useQuery({ queryKey: teamsKey, queryFn: () => client.call('teams.list', {}), staleTime: 30_000 });
}

/** Admins' changes to the teams; each refreshes the teams and whatever shows a team's name. */
export function useTeamManagement() {
  const client = useClient();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: teamsKey });
    void queryClient.invalidateQueries({ queryKey: queryKeys.allConversations });
    void queryClient.invalidateQueries({ queryKey: ['conversations.get'] });
  };
  const create = useMutation({
    mutationFn: (input: { name: string; memberIds: number[] }) => client.call('teams.create', input),
    onSuccess: refresh,
  });
  const rename = useMutation({
    mutationFn: (input: { id: number; name: string }) => client.call('teams.rename', input),
    onSuccess: refresh,
  });
  const setMembers = useMutation({
    mutationFn: (input: { id: number; memberIds: number[] }) => client.call('teams.setMembers', input),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: number) => client.call('teams.delete', { id }),
    onSuccess: refresh,
  });
  return { create, rename, setMembers, remove };
}
