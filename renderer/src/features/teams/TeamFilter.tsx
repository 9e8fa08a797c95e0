import { Select } from '@mantine/core';
import { useTeamList } from './useTeams';

/** The queue's filter by team: one team's conversations, those of the teams the person is on ('mine'), or 'any'. Shown once the workspace has teams. */
export function TeamFilter({ value, onChange }: { value: number | 'mine' | 'any'; onChange: (value: number | 'mine' | 'any') => void }) {
  const teams = useTeamList();
  const list = teams.data ?? [];
  if (list.length === 0 && value === 'any') return null;
  const data = [
    { value: 'any', label: 'Any team' },
    { value: 'mine', label: 'My teams' },
    ...list.map((team) => ({ value: String(team.id), label: `${team.name} (${team.open} open)` })),
  ];
  return (
    <Select
      size="xs"
      aria-label="Team filter"
      style={{ gridColumn: '1 / -1' }}
      allowDeselect={false}
      searchable
      nothingFoundMessage="No such team"
      value={String(value)}
      onChange={(next) => onChange(next === null || next === 'any' ? 'any' : next === 'mine' ? 'mine' : Number(next))}
      data={data}
    />
  );
}
