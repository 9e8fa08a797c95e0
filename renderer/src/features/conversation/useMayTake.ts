import { useQuery } from '@tanstack/react-query';
import type { TeamRef } from '../../../../shared/contract/teams';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';
import { useTeamList } from '../teams/useTeams';

/**
 * Whether this console's person may take a conversation of `team` (null: of no team): a conversation
 * of a team is taken only by someone on it (the Node side refuses anyone else). `notOn` names the team
 * when they are not on it (why Take is not offered), else null. Until the teams are read, it is offered.
 */
export function useMayTake(team: TeamRef | null): { notOn: string | null } {
  const client = useClient();
  const status = useQuery({ queryKey: queryKeys.status, queryFn: () => client.call('workspace.status', {}) });
  const teams = useTeamList();
  const me = status.data?.currentUser?.id ?? null;
  if (team === null || me === null || !teams.data) return { notOn: null };
  const members = teams.data.find((candidate) => candidate.id === team.id)?.members ?? [];
  return { notOn: members.some((member) => member.id === me) ? null : team.name };
}
