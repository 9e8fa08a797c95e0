import { CloseButton, Group, SegmentedControl, Select, Stack, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { CONNECTION_STAGES, type ConnectionStage } from '../../../../shared/contract/connection';
import { STAGE_LOOK } from '../customer/connectionLook';
import { SORT_LABELS, type CustomerSort, type CustomersView, type StageFilter } from './customersView';

interface Props {
  view: CustomersView;
  onView: (view: CustomersView) => void;
  /** Customers per stage (as last listed); null until known. */
  byStage: Record<ConnectionStage, number> | null;
}

/** The stage filter with counts, a name filter and the order. */
export function CustomersToolbar({ view, onView, byStage }: Props) {
  const count = (n: number | undefined) => (n === undefined ? '' : ` ${n.toLocaleString()}`);
  const all = byStage ? CONNECTION_STAGES.reduce((sum, stage) => sum + byStage[stage], 0) : undefined;
  return (
    <Stack gap="xs" p="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Title order={2} size="h4">
        Customers
      </Title>
      <div style={{ overflowX: 'auto' }}>
        <SegmentedControl
          aria-label="Stage"
          size="xs"
          value={view.stage}
          onChange={(value) => onView({ ...view, stage: value as StageFilter })}
          data={[
            { value: 'all', label: `All${count(all)}` },
            ...CONNECTION_STAGES.map((stage) => ({ value: stage, label: `${STAGE_LOOK[stage].label}${count(byStage?.[stage])}` })),
          ]}
        />
      </div>
      <Group gap="xs" grow>
        <TextInput
          size="xs"
          aria-label="Filter by name"
          placeholder="Filter by name"
          leftSection={<IconSearch size={14} aria-hidden />}
          value={view.name}
          onChange={(event) => onView({ ...view, name: event.currentTarget.value })}
          rightSection={view.name ? <CloseButton size="sm" aria-label="Clear name filter" onClick={() => onView({ ...view, name: '' })} /> : null}
        />
        <Select
          size="xs"
          aria-label="Sort"
          allowDeselect={false}
          value={view.sort}
          onChange={(value) => onView({ ...view, sort: (value ?? 'score') as CustomerSort })}
          data={(Object.keys(SORT_LABELS) as CustomerSort[]).map((value) => ({ value, label: SORT_LABELS[value] }))}
        />
      </Group>
    </Stack>
  );
}
