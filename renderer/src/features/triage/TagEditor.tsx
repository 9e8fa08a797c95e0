import { ActionIcon, Autocomplete, Button, Group, Popover, Stack, Text, Tooltip } from '@mantine/core';
import { IconTag } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { TAG_NAME_MAX, normaliseTagName, type Tag, type TagColor } from '../../../../shared/contract/triage';
import { usePaletteActions, type PaletteAction } from '../commands/CommandProvider';
import { TagChips } from './TagChips';
import { TagColorPicker } from './TagColorPicker';
import { useTagActions, useTagList } from './useTriage';

interface Props {
  conversationId: number;
  tags: Tag[];
  /** Whether the palette's tag actions act on this conversation (the focused one of two). */
  commandsEnabled?: boolean;
}

/** The conversation's tags, each removable, and a way to add one (an existing tag or a new name). */
export function TagEditor({ conversationId, tags, commandsEnabled = true }: Props) {
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const [color, setColor] = useState<TagColor | null>(null);
  const all = useTagList();
  const { add, remove } = useTagActions(conversationId);
  const onIt = useMemo(() => new Set(tags.map((tag) => tag.name.toLowerCase())), [tags]);
  const suggestions = useMemo(() => (all.data ?? []).filter((tag) => !onIt.has(tag.name.toLowerCase())).map((tag) => tag.name), [all.data, onIt]);
  const typed = normaliseTagName(name);
  const existing = (all.data ?? []).find((tag) => tag.name.toLowerCase() === typed.toLowerCase()) ?? null;

  const submit = (value = name) => {
    const clean = normaliseTagName(value);
    if (!clean) return;
    add.mutate(
      { name: clean, color },
      {
        onSuccess: () => {
          setName('');
          setColor(null);
          setOpened(false);
        },
      },
    );
  };

  const { mutate: removeTag } = remove;
  const paletteActions = useMemo<PaletteAction[]>(
    () => [
      { id: 'tags-add', label: 'Tag this conversation…', run: () => setOpened(true) },
      ...tags.map((tag) => ({ id: `tags-remove-${tag.id}`, label: `Remove tag: ${tag.name}`, run: () => removeTag(tag.id) })),
    ],
    [tags, removeTag],
  );
  usePaletteActions(paletteActions, commandsEnabled);

  return (
    <Group gap={6} wrap="wrap" data-testid="conversation-tags">
      <TagChips tags={tags} size="sm" onRemove={(tag) => remove.mutate(tag.id)} />
      <Popover opened={opened} onChange={setOpened} position="bottom-start" withinPortal trapFocus shadow="md">
        <Popover.Target>
          {/* not over the header while its own popover is open */}
          <Tooltip label="Add a tag" withinPortal disabled={opened}>
            <ActionIcon variant="subtle" color="gray" size="sm" aria-label="Add a tag" onClick={() => setOpened((open) => !open)}>
              <IconTag size={14} />
            </ActionIcon>
          </Tooltip>
        </Popover.Target>
        <Popover.Dropdown>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            <Stack gap="xs" w={260}>
              <Autocomplete
                label="Tag name"
                placeholder="Find or make a tag"
                data={suggestions}
                value={name}
                onChange={setName}
                onOptionSubmit={(value) => submit(value)}
                maxLength={TAG_NAME_MAX + 5}
                limit={12}
                data-autofocus
                error={add.error?.message}
              />
              {typed && !existing && (
                <>
                  <Text size="xs" c="dimmed">
                    A new tag. Colour (optional):
                  </Text>
                  <TagColorPicker value={color} onChange={setColor} label="Colour of the new tag" />
                </>
              )}
              <Button type="submit" size="xs" disabled={!typed} loading={add.isPending}>
                {existing || !typed ? 'Add tag' : `Make tag “${typed}”`}
              </Button>
            </Stack>
          </form>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
