import { CloseButton, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { Channel } from '../../../../shared/contract/domain';
import { CHANNEL_LOOK } from './channelLook';

export type ChannelFilter = Channel | 'all';

interface Props {
  channel: ChannelFilter;
  onChannel: (channel: ChannelFilter) => void;
  query: string;
  onQuery: (query: string) => void;
}

export function InboxToolbar({ channel, onChannel, query, onQuery }: Props) {
  return (
    <Stack gap="xs" p="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <TextInput
        aria-label="Search all messages"
        placeholder="Search all messages"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(event) => onQuery(event.currentTarget.value)}
        rightSection={query ? <CloseButton aria-label="Clear search" onClick={() => onQuery('')} /> : null}
      />
      <SegmentedControl
        aria-label="Channel"
        size="xs"
        fullWidth
        value={channel}
        onChange={(value) => onChannel(value as ChannelFilter)}
        data={[
          { value: 'all', label: 'All' },
          ...(['chat', 'email', 'voice'] as const).map((value) => ({ value, label: CHANNEL_LOOK[value].label })),
        ]}
      />
    </Stack>
  );
}
