import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { CoachPromptView } from '../../../shared/contract/coach';
import type { ConversationSummary, WorkspaceStatus } from '../../../shared/contract/domain';
import type { EventName, EventPayload } from '../../../shared/contract/events';
import { queryKeys } from '../app/queryKeys';
import { coachPromptsKey } from '../features/coach/useCoachPrompts';
import { connectionKeys } from '../features/customer/connectionLook';
import { tagsKey } from '../features/triage/useTriage';
import { assigneesKey } from '../features/conversation/assigneesKey';
import { liveKeys } from '../features/live/liveKeys';
import { peopleKey } from '../features/accounts/peopleKey';
import { teamsKey } from '../features/teams/useTeams';
import { withActivity, withPresence } from '../features/live/useLive';
import type { ConversationActivity, Presence } from '../../../shared/contract/live';
import type { ResumeOutcome } from '../../../shared/contract/live';
import type { KinshipClient } from './client';
import { useClient } from './ClientContext';

/** While indexes are worked out in the background the host reports every few dozen customers; the Customers page's lists refetch at most this often. */
export const CUSTOMER_LISTS_EVERY_MS = 1_500;

type Handlers = { [E in EventName]?: (payload: EventPayload<E>) => void };

/** Whether a customer appears in a page of the queue held in the cache. */
function queueShowsAny(queryClient: QueryClient, customerIds: Set<number>): boolean {
  const shown = queryClient.getQueriesData<InfiniteData<{ items: ConversationSummary[] }>>({ queryKey: queryKeys.allConversations });
  return shown.some(([, data]) => data?.pages?.some((page) => page.items.some((item) => customerIds.has(item.customer.id))));
}

/**
 * What each event from the Node side changes in the cache: the one place the console turns the
 * host's news into fresh screens. Everything that reads through the cache — the queue, an open
 * conversation (beside another or in its own window), the customer panel, the Customers page, the
 * coach — stays live without listening itself.
 */
