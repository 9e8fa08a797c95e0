import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';

/** How near the end of what is loaded the next page is asked for. */
const READ_AHEAD_ROWS = 20;

/**
 * A long list read page by page (an infinite query of `{ items, total }` pages) and drawn only
 * where it can be seen; the next page is read as the reader nears the end of the loaded rows.
 */
export function usePagedVirtualList<Item>(
  list: UseInfiniteQueryResult<InfiniteData<{ items: Item[]; total: number }>>,
  rowHeight: number,
  overscan: number,
) {
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastVisible = virtualItems[virtualItems.length - 1]?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastVisible >= items.length - READ_AHEAD_ROWS) void fetchNextPage();
  }, [lastVisible, items.length, hasNextPage, isFetchingNextPage, fetchNextPage]);
  return { items, total, scrollRef, virtualizer, virtualItems };
}
