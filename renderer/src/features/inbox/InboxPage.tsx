import { Center, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconInbox } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClient } from '../../api/ClientContext';
import { useCommand } from '../commands/CommandProvider';
import { ConversationView } from '../conversation/ConversationView';
import { conversationQuery } from '../conversation/conversationQuery';
import { PaneActions } from '../conversation/PaneActions';
import { CustomerAside } from '../customer/CustomerAside';
import { ConversationList } from './ConversationList';
import { InboxToolbar, type QueueView } from './InboxToolbar';
import { changeInboxPlace, currentInboxPlace, useInboxPlace } from './inboxPlace';
import { SearchResults, searchQuery } from './SearchResults';
import { PaneBoundary } from '../../lib/PaneBoundary';

/** One list for every channel beside the open conversation; search reaches every message. */
export function InboxPage() {
  const client = useClient();
  // the view, the search and the open conversation are the address's (see inboxPlace): kept across pages, reloads and links
  const { place } = useInboxPlace();
  const view = place.view;
  const setView = useCallback((next: QueueView) => changeInboxPlace((current) => ({ ...current, view: next })), []);
  const [query, setQuery] = useState(place.query);
  const [debouncedQuery] = useDebouncedValue(query.trim(), 200);
  // what was typed reaches the address once typing pauses (in place: a search is not a step back)…
  // (the search itself leaves first: the results find it under way when the address brings them)
  const queryWritten = useRef(place.query);
  const queryClient = useQueryClient();
  useEffect(() => {
    const current = currentInboxPlace();
    if (debouncedQuery === current.query) return;
    if (debouncedQuery) void queryClient.prefetchQuery(searchQuery(client, debouncedQuery, current.view));
    queryWritten.current = debouncedQuery;
    changeInboxPlace((place) => ({ ...place, query: debouncedQuery }), { replace: true });
  }, [debouncedQuery, client, queryClient]);
  // …and a search the address brings (back, forward, a link) shows in the box, while one being typed is left alone
  useEffect(() => {
    if (place.query === queryWritten.current) return;
    queryWritten.current = place.query;
    setQuery(place.query);
  }, [place.query]);
  const searching = place.query;
  const selection = useMemo(
    () => (place.conversationId === null ? null : { conversationId: place.conversationId, messageId: place.messageId }),
    [place],
  );
  // stable, so the queue's rows (memoised) do not all re-render when one is opened
  // the conversation's read leaves on the click itself, before the address changes and anything is drawn
  const openConversation = useCallback(
    (conversationId: number, messageId: number | null = null) => {
      void queryClient.prefetchQuery(conversationQuery(client, conversationId, messageId));
      changeInboxPlace((current) => ({ ...current, conversationId, messageId }));
    },
    [client, queryClient],
  );
  // this person opens the inbox here next time (on any console)
  useEffect(() => {
    void client.call('views.remember', { place }).catch(() => undefined);
  }, [client, place]);
  /** A second conversation kept open beside the first, each with its own composer. */
  const [beside, setBeside] = useState<number | null>(null);
  const [activePane, setActivePane] = useState<'main' | 'beside'>('main');
  useCommand('conversation.keepBeside', () => {
    if (!selection) return;
    setBeside(selection.conversationId);
    setActivePane('main');
  }, selection !== null && activePane === 'main');
  useCommand('conversation.closeBeside', () => {
    setBeside(null);
    setActivePane('main');
  }, beside !== null);
  useCommand('conversation.popOut', () => {
    const id = activePane === 'beside' ? beside : selection?.conversationId;
    if (id) client.openConversationWindow(id);
  }, selection !== null || beside !== null);

  // the queue, the open conversations and the customer panel are kept live by the app's liveUpdates

  // the customer of the conversation being worked in (the focused one of two), for the panel beside it
  // (read from the conversation already in the cache)
  const workingId = activePane === 'beside' && beside !== null ? beside : (selection?.conversationId ?? null);
  const workingAround = activePane === 'beside' ? null : (selection?.messageId ?? null);
  const openDetail = useQuery({ ...conversationQuery(client, workingId ?? 0, workingAround), enabled: workingId !== null });
  const openCustomerId = openDetail.data?.customer.id ?? null;

  // the keyboard moves through the list as shown
  const shownIds = useRef<number[]>([]);
  const onItems = useCallback((ids: number[]) => {
    shownIds.current = ids;
  }, []);
  const move = (step: number) => {
    const ids = shownIds.current;
    if (!ids.length) return;
    const at = selection ? ids.indexOf(selection.conversationId) : -1;
    const next = ids[Math.min(ids.length - 1, Math.max(0, at === -1 ? 0 : at + step))]!;
    openConversation(next);
  };
  useCommand('conversation.next', () => move(1), !searching);
  useCommand('conversation.previous', () => move(-1), !searching);
  useCommand('conversation.nextWaiting', () => {
    void client.call('conversations.list', { status: 'active', sort: 'waiting', limit: 1 }).then(({ items }) => {
      if (items[0]) openConversation(items[0].id);
    });
  });

  return (
    <div style={{ display: 'grid', gridTemplateColumns: `minmax(280px, 26%) minmax(0, 1fr) ${beside !== null ? 'minmax(0, 1fr) ' : ''}auto`, height: '100%' }}>
      <section
        aria-label="Inbox"
        style={{ display: 'flex', flexDirection: 'column', minHeight: 0, borderRight: '1px solid var(--mantine-color-gray-3)' }}
      >
        <InboxToolbar view={view} onView={setView} query={query} onQuery={setQuery} />
        <PaneBoundary what={searching ? 'The search results' : 'The queue'} resetKeys={[searching, view]}>
        {searching ? (
          <SearchResults
            query={searching}
            view={view}
            onSearchEverywhere={() => setView({ ...view, channel: 'all', status: 'all', assignee: 'anyone', mood: 'any', tag: 'any' })}
            selectedMessageId={selection?.messageId ?? null}
            onOpen={openConversation}
          />
        ) : (
          <ConversationList
            view={view}
            onItems={onItems}
            selectedId={selection?.conversationId ?? null}
            onOpen={openConversation}
          />
        )}
        </PaneBoundary>
      </section>
      <section
        aria-label="Conversation"
        style={{ minHeight: 0, minWidth: 0 }}
        onFocusCapture={() => setActivePane('main')}
        onMouseDownCapture={() => setActivePane('main')}
      >
        {selection ? (
          <PaneBoundary what="This conversation" resetKeys={[selection.conversationId, selection.messageId]}>
          <ConversationView
            conversationId={selection.conversationId}
            focusMessageId={selection.messageId}
            commandsEnabled={activePane === 'main'}
            headerActions={<PaneActions conversationId={selection.conversationId} onKeepBeside={selection.conversationId !== beside ? () => setBeside(selection.conversationId) : undefined} />}
            onShowNewest={() => openConversation(selection.conversationId)}
          />
          </PaneBoundary>
        ) : (
          <Center h="100%">
            <Stack align="center" gap={4}>
              <IconInbox size={40} color="var(--mantine-color-gray-5)" aria-hidden />
              <Text c="dimmed">Choose a conversation to read it.</Text>
            </Stack>
          </Center>
        )}
      </section>
      {beside !== null && (
        <section
          aria-label="Conversation kept beside"
          style={{ minHeight: 0, minWidth: 0, borderLeft: '2px solid var(--mantine-color-teal-3)' }}
          onFocusCapture={() => setActivePane('beside')}
          onMouseDownCapture={() => setActivePane('beside')}
        >
          <PaneBoundary what="This conversation" resetKeys={[beside]}>
            <ConversationView
              conversationId={beside}
              focusMessageId={null}
              commandsEnabled={activePane === 'beside'}
              headerActions={<PaneActions conversationId={beside} onClose={() => setBeside(null)} />}
            />
          </PaneBoundary>
        </section>
      )}
      <CustomerAside customerId={openCustomerId} currentConversationId={workingId} onOpen={openConversation} />
    </div>
  );
}
