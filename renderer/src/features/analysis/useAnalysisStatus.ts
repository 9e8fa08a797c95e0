import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { AnalysisStatus } from '../../../../shared/contract/analysis';
import type { EventPayload } from '../../../../shared/contract/events';
import { useClient, useKinshipEvent } from '../../api/ClientContext';

export const analysisStatusKey = ['analysis.status'] as const;

/** The analysis engine's state, kept fresh by its events. */
export function useAnalysisStatus(
  options: { refetchInterval?: number | ((query: { state: { data?: AnalysisStatus | undefined } }) => number | false); refetchOnMount?: 'always' } = {},
) {
  const client = useClient();
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: analysisStatusKey, queryFn: () => client.call('analysis.status', {}), ...options });
  useKinshipEvent('analysis.status', useCallback(() => void queryClient.invalidateQueries({ queryKey: analysisStatusKey }), [queryClient]));
  return status;
}

/** The latest progress of one long task (e.g. 'analysis.backlog'), or null. */
export function useProgress(task: string): EventPayload<'progress'> | null {
  const [progress, setProgress] = useState<EventPayload<'progress'> | null>(null);
  useKinshipEvent(
    'progress',
    useCallback((payload: EventPayload<'progress'>) => {
      if (payload.task === task) setProgress(payload);
    }, [task]),
  );
  return progress;
}
