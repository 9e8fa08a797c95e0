import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CoachPromptView } from '../../../../shared/contract/coach';
import { useClient } from '../../api/ClientContext';

export const coachPromptsKey = (conversationId: number) => ['coach.prompts', conversationId] as const;

/** The coach's open prompts for a conversation, refreshed the moment the host raises or settles them. */
export function useCoachPrompts(conversationId: number, enabled: boolean) {
  const client = useClient();
  const queryClient = useQueryClient();
  const prompts = useQuery({
    queryKey: coachPromptsKey(conversationId),
    queryFn: () => client.call('coach.prompts', { conversationId }),
    enabled,
  });
  // the host's 'coach.prompts' event fills this cache entry (the app's liveUpdates)
  const decide = useMutation({
    mutationFn: ({ prompt, outcome }: { prompt: CoachPromptView; outcome: 'inserted' | 'dismissed' }) =>
      client.call('coach.recordOutcome', { promptId: prompt.id, outcome }),
    // the card goes at once; the host's record follows
    onMutate: ({ prompt }) => {
      queryClient.setQueryData<CoachPromptView[]>(coachPromptsKey(conversationId), (current) => current?.filter((open) => open.id !== prompt.id));
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: coachPromptsKey(conversationId) }),
  });
  return { prompts: prompts.data ?? [], decide: decide.mutate };
}
