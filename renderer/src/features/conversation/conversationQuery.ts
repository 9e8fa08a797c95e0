import { queryOptions } from '@tanstack/react-query';
import type { KinshipClient } from '../../api/client';
import { queryKeys } from '../../app/queryKeys';

/**
 * Reading one conversation (at its newest page, or around a message such as a search hit): the one
 * definition the view, the customer panel beside it and the click that opens it share, so the
 * click can start the read before anything is drawn and the view finds it under the same key.
 */
export function conversationQuery(client: KinshipClient, id: number, aroundMessageId: number | null = null) {
  return queryOptions({
    queryKey: queryKeys.conversation(id, aroundMessageId),
    queryFn: () => client.call('conversations.get', aroundMessageId === null ? { id } : { id, aroundMessageId }),
  });
}
