import { Anchor, Badge, Group, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { SearchField, SearchHit } from '../../../../shared/contract/domain';
import type { MethodInput } from '../../../../shared/contract/methods';
import { queryStatus } from '../../lib/queryStatus';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';
import { MarkedText } from '../../lib/MarkedText';
import { listTime } from '../../lib/time';
import { CHANNEL_LOOK, STATUS_LOOK } from './channelLook';
import type { QueueView } from './InboxToolbar';
import classes from './ConversationRow.module.css';

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

const FIELD_LABEL: Record<Exclude<SearchField, 'message'>, string> = {
  subject: 'Subject',
  customer: 'Customer',
  email: 'E-mail address',
  phone: 'Phone number',
  handle: 'Chat handle',
};

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
  };
}

/** The filters that apply, in words ("e-mail, open work, mine"); null when none do. */
function filterWords(view: QueueView): string | null {
  const words = [
    view.channel !== 'all' ? CHANNEL_LOOK[view.channel].label.toLowerCase() : null,
    STATUS_FILTER_LABEL[view.status],
    view.assignee === 'me' ? 'mine' : view.assignee === 'unassigned' ? 'unassigned' : null,
    view.mood !== 'any' ? `${view.mood} customers` : null,
    view.tag !== 'any' ? 'the chosen tag' : null,
  ].filter((word): word is string => word !== null);
  return words.length ? new Intl.ListFormat('en-GB', { style: 'short', type: 'conjunction' }).format(words) : null;
}

/** Why a hit was found, in words: "Subject · Customer · 3 messages". */
function why(hit: SearchHit): string {
  const fields = hit.matchedIn.filter((field): field is Exclude<SearchField, 'message'> => field !== 'message').map((field) => FIELD_LABEL[field]);
  const messages = hit.messageMatches > 0 ? [`${hit.messageMatches} message${hit.messageMatches === 1 ? '' : 's'}`] : [];
  return [...fields, ...messages].join(' · ');
}

/**
 * Conversations matching the search — by subject, customer (name, e-mail, phone) or messages —
 * each once, saying why it matched; opening one shows its best-matching message. The queue's
 * filters apply and are named above the results.
 */
export function SearchResults({ query, view, selectedMessageId, onOpen, onSearchEverywhere }: Props) {
  const client = useClient();
  const scrollRef = useRef<HTMLDivElement>(null);
  const filter = searchFilter(view);
  const search = useQuery({
    queryKey: queryKeys.search(query, filter),
    queryFn: () => client.call('messages.search', { query, limit: LIMIT, ...filter }),
    placeholderData: (previous) => previous,
  });
  const hits = search.data?.hits ?? NO_HITS;
  // only the hits in view are drawn: a hundred snippets with highlights are costly to lay out at once
  const virtualizer = useVirtualizer({
    count: hits.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 96,
    getItemKey: (index) => hits[index]!.conversationId,
    overscan: 4,
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
            const channel = CHANNEL_LOOK[hit.channel];
            const Icon = channel.icon;
            const statusLook = STATUS_LOOK[hit.status];
            const messageId = hit.message?.id ?? null;
            return (
              <UnstyledButton
                key={row.key}
                data-index={row.index}
                ref={virtualizer.measureElement}
                style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}
                className={classes.row}
                data-selected={(messageId !== null && messageId === selectedMessageId) || undefined}
                data-matched={hit.matchedIn.join(' ')}
                data-channel={hit.channel}
                onClick={() => onOpen(hit.conversationId, messageId)}
                data-testid="search-hit"
              >
                <Icon size={18} color={`var(--mantine-color-${channel.color}-6)`} aria-label={channel.label} className={classes.icon} />
                <div className={classes.body}>
                  <Group justify="space-between" wrap="nowrap" gap={6}>
                    <Text fw={600} size="sm" truncate dir="auto">
                      <MarkedText text={hit.customerName} />
                    </Text>
                    <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                      {listTime(hit.message?.sentAt ?? hit.lastMessageAt ?? 0)}
                    </Text>
                  </Group>
                  <Group justify="space-between" wrap="nowrap" gap={6}>
                    <Text size="xs" truncate dir="auto">
                      {hit.subject ? <MarkedText text={hit.subject} /> : <Text span c="dimmed" size="xs">No subject</Text>}
                    </Text>
                    <Badge size="xs" variant="light" color={statusLook.color} style={{ flexShrink: 0 }}>
                      {statusLook.label}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed" truncate data-testid="search-why">
                    Matched: {why(hit)}
                    {hit.identity ? (
                      <>
                        {' — '}
                        <MarkedText text={hit.identity} />
                      </>
                    ) : null}
                  </Text>
                  {hit.message ? (
                    <Text size="xs" c="dark.5" lineClamp={2} dir="auto">
                      <MarkedText text={hit.message.snippet} />
                    </Text>
                  ) : null}
                </div>
              </UnstyledButton>
            );
          })}
        </div>
      </div>
    </>
  );
}
