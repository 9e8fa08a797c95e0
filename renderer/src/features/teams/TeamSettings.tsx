import { Alert, Button, Group, MultiSelect, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { ConfirmDelete } from '../../lib/ConfirmDelete';
import { EditDeleteCell } from '../../lib/EditDeleteCell';
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
        <Button type="submit" size="xs" disabled={!clean} loading={saving}>
          {team ? 'Save team' : 'Create team'}
        </Button>
        <Button size="xs" variant="default" onClick={onDone}>
          Cancel
        </Button>
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
  const [deleting, setDeleting] = useState<Team | null>(null);
  const list = teams.data ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="team-settings-title">
      <Group justify="space-between" mb={4}>
        <Title order={3} size="h4" id="team-settings-title">
          Teams
        </Title>
        {canEdit && editing !== 'new' && (
          <Button size="compact-sm" variant="light" onClick={() => setEditing('new')}>
            New team
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        A conversation can be assigned to a team, with or without a person of it; anyone on the team can take it from the team’s queue.
        {canEdit ? '' : ' Only an admin can make, rename, staff or delete teams.'}
      </Text>
      {teams.error && (
        <Alert color="red" role="alert" p="xs">
          The teams could not be read: {teams.error.message}
        </Alert>
      )}
      {editing === 'new' && (
        <Paper withBorder p="sm" mb="sm">
          <TeamForm team={null} onDone={() => setEditing(null)} />
        </Paper>
      )}
      {teams.data && list.length === 0 && editing !== 'new' && <Text size="sm">No teams yet.</Text>}
      {list.length > 0 && (
        <Table withTableBorder={false} verticalSpacing={4} aria-label="Teams">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Team</Table.Th>
              <Table.Th>Members</Table.Th>
              <Table.Th>Open</Table.Th>
              {canEdit && <Table.Th aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((team) =>
              editing === team.id ? (
                <Table.Tr key={team.id}>
                  <Table.Td colSpan={4}>
                    <TeamForm team={team} onDone={() => setEditing(null)} />
                  </Table.Td>
                </Table.Tr>
              ) : (
                <Table.Tr key={team.id} data-testid="team-setting">
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
                  {canEdit && (
                    <EditDeleteCell editLabel={`Edit ${team.name}`} deleteLabel={`Delete ${team.name}`} onEdit={() => setEditing(team.id)} onDelete={() => setDeleting(team)} />
                  )}
                </Table.Tr>
              ),
            )}
          </Table.Tbody>
        </Table>
      )}
      <ConfirmDelete
        title={deleting ? `Delete the team “${deleting.name}”?` : null}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
        confirmLabel="Delete team"
        pending={remove.isPending}
        error={remove.error}
      >
        <Text size="sm">
          Its {deleting ? openCount(deleting.open) : 'conversations'} (and any it closed) keep whoever has them and have no team. Its members stay in the workspace. This cannot be undone.
        </Text>
      </ConfirmDelete>
    </Paper>
  );
}
