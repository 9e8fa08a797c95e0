import { Group, Table, Text, TextInput } from '@mantine/core';
import { SaveOrCancel } from '../../lib/SaveOrCancel';
import { SettingsList } from '../../lib/SettingsList';
import { useState } from 'react';
import { TAG_NAME_MAX, normaliseTagName, type TagColor, type TagUse } from '../../../../shared/contract/triage';
import { TagChips } from './TagChips';
import { TagColorPicker } from './TagColorPicker';
import { useTagList, useTagManagement } from './useTriage';
import { useMay } from '../../app/useMay';

const plural = new Intl.PluralRules('en');
const conversationsCount = (n: number) => `${n.toLocaleString('en')} conversation${plural.select(n) === 'one' ? '' : 's'}`;

/** One tag being renamed or recoloured in place (its row's form). */
function TagEditForm({ tag, onDone }: { tag: TagUse; onDone: () => void }) {
  const { update } = useTagManagement();
  const [name, setName] = useState(tag.name);
  const [color, setColor] = useState<TagColor | null>(tag.color);
  const clean = normaliseTagName(name);
  const unchanged = clean === tag.name && color === tag.color;
  return (
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
        <SaveOrCancel disabled={!clean || unchanged} saving={update.isPending} onCancel={onDone}>
          Save tag
        </SaveOrCancel>
      </Group>
    </form>
  );
}

/** Settings → Tags: the team's tags with how much each is used; supervisors rename, recolour and delete them. */
export function TagSettings() {
  const canEdit = useMay('tags.update');
  const tags = useTagList();
  const { remove } = useTagManagement();
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <SettingsList<TagUse>
      title="Tags"
      titleId="tag-settings-title"
      description={
        <>
          The whole team shares one set of tags. Anyone adds them from a conversation’s header; a rename or a new colour shows everywhere the tag is used.
          {canEdit ? '' : ' Only a supervisor or an admin can rename, recolour or delete them.'}
        </>
      }
      items={tags.data}
      error={tags.error}
      noun="tags"
      empty={<Text size="sm">No tags yet. Add the first from a conversation: the tag button under its subject.</Text>}
      columns={['Tag', 'Used on']}
      cells={(tag) => (
        <>
          <Table.Td>
            <TagChips tags={[tag]} size="sm" />
          </Table.Td>
          <Table.Td>
            <Text size="sm">{conversationsCount(tag.conversations)}</Text>
          </Table.Td>
        </>
      )}
      rowTestId="tag-setting"
      canEdit={canEdit}
      editing={editing}
      editor={(tag) => <TagEditForm tag={tag} onDone={() => setEditing(null)} />}
      onEdit={(tag) => setEditing(tag.id)}
      editLabel={(tag) => `Rename or recolour ${tag.name}`}
      deleteTitle={(tag) => `Delete the tag “${tag.name}”?`}
      deleteDescription={(tag) => (
        <Text size="sm">
          {tag.conversations === 0 ? 'No conversation carries it.' : `It comes off ${conversationsCount(tag.conversations)}. The conversations themselves stay as they are.`} This cannot be undone.
        </Text>
      )}
      confirmLabel="Delete tag"
      remove={remove}
    />
  );
}
