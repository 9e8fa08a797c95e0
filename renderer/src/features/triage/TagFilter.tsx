import { Select } from '@mantine/core';
import { useTagList } from './useTriage';

/** The queue's filter by tag ('any': no filter). */
export function TagFilter({ value, onChange }: { value: number | 'any'; onChange: (value: number | 'any') => void }) {
  const tags = useTagList();
  const data = [{ value: 'any', label: 'Any tag' }, ...(tags.data ?? []).map((tag) => ({ value: String(tag.id), label: `${tag.name} (${tag.conversations})` }))];
  return (
    <Select
      size="xs"
      aria-label="Tag filter"
      allowDeselect={false}
      searchable
      nothingFoundMessage="No such tag"
      value={String(value)}
      onChange={(next) => onChange(next === null || next === 'any' ? 'any' : Number(next))}
      data={data}
    />
  );
}
