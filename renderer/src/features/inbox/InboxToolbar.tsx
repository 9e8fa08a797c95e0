import { CloseButton, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { Channel, QueueSort } from '../../../../shared/contract/domain';
import { DEFAULT_INBOX_VIEW, type InboxView } from '../../../../shared/contract/views';
import { memo, useRef } from 'react';
import { useCommand } from '../commands/CommandProvider';
import { TagFilter } from '../triage/TagFilter';
import { TeamFilter } from '../teams/TeamFilter';
import { SavedViews } from './SavedViews';
import { ASSIGNEE_OPTIONS, CHANNEL_OPTIONS, MOOD_OPTIONS, SORT_OPTIONS, STATUS_OPTIONS } from './queueOptions';
import { useQueueCommands } from './useQueueCommands';

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

/** The search box and the queue's filters (memoised: opening a conversation changes none of its props). */
export const InboxToolbar = memo(function InboxToolbar({ view, onView, query, onQuery }: Props) {
  const searchRef = useRef<HTMLInputElement>(null);
  useCommand('search.focus', () => searchRef.current?.focus());
  useQueueCommands(view, onView);
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
        data={CHANNEL_OPTIONS}
      />
      <SimpleGrid cols={2} spacing={6} verticalSpacing={6}>
        <Select
          size="xs"
          aria-label="Status"
          allowDeselect={false}
          value={view.status}
          onChange={(value) => set('status', (value ?? 'all') as QueueView['status'])}
          data={STATUS_OPTIONS}
        />
        <Select
          size="xs"
          aria-label="Assignee"
          allowDeselect={false}
          value={view.assignee}
          onChange={(value) => set('assignee', (value ?? 'anyone') as QueueView['assignee'])}
          data={ASSIGNEE_OPTIONS}
        />
        <Select
          size="xs"
          aria-label="Mood"
          allowDeselect={false}
          value={view.mood}
          onChange={(value) => set('mood', (value ?? 'any') as QueueView['mood'])}
          data={MOOD_OPTIONS}
        />
        <TagFilter value={view.tag} onChange={(value) => set('tag', value)} />
        <TeamFilter value={view.team} onChange={(value) => set('team', value)} />
        {/* the sort across both columns: its longer choices ("Time left to target") are read whole */}
        <Select
          size="xs"
          aria-label="Sort"
          style={{ gridColumn: '1 / -1' }}
          allowDeselect={false}
          value={view.sort}
          onChange={(value) => set('sort', (value ?? 'recent') as QueueSort)}
          data={SORT_OPTIONS}
        />
      </SimpleGrid>
      <SavedViews view={view} onView={onView} />
    </Stack>
  );
});
