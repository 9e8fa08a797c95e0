import { Button, Group, Table } from '@mantine/core';

interface Props {
  /** The edit button's accessible name ("Edit Returns", "Rename or recolour Refunds"). */
  editLabel: string;
  /** The delete button's accessible name ("Delete Returns"). */
  deleteLabel: string;
  onEdit: () => void;
  onDelete: () => void;
}

/** A settings table row's last cell: Edit, then Delete (which asks first, in ConfirmDelete). */
export function EditDeleteCell({ editLabel, deleteLabel, onEdit, onDelete }: Props) {
  return (
    <Table.Td>
      <Group gap={4} justify="flex-end" wrap="nowrap">
        <Button size="compact-xs" variant="subtle" onClick={onEdit} aria-label={editLabel}>
          Edit
        </Button>
        <Button size="compact-xs" variant="subtle" color="red" onClick={onDelete} aria-label={deleteLabel}>
          Delete
        </Button>
      </Group>
    </Table.Td>
  );
}
