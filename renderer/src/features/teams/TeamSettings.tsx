import { Button, Group, MultiSelect, Paper, Table, Text, TextInput } from '@mantine/core';
import { SaveOrCancel } from '../../lib/SaveOrCancel';
import { SettingsList } from '../../lib/SettingsList';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { TEAM_NAME_MAX, type Team } from '../../../../shared/contract/teams';
import { useClient } from '../../api/ClientContext';
import { useMay } from '../../app/useMay';
import { assigneesKey } from '../conversation/assigneesKey';
import { useTeamList, useTeamManagement } from './useTeams';

const plural = new Intl.PluralRules('en');
const openCount = (n: number) => `${n.toLocaleString('en')} open conversation${plural.select(n) === 'one' ? '' : 's'}`;

/** The people who may be on a team (those who answer customers), as a picker lists them. */
function usePeopleChoices() {
  const client = useClient();
  const people = useQuery({ queryKey: assigneesKey, queryFn: () => client.call('conversations.assignees', {}) });
  return (people.data ?? []).map(({ user }) => ({ value: String(user.id), label: user.name }));
}

/** A new team, or one being renamed and restaffed, in place. */
function TeamForm({ team, onDone }: { team: Team | null; onDone: () => void }) {
  const { create, rename, setMembers } = useTeamManagement();
  const people = usePeopleChoices();
  const [name, setName] = useState(team?.name ?? '');
  const [members, setMembersChosen] = useState<string[]>((team?.members ?? []).map((member) => String(member.id)));
  const clean = name.trim();
  const memberIds = members.map(Number);
  const saving = create.isPending || rename.isPending || setMembers.isPending;
  const error = create.error ?? rename.error ?? setMembers.error;
  async function save() {
    if (!team) {
      await create.mutateAsync({ name: clean, memberIds });
    } else {
      if (clean !== team.name) await rename.mutateAsync({ id: team.id, name: clean });
      const before = team.members.map((member) => member.id).sort((a, b) => a - b).join(',');
      if ([...memberIds].sort((a, b) => a - b).join(',') !== before) await setMembers.mutateAsync({ id: team.id, memberIds });
    }
    onDone();
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (clean) save().catch(() => undefined);
      }}
    >
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          size="xs"
          w={200}
          label={team ? `New name for “${team.name}”` : 'Team name'}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          maxLength={TEAM_NAME_MAX + 5}
          error={error?.message}
          data-autofocus
          autoFocus
        />
        <MultiSelect
          size="xs"
          w={300}
          label="Members"
          placeholder={members.length === 0 ? 'Choose people' : undefined}
          data={people}
          value={members}
          onChange={setMembersChosen}
          searchable
          nothingFoundMessage="No such person"
        />
        <SaveOrCancel disabled={!clean} saving={saving} onCancel={onDone}>
          {team ? 'Save team' : 'Create team'}
        </SaveOrCancel>
      </Group>
    </form>
  );
}

/** Settings → Teams: the workspace's teams, their members and open work; admins make, rename, restaff and delete them. */
export function TeamSettings() {
  const canEdit = useMay('teams.create');
  const teams = useTeamList();
  const { remove } = useTeamManagement();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  return (
    <SettingsList<Team>
      title="Teams"
      titleId="team-settings-title"
      action={
        canEdit &&
        editing !== 'new' && (
          <Button size="compact-sm" variant="light" onClick={() => setEditing('new')}>
            New team
          </Button>
        )
      }
      description={
        <>
          A conversation can be assigned to a team, with or without a person of it; anyone on the team can take it from the team’s queue.
          {canEdit ? '' : ' Only an admin can make, rename, staff or delete teams.'}
        </>
      }
      items={teams.data}
      error={teams.error}
      noun="teams"
      above={
        editing === 'new' && (
          <Paper withBorder p="sm" mb="sm">
            <TeamForm team={null} onDone={() => setEditing(null)} />
          </Paper>
        )
      }
      empty={editing === 'new' ? null : <Text size="sm">No teams yet.</Text>}
      columns={['Team', 'Members', 'Open']}
      cells={(team) => (
        <>
          <Table.Td>
            <Text size="sm" fw={500}>
              {team.name}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm" c={team.members.length ? undefined : 'dimmed'}>
              {team.members.length ? team.members.map((member) => member.name).join(', ') : 'Nobody yet'}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{openCount(team.open)}</Text>
          </Table.Td>
        </>
      )}
      rowTestId="team-setting"
      canEdit={canEdit}
      editing={typeof editing === 'number' ? editing : null}
      editor={(team) => <TeamForm team={team} onDone={() => setEditing(null)} />}
      onEdit={(team) => setEditing(team.id)}
      editLabel={(team) => `Edit ${team.name}`}
      deleteTitle={(team) => `Delete the team “${team.name}”?`}
      deleteDescription={(team) => (
        <Text size="sm">Its {openCount(team.open)} (and any it closed) keep whoever has them and have no team. Its members stay in the workspace. This cannot be undone.</Text>
      )}
      confirmLabel="Delete team"
      remove={remove}
    />
  );
}
