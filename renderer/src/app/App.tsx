import { Center, Loader } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useClient, useKinshipEvent } from '../api/ClientContext';
import { EmptyWorkspace } from '../features/onboarding/EmptyWorkspace';
import { HostUnreachable } from '../features/workspace/HostUnreachable';
import { StoreProblem } from '../features/workspace/StoreProblem';
import { CONVERSATION_HASH } from '../../../shared/contract/channels';
import { ConversationView } from '../features/conversation/ConversationView';
import { queryKeys } from './queryKeys';
import { Shell } from './Shell';
import { PaneBoundary } from '../lib/PaneBoundary';

/** Decides what the console can show: the store's problem, the first-run offer, or the workspace. */
export function App() {
  const client = useClient();
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: queryKeys.status, queryFn: () => client.call('workspace.status', {}) });

  const refreshAll = useCallback(() => void queryClient.invalidateQueries(), [queryClient]);
  useKinshipEvent('workspace.changed', refreshAll);

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
      <div style={{ height: '100vh' }}>
        <PaneBoundary what="This conversation">
          <ConversationView conversationId={Number(alone)} focusMessageId={null} />
        </PaneBoundary>
      </div>
    );
  }
  return (
    <PaneBoundary what="The console">
      <Shell status={status.data} />
    </PaneBoundary>
  );
}
