import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { TeamRef } from '../../../../shared/contract/teams';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';
import { useTeamList } from '../teams/useTeams';

/**
 * Whether this console's person may take a conversation of `team` (null: of no team): a conversation
 * of a team is taken only by someone on it (the Node side refuses anyone else). `notOn` names the team
 * when they are not on it (why Take is not offered), else null. `members` are the ids of those on the
 * team, who alone may be given it (null: anyone — no team, or the teams not read yet). Until the teams
 * are read, it is offered.
 */
export function useMayTake(team: TeamRef | null): { notOn: string | null; members: ReadonlySet<number> | null } {
  const client = useClient();
  const status = useQuery({ queryKey: queryKeys.status, queryFn: () => client.call('workspace.status', {}) });
  const teams = useTeamList();
  const me = status.data?.currentUser?.id ?? null;
  const teamId = team?.id ?? null;
  const members = useMemo(() => (teamId === null || !teams.data ? null : new Set(teams.data.find((candidate) => candidate.id === teamId)?.members.map((member) => member.id) ?? [])), [teamId, teams.data]);
  const notOn = team !== null && me !== null && members !== null && !members.has(me) ? team.name : null;
  return { notOn, members };
}
