import { Alert, Button, Group, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { ConfirmDelete } from '../../lib/ConfirmDelete';
import { EditDeleteCell } from '../../lib/EditDeleteCell';
import { useState } from 'react';
import { TAG_NAME_MAX, normaliseTagName, type TagColor, type TagUse } from '../../../../shared/contract/triage';
import { TagChips } from './TagChips';
import { TagColorPicker } from './TagColorPicker';
import { useTagList, useTagManagement } from './useTriage';
import { useMay } from '../../app/useMay';

const plural = new Intl.PluralRules('en');
const conversationsCount = (n: number) => `${n.toLocaleString('en')} conversation${plural.select(n) === 'one' ? '' : 's'}`;

/** One tag being renamed or recoloured in place. */
function TagEditRow({ tag, onDone }: { tag: TagUse; onDone: () => void }) {
  const { update } = useTagManagement();
  const [name, setName] = useState(tag.name);
  const [color, setColor] = useState<TagColor | null>(tag.color);
  const clean = normaliseTagName(name);
  const unchanged = clean === tag.name && color === tag.color;
  return (
    <Table.Tr>
      <Table.Td colSpan={3}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!clean || unchanged) return;
            update.mutate({ id: tag.id, ...(clean !== tag.name ? { name: clean } : {}), ...(color !== tag.color ? { color } : {}) }, { onSuccess: onDone });
          }}
        >
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              size="xs"
              w={220}
              label={`New name for “${tag.name}”`}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              maxLength={TAG_NAME_MAX + 5}
              error={update.error?.message ?? (clean ? undefined : 'A tag needs a name')}
              data-autofocus
              autoFocus
            />
            <TagColorPicker value={color} onChange={setColor} label={`Colour of “${tag.name}”`} />
            <Button type="submit" size="xs" disabled={!clean || unchanged} loading={update.isPending}>
              Save tag
            </Button>
            <Button size="xs" variant="default" onClick={onDone}>
              Cancel
            </Button>
          </Group>
        </form>
      </Table.Td>
    </Table.Tr>
  );
}

/** Settings → Tags: the team's tags with how much each is used; supervisors rename, recolour and delete them. */
export function TagSettings() {
  const canEdit = useMay('tags.update');
  const tags = useTagList();
  const { remove } = useTagManagement();
  const [editing, setEditing] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<TagUse | null>(null);
  const list = tags.data ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tag-settings-title">
      <Title order={3} size="h4" mb={4} id="tag-settings-title">
        Tags
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        The whole team shares one set of tags. Anyone adds them from a conversation’s header; a rename or a new colour shows everywhere the tag is used.
        {canEdit ? '' : ' Only a supervisor or an admin can rename, recolour or delete them.'}
      </Text>
      {tags.error && (
        <Alert color="red" role="alert" p="xs">
          The tags could not be read: {tags.error.message}
        </Alert>
      )}
      {tags.data && list.length === 0 && <Text size="sm">No tags yet. Add the first from a conversation: the tag button under its subject.</Text>}
      {list.length > 0 && (
        <Table withTableBorder={false} verticalSpacing={4} aria-label="Tags">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Tag</Table.Th>
              <Table.Th>Used on</Table.Th>
              {canEdit && <Table.Th aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((tag) =>
              editing === tag.id ? (
                <TagEditRow key={tag.id} tag={tag} onDone={() => setEditing(null)} />
              ) : (
                <Table.Tr key={tag.id} data-testid="tag-setting">
                  <Table.Td>
                    <TagChips tags={[tag]} size="sm" />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{conversationsCount(tag.conversations)}</Text>
                  </Table.Td>
                  {canEdit && (
                    <EditDeleteCell editLabel={`Rename or recolour ${tag.name}`} deleteLabel={`Delete ${tag.name}`} onEdit={() => setEditing(tag.id)} onDelete={() => setDeleting(tag)} />
                  )}
                </Table.Tr>
              ),
            )}
          </Table.Tbody>
        </Table>
      )}
      <ConfirmDelete
        title={deleting ? `Delete the tag “${deleting.name}”?` : null}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
        confirmLabel="Delete tag"
        pending={remove.isPending}
        error={remove.error}
      >
        {deleting && (
          <Text size="sm">
            {deleting.conversations === 0
              ? 'No conversation carries it.'
              : `It comes off ${conversationsCount(deleting.conversations)}. The conversations themselves stay as they are.`}{' '}
            This cannot be undone.
          </Text>
        )}
      </ConfirmDelete>
    </Paper>
  );
}
