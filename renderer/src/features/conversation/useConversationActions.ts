import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ConversationStatus, Priority } from '../../../../shared/contract/domain';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';
import { assigneesKey } from './assigneesKey';

/** Who to assign a conversation to: a person (its team kept), nobody (null), or a team and optionally a person on it. */
export type AssignTo = number | null | { teamId: number | null; assignee: number | null };

/** Status and assignment changes for one conversation, refreshing what shows them. */
export function useConversationActions(conversationId: number) {
  const client = useClient();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversation(conversationId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.allConversations });
    void queryClient.invalidateQueries({ queryKey: queryKeys.allCustomerProfiles });
  };
  /** Who has it changed (or was found to have changed, when refused): the header and the people's open counts too. */
  const refreshAssignment = () => {
    refresh();
    void queryClient.invalidateQueries({ queryKey: assigneesKey });
  };
  const setStatus = useMutation({
    mutationFn: (status: ConversationStatus) => client.call('conversations.setStatus', { id: conversationId, status }),
    onSuccess: refresh,
  });
  const setPriority = useMutation({
    mutationFn: (priority: Priority) => client.call('conversations.setPriority', { id: conversationId, priority }),
    onSuccess: refresh,
  });
  /** Takes it if nobody has it; refused (ApiError 'conflict' with a 'taken' detail) when someone does. */
  const take = useMutation({
    mutationFn: () => client.call('conversations.take', { id: conversationId }),
    onSettled: refreshAssignment,
  });
  /** Assigns it to a person (or to nobody: null), or to a team (and a person of it, or nobody yet). */
  const assign = useMutation({
    mutationFn: (to: AssignTo) => client.call('conversations.assign', typeof to === 'object' && to !== null ? { id: conversationId, ...to } : { id: conversationId, assignee: to }),
    onSettled: refreshAssignment,
  });
  return { setStatus, setPriority, take, assign };
}
