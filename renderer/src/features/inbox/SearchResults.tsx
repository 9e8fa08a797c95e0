import { Anchor, Text } from '@mantine/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { SearchHit } from '../../../../shared/contract/domain';
import type { MethodInput } from '../../../../shared/contract/methods';
import { queryStatus } from '../../lib/queryStatus';
import { useClient } from '../../api/ClientContext';
import type { KinshipClient } from '../../api/client';
import { queryKeys } from '../../app/queryKeys';
import { CHANNEL_LOOK } from './channelLook';
import type { QueueView } from './InboxToolbar';
import { hitHeight, SearchHitRow } from './SearchHitRow';

interface Props {
  query: string;
  /** The queue's filters: the search looks only where they do, and says so. */
  view: QueueView;
  selectedMessageId: number | null;
  onOpen: (conversationId: number, messageId: number | null) => void;
  /** Clears the filters, to search everywhere. */
  onSearchEverywhere: () => void;
}

const NO_HITS: SearchHit[] = [];
const LIMIT = 100;

const STATUS_FILTER_LABEL: Record<QueueView['status'], string | null> = {
  all: null,
  active: 'open work',
  breached: 'past its response target',
  open: 'open',
  pending: 'pending',
  snoozed: 'snoozed',
  resolved: 'resolved',
};

/** The filters of the view as the search call takes them (only those that narrow it). */
export function searchFilter(view: QueueView): Omit<MethodInput<'messages.search'>, 'query' | 'limit'> {
  return {
    ...(view.channel !== 'all' ? { channel: view.channel } : {}),
    ...(view.status === 'breached' ? { status: 'active' as const, breached: true as const } : view.status !== 'all' ? { status: view.status } : {}),
    ...(view.tag !== 'any' ? { tagId: view.tag } : {}),
    ...(view.assignee !== 'anyone' ? { assignee: view.assignee } : {}),
    ...(view.mood !== 'any' ? { mood: view.mood } : {}),
    ...(view.team !== 'any' ? { team: view.team } : {}),
  };
}

/**
 * The search the results show, as one definition: the results read it, and the search box starts
 * it as soon as typing pauses — before the address takes it and the results are drawn.
 */
export function searchQuery(client: KinshipClient, query: string, view: QueueView) {
  const filter = searchFilter(view);
  return queryOptions({
    queryKey: queryKeys.search(query, filter),
    queryFn: () => client.call('messages.search', { query, limit: LIMIT, ...filter }),
  });
}

/** The filters that apply, in words ("e-mail, open work, mine"); null when none do. */
function filterWords(view: QueueView): string | null {
  const words = [
    view.channel !== 'all' ? CHANNEL_LOOK[view.channel].label.toLowerCase() : null,
    STATUS_FILTER_LABEL[view.status],
    view.assignee === 'me' ? 'mine' : view.assignee === 'unassigned' ? 'unassigned' : null,
    view.mood !== 'any' ? `${view.mood} customers` : null,
    view.tag !== 'any' ? 'the chosen tag' : null,
    view.team === 'mine' ? 'my teams' : view.team !== 'any' ? 'the chosen team' : null,
  ].filter((word): word is string => word !== null);
  return words.length ? new Intl.ListFormat('en-GB', { style: 'short', type: 'conjunction' }).format(words) : null;
}

/**
 * Conversations matching the search — by subject, customer (name, e-mail, phone) or messages —
 * each once, saying why it matched; opening one shows its best-matching message. The queue's
 * filters apply and are named above the results.
 */
export function SearchResults({ query, view, selectedMessageId, onOpen, onSearchEverywhere }: Props) {
  const client = useClient();
  const scrollRef = useRef<HTMLDivElement>(null);
  const search = useQuery({ ...searchQuery(client, query, view), placeholderData: (previous) => previous });
  const hits = search.data?.hits ?? NO_HITS;
  // only the hits in view are drawn (a hundred snippets with highlights are costly to lay out at
  // once), each in a slot of known height: nothing is measured before they show
  const virtualizer = useVirtualizer({
    count: hits.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => hitHeight(hits[index]!),
    getItemKey: (index) => hits[index]!.conversationId,
    overscan: 4,
    // the list's box is made in the same render as the hits: until it is measured, the window's
    // height stands for it, so the hits are drawn in the render that brings them (not one after)
    initialRect: { width: 0, height: window.innerHeight },
  });
  const status = queryStatus(search, 'Searching');
  if (status || !search.data) return status;
  const { tookMs } = search.data;
  const within = filterWords(view);
  return (
    <>
      <Text size="xs" c="dimmed" px="sm" py={6} aria-live="polite" data-testid="search-summary">
        {hits.length === 0 ? 'No conversations match' : `${hits.length}${hits.length === LIMIT ? '+' : ''} conversation${hits.length === 1 ? '' : 's'} match`}
        {within ? ` — only ${within}` : ' — everywhere'}
        {within ? (
          <>
            {' · '}
            <Anchor component="button" type="button" size="xs" onClick={onSearchEverywhere}>
              Search everywhere
            </Anchor>
          </>
        ) : null}
        {' · '}
        <span style={{ whiteSpace: 'nowrap' }}>{tookMs} ms</span>
      </Text>
      <div ref={scrollRef} style={{ flex: 1, overflowY: 'auto' }} role="region" aria-label="Search results">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const hit = hits[row.index]!;
            const messageId = hit.message?.id ?? null;
            return (
              <div key={row.key} style={{ position: 'absolute', top: 0, left: 0, width: '100%', height: row.size, transform: `translateY(${row.start}px)` }}>
                <SearchHitRow hit={hit} selected={messageId !== null && messageId === selectedMessageId} onOpen={onOpen} />
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
