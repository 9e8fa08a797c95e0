import { Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useClient } from '../api/ClientContext';
import { useLiveUpdates } from '../api/liveUpdates';
import { useReportAttention } from '../features/live/useLive';
import { EmptyWorkspace } from '../features/onboarding/EmptyWorkspace';
import { HostUnreachable } from '../features/workspace/HostUnreachable';
import { StoreProblem } from '../features/workspace/StoreProblem';
import { CONVERSATION_HASH } from '../../../shared/contract/channels';
import { ConversationWindow } from '../features/conversation/ConversationWindow';
import { queryKeys } from './queryKeys';
import { Shell } from './Shell';
import { PaneBoundary } from '../lib/PaneBoundary';

/** Decides what the console can show: the store's problem, the first-run offer, or the workspace. */
export function App() {
  const client = useClient();
  const status = useQuery({ queryKey: queryKeys.status, queryFn: () => client.call('workspace.status', {}) });

  // one module keeps this window's cache live: every pane, and a conversation in its own window
  useLiveUpdates();
  // whether the person is at this console: their presence follows
  useReportAttention();

  if (status.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Opening the workspace" />
      </Center>
    );
  }
  if (status.isError) return <HostUnreachable message={status.error.message} />;
  const { store, counts } = status.data;
  if (store.state === 'unavailable') return <StoreProblem path={store.path} message={store.message} />;
  if (counts.conversations === 0 && !status.data.startedEmpty) return <EmptyWorkspace />;
  const alone = new URLSearchParams(window.location.hash.replace(/^#/, '')).get(CONVERSATION_HASH);
  if (alone && Number(alone) > 0) {
    return (
      <PaneBoundary what="This conversation">
        <ConversationWindow conversationId={Number(alone)} />
      </PaneBoundary>
    );
  }
  return (
    <PaneBoundary what="The console">
      <Shell status={status.data} />
    </PaneBoundary>
  );
}
