import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';
import { connectionKeys } from './connectionLook';

/**
 * A customer's emotional-connection index, kept fresh by the app's liveUpdates: refetched when the
 * host says it was recomputed for them, or when their follow-ups changed.
 */
export function useConnection(customerId: number) {
  const client = useClient();
  const connection = useQuery({
    queryKey: connectionKeys.connection(customerId),
    queryFn: () => client.call('customers.connection', { id: customerId }),
  });
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
