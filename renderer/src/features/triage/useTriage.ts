import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TagColor } from '../../../../shared/contract/triage';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';

/** The workspace's tags (for autocomplete and the queue's filter). */
export const tagsKey = ['tags.list'] as const;
export const responseTargetsKey = ['responseTargets.get'] as const;

export function useTagList() {
  const client = useClient();
  return useQuery({ queryKey: tagsKey, queryFn: () => client.call('tags.list', {}), staleTime: 30_000 });
}

function useRefresh(conversationId: number) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversation(conversationId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.allConversations });
    void queryClient.invalidateQueries({ queryKey: queryKeys.allCustomerProfiles });
    void queryClient.invalidateQueries({ queryKey: tagsKey });
  };
}

/** Add and remove tags on one conversation. */
export function useTagActions(conversationId: number) {
  const client = useClient();
  const refresh = useRefresh(conversationId);
  const add = useMutation({
    mutationFn: ({ name, color }: { name: string; color: TagColor | null }) => client.call('conversations.addTag', { id: conversationId, name, color }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (tagId: number) => client.call('conversations.removeTag', { id: conversationId, tagId }),
    onSuccess: refresh,
  });
  return { add, remove };
}

/** Snooze one conversation until a time. */
export function useSnooze(conversationId: number) {
  const client = useClient();
  const refresh = useRefresh(conversationId);
  return useMutation({
    mutationFn: (until: number) => client.call('conversations.snooze', { id: conversationId, until }),
    onSuccess: refresh,
  });
}

/** Rename, recolour and delete the workspace's tags (supervisors); every list showing them reads them again. */
export function useTagManagement() {
  const client = useClient();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: tagsKey });
    void queryClient.invalidateQueries({ queryKey: queryKeys.allConversations });
    void queryClient.invalidateQueries({ queryKey: ['conversations.get'] });
  };
  const update = useMutation({
    mutationFn: (input: { id: number; name?: string; color?: TagColor | null }) => client.call('tags.update', input),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: number) => client.call('tags.delete', { id }),
    onSuccess: refresh,
  });
  return { update, remove };
}
