import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { EventPayload } from '../../../../shared/contract/events';
import { useClient, useKinshipEvent } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';
import { connectionKeys } from './connectionLook';

/**
 * A customer's emotional-connection index, kept fresh: refetched when the host says it was
 * recomputed for them, or when their follow-ups changed (which also refreshes their profile).
 */
export function useConnection(customerId: number) {
  const client = useClient();
  const queryClient = useQueryClient();
  const connection = useQuery({
    queryKey: connectionKeys.connection(customerId),
    queryFn: () => client.call('customers.connection', { id: customerId }),
  });
  useKinshipEvent(
    'connection.changed',
    useCallback(
      ({ customerIds }: EventPayload<'connection.changed'>) => {
        if (customerIds.includes(customerId)) void queryClient.invalidateQueries({ queryKey: connectionKeys.connection(customerId) });
      },
      [queryClient, customerId],
    ),
  );
  useKinshipEvent(
    'followUps.changed',
    useCallback(
      (payload: EventPayload<'followUps.changed'>) => {
        if (payload.customerId !== customerId) return;
        void queryClient.invalidateQueries({ queryKey: queryKeys.customerProfile(customerId) });
        void queryClient.invalidateQueries({ queryKey: connectionKeys.connection(customerId) });
      },
      [queryClient, customerId],
    ),
  );
  return connection;
}

/** What to refresh once a follow-up of this customer was added or closed here. */
export function useFollowUpsChanged(customerId: number) {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.customerProfile(customerId) });
    void queryClient.invalidateQueries({ queryKey: connectionKeys.connection(customerId) });
    // the queue's overdue flags and the Customers page's counts
    void queryClient.invalidateQueries({ queryKey: queryKeys.allConversations });
    void queryClient.invalidateQueries({ queryKey: connectionKeys.allLists });
  }, [queryClient, customerId]);
}
