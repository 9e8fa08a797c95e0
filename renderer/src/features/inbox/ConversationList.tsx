import { Group, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { memo, useEffect, useEffectEvent } from 'react';
import { usePagedVirtualList } from '../../lib/usePagedVirtualList';
import { queryStatus } from '../../lib/queryStatus';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';
import { ConversationRow } from './ConversationRow';
import type { QueueView } from './InboxToolbar';
import { viewFilter } from '../../../../shared/contract/views';
import { SORT_EXPLAINED } from './sortExplained';
import { MarksLegend } from './MarksLegend';
import { useActivity } from '../live/useLive';

const PAGE_SIZE = 200;
const ROW_HEIGHT = 82;

interface Props {
  view: QueueView;
  selectedId: number | null;
  onOpen: (id: number) => void;
  /** Told the ids in the order shown, for moving through them with the keyboard. */
  onItems?: (ids: number[]) => void;
}

/**
 * The conversations in the view, in its order, fetched page by page and rendered only where visible.
 * Memoised: the page around it re-renders when an opened conversation arrives, and none of its props change then.
 */
export const ConversationList = memo(function ConversationList({ view, selectedId, onOpen, onItems }: Props) {
  const client = useClient();
  // who else is viewing or typing where: read once for the list, handed to each row
  const activity = useActivity();
  const { filter: where, sort } = viewFilter(view);
  const filter = { ...where, sort };
  const list = useInfiniteQuery({
    queryKey: queryKeys.conversations(filter),
    queryFn: ({ pageParam }) => client.call('conversations.list', { ...filter, limit: PAGE_SIZE, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((sum, page) => sum + page.items.length, 0);
      return loaded < last.total ? loaded : undefined;
    },
  });
  const { items, total, scrollRef, virtualizer, virtualItems } = usePagedVirtualList(list, ROW_HEIGHT, 10);

  useEffect(() => onItems?.(items.map((item) => item.id)), [items, onItems]);
  // keep the open conversation in sight when the keyboard moves to it
  // (only when the selection moves: new pages arriving must not pull the list back to it)
  const revealSelected = useEffectEvent(() => {
    const index = items.findIndex((item) => item.id === selectedId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  });
  useEffect(() => revealSelected(), [selectedId]);

  const status = queryStatus(list, 'Loading conversations');
  if (status) return status;
  return (
    <>
      <Group gap={4} px="sm" py={4} wrap="nowrap" justify="space-between">
        <Text size="xs" c="dimmed" aria-live="polite" title={SORT_EXPLAINED[sort].long}>
          <span data-testid="queue-count">
            {total.toLocaleString()} conversation{total === 1 ? '' : 's'}
          </span>
          {` · ${SORT_EXPLAINED[sort].short}`}
        </Text>
        <MarksLegend />
      </Group>
      <div ref={scrollRef} style={{ flex: 1, overflowY: 'auto' }} aria-label="Conversations" role="region" aria-busy={list.isFetching && !list.isFetchingNextPage}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualItems.map((row) => {
            const conversation = items[row.index]!;
            return (
              <div
                key={conversation.id}
                style={{ position: 'absolute', top: 0, left: 0, width: '100%', height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
              >
                <ConversationRow conversation={conversation} selected={conversation.id === selectedId} onOpen={onOpen} activity={activity.get(conversation.id)} />
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
});
