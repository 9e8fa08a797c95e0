import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ConversationStatus, Priority } from '../../../../shared/contract/domain';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';

/** Status and assignment changes for one conversation, refreshing what shows them. */
export function useConversationActions(conversationId: number) {
  const client = useClient();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversation(conversationId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.allConversations });
    void queryClient.invalidateQueries({ queryKey: queryKeys.allCustomerProfiles });
  };
  const setStatus = useMutation({
    mutationFn: (status: ConversationStatus) => client.call('conversations.setStatus', { id: conversationId, status }),
    onSuccess: refresh,
  });
  const setPriority = useMutation({
    mutationFn: (priority: Priority) => client.call('conversations.setPriority', { id: conversationId, priority }),
    onSuccess: refresh,
  });
  const assignToMe = useMutation({
    mutationFn: () => client.call('conversations.assign', { id: conversationId, assignee: 'me' }),
    onSuccess: refresh,
  });
  return { setStatus, setPriority, assignToMe };
}
