import { Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useEffectEvent } from 'react';
import { usePagedVirtualList } from '../../lib/usePagedVirtualList';
import { queryStatus } from '../../lib/queryStatus';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';
import { ConversationRow } from './ConversationRow';
import type { QueueView } from './InboxToolbar';

const PAGE_SIZE = 200;
const ROW_HEIGHT = 82;

interface Props {
  view: QueueView;
  selectedId: number | null;
  onOpen: (id: number) => void;
  /** Told the ids in the order shown, for moving through them with the keyboard. */
  onItems?: (ids: number[]) => void;
}

/** Every conversation, newest first, fetched page by page and rendered only where visible. */
export function ConversationList({ view, selectedId, onOpen, onItems }: Props) {
  const client = useClient();
  const filter = {
    ...(view.channel !== 'all' ? { channel: view.channel } : {}),
    ...(view.status === 'breached' ? { status: 'active' as const, breached: true as const } : view.status !== 'all' ? { status: view.status } : {}),
    ...(view.tag !== 'any' ? { tagId: view.tag } : {}),
    ...(view.assignee !== 'anyone' ? { assignee: view.assignee } : {}),
    ...(view.mood !== 'any' ? { mood: view.mood } : {}),
    sort: view.sort,
  };
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
      <Text size="xs" c="dimmed" px="sm" py={6} aria-live="polite">
        {total.toLocaleString()} conversation{total === 1 ? '' : 's'}
      </Text>
      <div ref={scrollRef} style={{ flex: 1, overflowY: 'auto' }} aria-label="Conversations" role="region">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualItems.map((row) => {
            const conversation = items[row.index]!;
            return (
              <div
                key={conversation.id}
                style={{ position: 'absolute', top: 0, left: 0, width: '100%', height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
              >
                <ConversationRow conversation={conversation} selected={conversation.id === selectedId} onOpen={onOpen} />
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
