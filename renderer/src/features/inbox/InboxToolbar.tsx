import { CloseButton, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { Channel, QueueSort } from '../../../../shared/contract/domain';
import { DEFAULT_INBOX_VIEW, type InboxView } from '../../../../shared/contract/views';
import { useRef } from 'react';
import { useCommand } from '../commands/CommandProvider';
import { CHANNEL_LOOK } from './channelLook';
import { TagFilter } from '../triage/TagFilter';
import { SavedViews } from './SavedViews';

export type ChannelFilter = Channel | 'all';

/** What the queue shows and in which order; 'all' means no filter. */
export type QueueView = InboxView;

export const DEFAULT_VIEW: QueueView = DEFAULT_INBOX_VIEW;

interface Props {
  view: QueueView;
  onView: (view: QueueView) => void;
  query: string;
  onQuery: (query: string) => void;
}

export function InboxToolbar({ view, onView, query, onQuery }: Props) {
  const searchRef = useRef<HTMLInputElement>(null);
  useCommand('search.focus', () => searchRef.current?.focus());
  const set = <K extends keyof QueueView>(key: K, value: QueueView[K]) => onView({ ...view, [key]: value });
  return (
    <Stack gap="xs" p="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <TextInput
        ref={searchRef}
        aria-label="Search all messages"
        placeholder="Search messages, subjects, names, e-mail, phone"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(event) => onQuery(event.currentTarget.value)}
        rightSection={query ? <CloseButton aria-label="Clear search" onClick={() => onQuery('')} /> : null}
      />
      <SegmentedControl
        aria-label="Channel"
        size="xs"
        fullWidth
        value={view.channel}
        onChange={(value) => set('channel', value as ChannelFilter)}
        data={[
          { value: 'all', label: 'All' },
          ...(['chat', 'email', 'voice'] as const).map((value) => ({ value, label: CHANNEL_LOOK[value].label })),
        ]}
      />
      <SimpleGrid cols={2} spacing={6} verticalSpacing={6}>
        <Select
          size="xs"
          aria-label="Status"
          allowDeselect={false}
          value={view.status}
          onChange={(value) => set('status', (value ?? 'all') as QueueView['status'])}
          data={[
            { value: 'all', label: 'Any status' },
            { value: 'active', label: 'Open work' },
            { value: 'open', label: 'Open' },
            { value: 'pending', label: 'Pending' },
            { value: 'snoozed', label: 'Snoozed' },
            { value: 'resolved', label: 'Resolved' },
            { value: 'breached', label: 'Target breached' },
          ]}
        />
        <Select
          size="xs"
          aria-label="Assignee"
          allowDeselect={false}
          value={view.assignee}
          onChange={(value) => set('assignee', (value ?? 'anyone') as QueueView['assignee'])}
          data={[
            { value: 'anyone', label: 'Anyone’s' },
            { value: 'me', label: 'Mine' },
            { value: 'unassigned', label: 'Unassigned' },
          ]}
        />
        <Select
          size="xs"
          aria-label="Mood"
          allowDeselect={false}
          value={view.mood}
          onChange={(value) => set('mood', (value ?? 'any') as QueueView['mood'])}
          data={[
            { value: 'any', label: 'Any mood' },
            { value: 'upset', label: 'Upset' },
            { value: 'neutral', label: 'Neutral' },
            { value: 'happy', label: 'Happy' },
          ]}
        />
        <Select
          size="xs"
          aria-label="Sort"
          allowDeselect={false}
          value={view.sort}
          onChange={(value) => set('sort', (value ?? 'recent') as QueueSort)}
          data={[
            { value: 'recent', label: 'Newest first' },
            { value: 'waiting', label: 'Waiting longest' },
            { value: 'upset', label: 'Most upset first' },
            { value: 'priority', label: 'Priority, then waiting' },
            { value: 'target', label: 'Time left to target' },
          ]}
        />
        <TagFilter value={view.tag} onChange={(value) => set('tag', value)} />
      </SimpleGrid>
      <SavedViews view={view} onView={onView} />
    </Stack>
  );
}
