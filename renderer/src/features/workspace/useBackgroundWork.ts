import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { EventPayload } from '../../../../shared/contract/events';
import { useClient, useKinshipEvent } from '../../api/ClientContext';

export const backgroundWorkKey = ['workspace.background'] as const;

/**
 * Whether the host's background work has settled (the backlog read, the connection index's sweep
 * done), kept current by the host's 'workspace.background' event. `onSettled` runs (and is waited
 * for) before the settled state is shown, so a view can refetch what the work changed first.
 */
export function useBackgroundWork(onSettled?: () => Promise<unknown>) {
  const client = useClient();
  const queryClient = useQueryClient();
  const background = useQuery({ queryKey: backgroundWorkKey, queryFn: () => client.call('workspace.background', {}) });
  useKinshipEvent(
    'workspace.background',
    useCallback(
      (payload: EventPayload<'workspace.background'>) => {
        if (!payload.settled || !onSettled) {
          queryClient.setQueryData(backgroundWorkKey, payload);
          return;
        }
        void onSettled().finally(() => queryClient.setQueryData(backgroundWorkKey, payload));
      },
      [queryClient, onSettled],
    ),
  );
  return background;
}
