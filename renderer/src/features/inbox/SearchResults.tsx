import { Group, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { SearchHit } from '../../../../shared/contract/domain';
import { queryStatus } from '../../lib/queryStatus';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';
import { MarkedText } from '../../lib/MarkedText';
import { listTime } from '../../lib/time';
import { CHANNEL_LOOK } from './channelLook';
import classes from './ConversationRow.module.css';

interface Props {
  query: string;
  selectedMessageId: number | null;
  onOpen: (conversationId: number, messageId: number) => void;
}

const NO_HITS: SearchHit[] = [];

/** Messages matching the search, best first, each opening its conversation at that message. */
export function SearchResults({ query, selectedMessageId, onOpen }: Props) {
  const client = useClient();
  const scrollRef = useRef<HTMLDivElement>(null);
  const search = useQuery({
    queryKey: queryKeys.search(query),
    queryFn: () => client.call('messages.search', { query, limit: 100 }),
    placeholderData: (previous) => previous,
  });
  const hits = search.data?.hits ?? NO_HITS;
  // only the hits in view are drawn: a hundred snippets with highlights are costly to lay out at once
  const virtualizer = useVirtualizer({
    count: hits.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 84,
    getItemKey: (index) => hits[index]!.messageId,
    overscan: 4,
  });
  const status = queryStatus(search, 'Searching');
  if (status || !search.data) return status;
  const { tookMs } = search.data;
  return (
    <>
      <Text size="xs" c="dimmed" px="sm" py={6} aria-live="polite">
        {hits.length === 0 ? 'No messages match' : `${hits.length}${hits.length === 100 ? '+' : ''} message${hits.length === 1 ? '' : 's'} match`}
        {` · ${tookMs} ms`}
      </Text>
      <div ref={scrollRef} style={{ flex: 1, overflowY: 'auto' }} role="region" aria-label="Search results">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const hit = hits[row.index]!;
          const channel = CHANNEL_LOOK[hit.channel];
          const Icon = channel.icon;
          return (
            <UnstyledButton
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}
              className={classes.row}
              data-selected={hit.messageId === selectedMessageId || undefined}
              onClick={() => onOpen(hit.conversationId, hit.messageId)}
              data-testid="search-hit"
            >
              <Icon size={18} color={`var(--mantine-color-${channel.color}-6)`} aria-label={channel.label} className={classes.icon} />
              <div className={classes.body}>
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={600} size="sm" truncate>
                    <bdi>{hit.customerName}</bdi>
                  </Text>
                  <Text size="xs" c="dimmed">
                    {listTime(hit.sentAt)}
                  </Text>
                </Group>
                <Text size="xs" c="dark.5" lineClamp={3} dir="auto">
                  <MarkedText text={hit.snippet} />
                </Text>
              </div>
            </UnstyledButton>
          );
        })}
        </div>
      </div>
    </>
  );
}
