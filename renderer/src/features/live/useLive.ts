import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { ConversationActivity, Presence } from '../../../../shared/contract/live';
import type { KinshipClient } from '../../api/client';
import { useClient } from '../../api/ClientContext';
import { createActivityReporter, type ActivityReporter } from './activityReporter';
import { watchAttention } from './attentionWatcher';
import { liveKeys } from './liveKeys';

/** Who is online, away or offline, by person (people never seen since the host started are offline). */
export function usePresence(): Map<number, Presence> {
  const client = useClient();
  const query = useQuery({ queryKey: liveKeys.presence, queryFn: () => client.call('presence.list', {}), staleTime: Infinity, enabled: client.host === 'web' });
  return useMemo(() => new Map((query.data ?? []).map((one) => [one.userId, one])), [query.data]);
}

/** Everyone else viewing or typing, by conversation. */
export function useActivity(): Map<number, ConversationActivity[]> {
  const client = useClient();
  const query = useQuery({ queryKey: liveKeys.activity, queryFn: () => client.call('activity.list', {}), staleTime: Infinity, enabled: client.host === 'web' });
  return useMemo(() => {
    const byConversation = new Map<number, ConversationActivity[]>();
    for (const one of query.data ?? []) byConversation.set(one.conversationId, [...(byConversation.get(one.conversationId) ?? []), one]);
    return byConversation;
  }, [query.data]);
}

/** The cache after an activity or presence event: the person's entry replaced (or gone). */
export function withActivity(list: ConversationActivity[] | undefined, changed: ConversationActivity): ConversationActivity[] | undefined {
  if (!list) return list;
  const others = list.filter((one) => one.conversationId !== changed.conversationId || one.userId !== changed.userId);
  return changed.doing === null ? others : [...others, changed];
}
export function withPresence(list: Presence[] | undefined, changed: Presence): Presence[] | undefined {
  if (!list) return list;
  return [...list.filter((one) => one.userId !== changed.userId), changed];
}

const reporters = new WeakMap<KinshipClient, ActivityReporter>();

/** This console's one activity reporter (a window's client has one connection, so one console to the host). */
export function activityReporterOf(client: KinshipClient): ActivityReporter | null {
  if (client.host !== 'web') return null;
  let reporter = reporters.get(client);
  if (!reporter) {
    const created = createActivityReporter((report) => void client.call('activity.report', report).catch(() => undefined));
    // a new connection is a new console to the host: say it all again
    client.onResume(() => created.resend());
    reporters.set(client, created);
    reporter = created;
  }
  return reporter;
}

/** Tells the host this console shows the conversation while `shown` (the focused one of two beside each other). */
export function useReportViewing(conversationId: number, shown: boolean): void {
  const client = useClient();
  useEffect(() => {
    const reporter = activityReporterOf(client);
    if (!reporter || !shown) return;
    reporter.view(conversationId);
    return () => reporter.leave(conversationId);
  }, [client, conversationId, shown]);
}

/** Tells the host whether the person is at this console (input lately, page shown). Mount once per window. */
export function useReportAttention(): void {
  const client = useClient();
  useEffect(() => {
    if (client.host !== 'web') return;
    const watcher = watchAttention((attention) => void client.call('presence.report', { attention }).catch(() => undefined));
    const off = client.onResume(() => watcher.resend());
    return () => {
      off();
      watcher.stop();
    };
  }, [client]);
}
