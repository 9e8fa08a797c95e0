import { Alert, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { ConfirmDelete } from './ConfirmDelete';
import { EditDeleteCell } from './EditDeleteCell';

/** How a settings list deletes one of its items (a mutation by id). */
export interface Removal {
  mutate: (id: number, options: { onSuccess: () => void }) => void;
  isPending: boolean;
  error: Error | null;
}

interface Props<T extends { id: number; name: string }> {
  /** The section's heading ("Teams"), its element id, and the table's accessible name. */
  title: string;
  titleId: string;
  /** Beside the heading (a "New …" button). */
  action?: ReactNode;
  /** What the list is for, under the heading. */
  description: ReactNode;
  /** The items as read (undefined until they are), and why they could not be read. */
  items: T[] | undefined;
  error: Error | null;
  /** "The {noun} could not be read". */
  noun: string;
  /** Above the table (a new item's form). */
  above?: ReactNode;
  /** Shown when the list has been read and is empty (null: nothing). */
  empty: ReactNode;
  /** The columns' headings, and an item's cells under them. */
  columns: string[];
  cells: (item: T) => ReactNode;
  /** Each item's row's test id ("team-setting"). */
  rowTestId: string;
  /** Whether the caller may edit and delete: the last column's buttons. */
  canEdit: boolean;
  /** The item being edited in place (its form spans the row), if any. */
  editing: number | null;
  editor: (item: T) => ReactNode;
  onEdit: (item: T) => void;
  editLabel: (item: T) => string;
  /** The dialog that asks before deleting: its title, what deleting does, the button's words, and the deletion. */
  deleteTitle: (item: T) => string;
  deleteDescription: (item: T) => ReactNode;
  confirmLabel: string;
  remove: Removal;
}

/**
 * A settings section listing the workspace's items of one kind (teams, tags) in a table: each row
 * edited in place, or deleted after a "Delete …?" dialog that says what deleting it does.
 */
export function SettingsList<T extends { id: number; name: string }>(props: Props<T>) {
  const { title, titleId, items, canEdit, editing, remove } = props;
  const [deleting, setDeleting] = useState<T | null>(null);
  const list = items ?? [];
  const span = props.columns.length + (canEdit ? 1 : 0);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" mb={4}>
        <Title order={3} size="h4" id={titleId}>
          {title}
        </Title>
        {props.action}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {props.description}
      </Text>
      {props.error && (
        <Alert color="red" role="alert" p="xs">
          The {props.noun} could not be read: {props.error.message}
        </Alert>
      )}
      {props.above}
      {items && list.length === 0 && props.empty}
      {list.length > 0 && (
        <Table withTableBorder={false} verticalSpacing={4} aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              {props.columns.map((column) => (
                <Table.Th key={column}>{column}</Table.Th>
              ))}
              {canEdit && <Table.Th aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((item) =>
              editing === item.id ? (
                <Table.Tr key={item.id}>
                  <Table.Td colSpan={span}>{props.editor(item)}</Table.Td>
                </Table.Tr>
              ) : (
                <Table.Tr key={item.id} data-testid={props.rowTestId}>
                  {props.cells(item)}
                  {canEdit && <EditDeleteCell editLabel={props.editLabel(item)} deleteLabel={`Delete ${item.name}`} onEdit={() => props.onEdit(item)} onDelete={() => setDeleting(item)} />}
                </Table.Tr>
              ),
            )}
          </Table.Tbody>
        </Table>
      )}
      <ConfirmDelete
        title={deleting ? props.deleteTitle(deleting) : null}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
        confirmLabel={props.confirmLabel}
        pending={remove.isPending}
        error={remove.error}
      >
        {deleting && props.deleteDescription(deleting)}
      </ConfirmDelete>
    </Paper>
  );
}
