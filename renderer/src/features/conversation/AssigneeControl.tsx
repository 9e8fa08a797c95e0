import { Button, Group, Kbd, Menu, Text } from '@mantine/core';
import { IconCheck, IconChevronDown, IconHandGrab, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ConversationSummary } from '../../../../shared/contract/domain';
import { REASSIGN_ROLES } from '../../../../shared/contract/permissions';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';
import { useMay } from '../../app/useMay';
import { useKeymap, usePaletteActions, type PaletteAction } from '../commands/CommandProvider';
import { displayKey } from '../commands/keyOfEvent';
import { assigneesKey } from './assigneesKey';
import { TeamBadge } from '../teams/TeamBadge';
import { useTeamList } from '../teams/useTeams';
import type { useConversationActions } from './useConversationActions';
import { useMayTake } from './useMayTake';

interface Props {
  conversation: Pick<ConversationSummary, 'id' | 'assignee' | 'team'>;
  actions: Pick<ReturnType<typeof useConversationActions>, 'take' | 'assign'>;
  /** Whether its palette actions are offered (the focused one of two conversations). */
  commandsEnabled: boolean;
}

const openCount = (n: number) => `${n} open`;

/**
 * Who has the conversation, and the ways to change it: "Take" while nobody has it (the key of
 * "Take the conversation"; shown disabled, saying why, to someone not on the conversation's team), and a picker of the teams and the people who answer customers, each
 * with how many open conversations it has. Choosing a team puts the conversation in the team's
 * queue (its person stays if they are on the team); choosing a person keeps its team, so only people
 * on it are offered then (leave the team first to give it to anyone else). A colleague's
 * conversation is reassigned only by those the permission table lets (REASSIGN_ROLES); others see
 * why the picker is closed to them.
 */