export function liveUpdateHandlers(queryClient: QueryClient): { handlers: Handlers; stop: () => void } {
  const invalidate = (queryKey: readonly unknown[]) => void queryClient.invalidateQueries({ queryKey });
  let listsTimer: ReturnType<typeof setTimeout> | null = null;
  const refreshCustomerLists = () => {
    if (listsTimer) return;
    listsTimer = setTimeout(() => {
      listsTimer = null;
      invalidate(connectionKeys.allLists);
    }, CUSTOMER_LISTS_EVERY_MS);
  };
  let backlogRunning = false;

  const handlers: Handlers = {
    // a message stored anywhere (a connector, an agent in another window, a call note)
    'message.added': (message) => {
      // the first conversation of an empty workspace: the inbox gives way from "No conversations yet" to the queue
      if (queryClient.getQueryData<WorkspaceStatus>(queryKeys.status)?.counts.conversations === 0) invalidate(queryKeys.status);
      invalidate(queryKeys.allConversations);
      invalidate(queryKeys.conversation(message.conversationId));
      invalidate(queryKeys.customerProfile(message.customerId));
    },
    // a message read: its badge, the conversation's track, the queue's mood
    'analysis.result': (result) => {
      if (result.conversationId === null || result.messageId === null) return;
      invalidate(queryKeys.conversation(result.conversationId));
      invalidate(queryKeys.track(result.conversationId));
    },
    // indexes recomputed: the panels of those customers, the queue's rows that show them, the Customers page (at most every so often)
    'connection.changed': ({ customerIds }) => {
      for (const id of customerIds) invalidate(connectionKeys.connection(id));
      if (queueShowsAny(queryClient, new Set(customerIds))) invalidate(queryKeys.allConversations);
      refreshCustomerLists();
    },
    'followUps.changed': ({ customerId }) => {
      invalidate(queryKeys.customerProfile(customerId));
      invalidate(connectionKeys.connection(customerId));
      refreshCustomerLists();
    },
    // the coach's event carries the open prompts: shown at once, without a round trip
    'coach.prompts': (event) => {
      queryClient.setQueryData<CoachPromptView[]>(coachPromptsKey(event.conversationId), event.prompts);
    },
    // the backlog just read: every open conversation is fetched once more so its readings appear
    progress: (progress) => {
      if (progress.task !== 'analysis.backlog') return;
      const wasRunning = backlogRunning;
      backlogRunning = progress.done < progress.total;
      if (!wasRunning || backlogRunning) return;
      invalidate(['conversations.get']);
      invalidate(['conversations.track']);
    },
    // tags changed or a snooze was set or ended (here or in another window)
    'conversation.changed': (changed) => {
      invalidate(queryKeys.allConversations);
      invalidate(queryKeys.conversation(changed.conversationId));
      if (changed.reason === 'tags') invalidate(tagsKey);
      // the Assign-to picker's open counts: all but a tag change move a conversation in or out of someone's open work
      if (changed.reason !== 'tags') invalidate(assigneesKey);
    },
    // a tag renamed, recoloured or deleted (here or by a colleague): every list and header showing it
    'tags.changed': () => {
      invalidate(tagsKey);
      invalidate(queryKeys.allConversations);
      invalidate(['conversations.get']);
    },
    // a draft of this person's begun or gone (in this window or another) marks its row at once, without reading the queue again
    'draft.changed': (changed) => {
      if (changed.userId !== (queryClient.getQueryData<WorkspaceStatus>(queryKeys.status)?.currentUser?.id ?? 0)) return;
      queryClient.setQueriesData<InfiniteData<{ items: ConversationSummary[] }>>({ queryKey: queryKeys.allConversations }, (data) =>
        data?.pages
          ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.id === changed.conversationId ? { ...item, hasDraft: changed.hasDraft } : item)) })) }
          : data,
      );
    },
    // someone came online, went away or offline; someone else began or stopped viewing or typing: shown at once
    'presence.changed': (presence) => queryClient.setQueryData<Presence[]>(liveKeys.presence, (list) => withPresence(list, presence)),
    'activity.changed': (activity) => queryClient.setQueryData<ConversationActivity[]>(liveKeys.activity, (list) => withActivity(list, activity)),
    // a team made, renamed, restaffed or deleted (by an admin anywhere): the teams, and the rows and headers naming one;
    // the assignee picker too (those taken off a team lose its conversations: their open counts change)
    'teams.changed': () => {
      invalidate(teamsKey);
      invalidate(assigneesKey);
      invalidate(queryKeys.allConversations);
      invalidate(['conversations.get']);
    },
    // someone joined the team, left it or has another role: the people list and the assignee picker read again;
    // if it is this console's person, what they may see and do changed, so everything is read again
    'people.changed': ({ personId }) => {
      if (personId === queryClient.getQueryData<WorkspaceStatus>(queryKeys.status)?.currentUser?.id) {
        void queryClient.invalidateQueries();
        return;
      }
      invalidate(peopleKey);
      invalidate(assigneesKey);
    },
    // the workspace changed in bulk (the demo loaded): everything is read again
    'workspace.changed': () => void queryClient.invalidateQueries(),
  };
  return {
    handlers,
    stop: () => {
      if (listsTimer) clearTimeout(listsTimer);
    },
  };
}

/**
 * After the connection opened again: the missed events were delivered (resumed) — only what is
 * never replayed (presence, who is viewing) is read afresh — or they cannot be told (a gap: the
 * host restarted, or the console was away too long), and everything shown is read again.
 */
export function afterReconnect(queryClient: QueryClient, outcome: ResumeOutcome): void {
  if (outcome.state === 'gap') {
    void queryClient.invalidateQueries();
    return;
  }
  if (outcome.state === 'resumed') {
    void queryClient.invalidateQueries({ queryKey: liveKeys.presence });
    void queryClient.invalidateQueries({ queryKey: liveKeys.activity });
  }
}

/** Subscribes the handlers to the client's events; returns the unsubscribe. */
export function startLiveUpdates(client: KinshipClient, queryClient: QueryClient): () => void {
  const { handlers, stop } = liveUpdateHandlers(queryClient);
  const subscribe = <E extends EventName>(name: E) => {
    const handler = handlers[name] as ((payload: EventPayload<E>) => void) | undefined;
    return handler ? client.on(name, handler) : () => undefined;
  };
  const offs = (Object.keys(handlers) as EventName[]).map((name) => subscribe(name));
  offs.push(client.onResume((outcome) => afterReconnect(queryClient, outcome)));
  return () => {
    for (const off of offs) off();
    stop();
  };
}

/** Keeps this window's cache live. Mount once per window (the app's root). */
export function useLiveUpdates(): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(() => startLiveUpdates(client, queryClient), [client, queryClient]);
}
