import { ActionIcon, Button, Group, Popover, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconCheck, IconDeviceFloppy, IconSettings, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { SAVED_VIEW_NAME_MAX, SAVED_VIEWS_MAX, sameView, type InboxView, type SavedView } from '../../../../shared/contract/views';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';

interface Props {
  view: InboxView;
  onView: (view: InboxView) => void;
}

/** The person's saved views of the inbox, one click each (with how many conversations are in them), and saving the view shown as a new one. */
export function SavedViews({ view, onView }: Props) {
  const client = useClient();
  const views = useQuery({ queryKey: queryKeys.views, queryFn: () => client.call('views.list', {}), staleTime: 30_000 });
  const saved = views.data?.saved ?? [];
  const current = saved.find((candidate) => sameView(candidate.view, view)) ?? null;
  return (
    <Group gap={4} wrap="wrap" data-testid="saved-views">
      <Group gap={4} wrap="wrap" role="list" aria-label="Saved views">
        {saved.map((candidate) => (
          <div key={candidate.id} role="listitem">
            <Button
              size="compact-xs"
              variant={candidate.id === current?.id ? 'light' : 'subtle'}
              color={candidate.id === current?.id ? 'teal' : 'gray'}
              aria-current={candidate.id === current?.id ? 'true' : undefined}
              onClick={() => onView(candidate.view)}
              title={`${candidate.name}: ${candidate.count.toLocaleString()} conversation${candidate.count === 1 ? '' : 's'}`}
            >
              {candidate.name}
              <Text span size="xs" c="dimmed" ml={4} fw={500}>
                {candidate.count.toLocaleString()}
              </Text>
            </Button>
          </div>
        ))}
      </Group>
      {!current && saved.length < SAVED_VIEWS_MAX && <SaveView view={view} />}
      {saved.length > 0 && <ManageViews saved={saved} />}
    </Group>
  );
}

function useViewsChanged() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: queryKeys.views });
}

function SaveView({ view }: { view: InboxView }) {
  const client = useClient();
  const changed = useViewsChanged();
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const save = useMutation({
    mutationFn: () => client.call('views.save', { name, view }),
    onSuccess: () => {
      changed();
      setOpened(false);
      setName('');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconDeviceFloppy size={14} aria-hidden />} onClick={() => setOpened((open) => !open)}>
          Save view
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={submit} aria-label="Save this view">
          <Stack gap={6} w={240}>
            <Text size="xs" c="dimmed">
              Saves these filters and this order under a name, for you.
            </Text>
            <TextInput
              size="xs"
              label="Name of the view"
              value={name}
              maxLength={SAVED_VIEW_NAME_MAX}
              onChange={(event) => setName(event.currentTarget.value)}
              error={save.error?.message}
              data-autofocus
            />
            <Button size="xs" type="submit" loading={save.isPending} disabled={!name.trim()}>
              Save
            </Button>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}

function ManageViews({ saved }: { saved: SavedView[] }) {
  return (
    <Popover position="bottom-start" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <ActionIcon size="sm" variant="subtle" color="gray" aria-label="Rename or delete saved views" title="Rename or delete saved views">
          <IconSettings size={14} aria-hidden />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown aria-label="Your saved views">
        <Stack gap={6} w={280}>
          <Text size="xs" fw={600}>
            Your saved views ({saved.length} of at most {SAVED_VIEWS_MAX})
          </Text>
          {saved.map((view) => (
            <ManagedView key={`${view.id}:${view.name}`} view={view} />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

function ManagedView({ view }: { view: SavedView }) {
  const client = useClient();
  const changed = useViewsChanged();
  const [name, setName] = useState(view.name);
  const rename = useMutation({ mutationFn: () => client.call('views.save', { id: view.id, name, view: view.view }), onSuccess: changed });
  const remove = useMutation({ mutationFn: () => client.call('views.delete', { id: view.id }), onSuccess: changed });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() !== view.name) rename.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Group gap={4} wrap="nowrap" align="flex-start">
        <TextInput
          size="xs"
          style={{ flex: 1 }}
          aria-label={`Name of the view ${view.name}`}
          value={name}
          maxLength={SAVED_VIEW_NAME_MAX}
          onChange={(event) => setName(event.currentTarget.value)}
          error={rename.error?.message ?? remove.error?.message}
        />
        <ActionIcon type="submit" size="md" variant="subtle" aria-label={`Rename ${view.name}`} disabled={!name.trim() || name.trim() === view.name} loading={rename.isPending}>
          <IconCheck size={14} aria-hidden />
        </ActionIcon>
        <ActionIcon size="md" variant="subtle" color="red" aria-label={`Delete ${view.name}`} onClick={() => remove.mutate()} loading={remove.isPending}>
          <IconTrash size={14} aria-hidden />
        </ActionIcon>
      </Group>
    </form>
  );
}