export function AssigneeControl({ conversation, actions, commandsEnabled }: Props) {
  const client = useClient();
  const mayAssign = useMay('conversations.assign');
  const mayTake = useMay('conversations.take');
  const status = useQuery({ queryKey: queryKeys.status, queryFn: () => client.call('workspace.status', {}) });
  const me = status.data?.currentUser ?? null;
  const mayReassign = status.data ? REASSIGN_ROLES.includes(status.data.role) && (!me || REASSIGN_ROLES.includes(me.role)) : false;
  const people = useQuery({ queryKey: assigneesKey, queryFn: () => client.call('conversations.assignees', {}), enabled: mayAssign });
  const teams = useTeamList();
  const holder = conversation.assignee;
  const team = conversation.team;
  /** To a team's queue: the person stays if they are on it, else it waits there for someone of the team to take. */
  const toTeam = (teamId: number) => ({ teamId, assignee: holder && teams.data?.find((candidate) => candidate.id === teamId)?.members.some((member) => member.id === holder.id) ? holder.id : null });
  // who is on its team (null: anyone; so too while the teams are loading: who is on it is not known yet), and why Take is not offered
  const { notOn, members: teamMembers } = useMayTake(team);
  /** Whether a person may be given the conversation as it is: anyone, or, in a team's queue, someone on the team (the Node side checks it too). */
  const onTheTeam = (userId: number) => teamMembers === null || teamMembers.has(userId);
  const mine = holder !== null && holder.id === me?.id;
  const someoneElses = holder !== null && !mine;
  // an agent changes who has it only while it is nobody's or their own
  const mayChange = mayAssign && (!someoneElses || mayReassign);
  const { take, assign } = actions;
  const takeKey = useKeymap()['conversation.assignToMe'];

  const { mutate: assignTo } = assign;
  const paletteActions = useMemo<PaletteAction[]>(
    () =>
      mayChange
        ? [
            ...(teams.data ?? [])
              .filter(({ id }) => id !== team?.id)
              .map(({ id, name, open, members }) => ({
                id: `assign-team-${id}`,
                group: 'Conversation',
                label: `Assign to the team ${name} (${openCount(open)})`,
                run: () => assignTo({ teamId: id, assignee: holder && members.some((member) => member.id === holder.id) ? holder.id : null }),
              })),
            ...(people.data ?? [])
              .filter(({ user }) => user.id !== holder?.id && (teamMembers === null || teamMembers.has(user.id)))
              .map(({ user, open }) => ({ id: `assign-${user.id}`, group: 'Conversation', label: `Assign to ${user.name} (${openCount(open)})`, run: () => assignTo(user.id) })),
          ]
        : [],
    [mayChange, teams.data, team?.id, teamMembers, people.data, holder, assignTo],
  );
  usePaletteActions(paletteActions, commandsEnabled);

  if (!mayAssign && !mayTake) {
    return (
      <Group gap={4} wrap="nowrap" data-testid="assignee">
        {team && <TeamBadge team={team} />}
        <Text size="xs" c="dimmed">
          {holder ? holder.name : 'Unassigned'}
        </Text>
      </Group>
    );
  }
  const label = holder === null ? 'Unassigned' : mine ? 'Yours' : holder.name;
  return (
    <Group gap={4} wrap="nowrap" data-testid="assignee">
      {team && <TeamBadge team={team} />}
      {holder === null && mayTake && (
        <Button
          size="compact-xs"
          leftSection={<IconHandGrab size={14} aria-hidden />}
          rightSection={takeKey ? <Kbd size="xs">{displayKey(takeKey)}</Kbd> : undefined}
          loading={take.isPending}
          onClick={() => take.mutate()}
          aria-keyshortcuts={takeKey || undefined}
          disabled={notOn !== null}
          aria-describedby={notOn !== null ? `take-why-${conversation.id}` : undefined}
        >
          Take
        </Button>
      )}
      {holder === null && mayTake && notOn !== null && (
        <Text size="xs" c="dimmed" id={`take-why-${conversation.id}`}>
          you are not on {notOn}
        </Text>
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="compact-xs" variant="default" rightSection={<IconChevronDown size={12} aria-hidden />} loading={assign.isPending} aria-label={`${label}: change who has it`}>
            {label}
          </Button>
        </Menu.Target>
        <Menu.Dropdown miw={240}>
          <Menu.Label>Assign to</Menu.Label>
          {!mayChange && (
            <Text size="xs" c="dimmed" px="sm" pb={4} maw={260}>
              {holder?.name} has it: only supervisors and admins reassign a colleague’s conversation.
            </Text>
          )}
          {(teams.data ?? []).length > 0 && <Menu.Label>Teams</Menu.Label>}
          {(teams.data ?? []).map(({ id, name, open }) => (
            <Menu.Item
              key={`team-${id}`}
              disabled={!mayChange || id === team?.id}
              onClick={() => assign.mutate(toTeam(id))}
              leftSection={id === team?.id ? <IconCheck size={14} aria-hidden /> : <IconUsersGroup size={14} aria-hidden />}
              rightSection={
                <Text size="xs" c="dimmed">
                  {openCount(open)}
                </Text>
              }
              aria-label={`Team ${name}`}
            >
              {name}
            </Menu.Item>
          ))}
          {(teams.data ?? []).length > 0 && <Menu.Label>People</Menu.Label>}
          {(people.data ?? []).map(({ user, open }) => (
            <Menu.Item
              key={user.id}
              disabled={!mayChange || user.id === holder?.id || !onTheTeam(user.id)}
              onClick={() => assign.mutate(user.id)}
              leftSection={user.id === holder?.id ? <IconCheck size={14} aria-hidden /> : <span style={{ width: 14, display: 'inline-block' }} />}
              rightSection={
                <Text size="xs" c="dimmed">
                  {onTheTeam(user.id) ? openCount(open) : `not on ${team?.name ?? 'the team'}`}
                </Text>
              }
            >
              {user.id === me?.id ? `${user.name} (you)` : user.name}
            </Menu.Item>
          ))}
          {(holder !== null || team !== null) && <Menu.Divider />}
          {team !== null && (
            <Menu.Item disabled={!mayChange} onClick={() => assign.mutate({ teamId: null, assignee: holder?.id ?? null })}>
              Remove from {team.name}
            </Menu.Item>
          )}
          {holder !== null && (
            <Menu.Item disabled={!mayChange} onClick={() => assign.mutate(null)}>
              Unassign
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
