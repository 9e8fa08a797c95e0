import { Stack, Text } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { KeyboardEvent } from 'react';
import { queryStatus } from '../../lib/queryStatus';
import { usePagedVirtualList } from '../../lib/usePagedVirtualList';
import type { MethodOutput } from '../../../../shared/contract/methods';
import { CUSTOMER_ROW_HEIGHT, CustomerRow, CustomerRowHeader, customerColumnsClass } from './CustomerRow';

type Page = MethodOutput<'customers.list'>;

interface Props {
  list: UseInfiniteQueryResult<InfiniteData<Page>>;
  selectedId: number | null;
  onSelect: (customerId: number) => void;
  /** What to say when the filter matches no one. */
  emptyText: string;
}

/** Customers page by page (100 at a time), rendered only where visible: the store may hold 100,000. */
export function CustomerList({ list, selectedId, onSelect, emptyText }: Props) {
  const { items, total, scrollRef, virtualizer, virtualItems } = usePagedVirtualList(list, CUSTOMER_ROW_HEIGHT, 8);

  // the arrow keys move between rows, scrolling the next one into being first
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const at = Number((event.target as HTMLElement).closest<HTMLElement>('[data-index]')?.dataset.index ?? -1);
    if (at < 0) return;
    event.preventDefault();
    const next = Math.min(items.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)));
    virtualizer.scrollToIndex(next, { align: 'auto' });
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
  };

  const status = queryStatus(list, 'Loading customers');
  if (status) return status;
  return (
    <Stack gap={0} style={{ flex: 1, minHeight: 0 }} className={customerColumnsClass}>
      <Text size="xs" c="dimmed" px="sm" py={6} aria-live="polite">
        {total.toLocaleString()} customer{total === 1 ? '' : 's'}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" px="sm" py="md">
          {emptyText}
        </Text>
      ) : (
        <>
          <CustomerRowHeader />
          <div ref={scrollRef} style={{ flex: 1, overflowY: 'auto', minHeight: 0 }} aria-label="Customers" role="region" onKeyDown={onKeyDown}>
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualItems.map((virtual) => {
                const row = items[virtual.index]!;
                return (
                  <div
                    key={row.customerId}
                    style={{ position: 'absolute', top: 0, left: 0, width: '100%', height: CUSTOMER_ROW_HEIGHT, transform: `translateY(${virtual.start}px)` }}
                  >
                    <CustomerRow row={row} index={virtual.index} selected={row.customerId === selectedId} onSelect={onSelect} />
                  </div>
                );
              })}
            </div>
          </div>
        </>
      )}
    </Stack>
  );
}
