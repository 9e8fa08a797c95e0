import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { playbookSchema, type Playbook } from '../../../../../shared/contract/coach';
import { useClient } from '../../../api/ClientContext';

/** Waits this long after the last edit before the preview runs again. */
export const PREVIEW_DEBOUNCE_MS = 400;

/**
 * Runs the playbook as edited (not saved) against one conversation, again after each pause in the
 * editing; a playbook the contract would refuse is not sent (the preview keeps its last result).
 */
export function usePlaybookPreview(conversationId: number | null, playbook: Playbook | null) {
  const client = useClient();
  const [settled] = useDebouncedValue(playbook, PREVIEW_DEBOUNCE_MS);
  const checked = useMemo(() => {
    if (!settled) return null;
    const parsed = playbookSchema.safeParse(settled);
    return parsed.success ? parsed.data : null;
  }, [settled]);
  const query = useQuery({
    queryKey: ['playbook.preview', conversationId, checked],
    queryFn: () => client.call('playbook.preview', { conversationId: conversationId!, playbook: checked! }),
    enabled: conversationId !== null && checked !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  return {
    ...query,
    /** The edited playbook cannot be previewed until its problems are fixed. */
    blocked: settled !== null && checked === null,
    /** Edits made since the result shown (still waiting for the pause, or running). */
    catchingUp: playbook !== settled || query.isFetching,
  };
}

export type PlaybookPreviewState = ReturnType<typeof usePlaybookPreview>;
