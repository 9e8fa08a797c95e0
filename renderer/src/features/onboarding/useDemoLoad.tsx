import { Progress, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { EventPayload } from '../../../../shared/contract/events';
import { useClient, useKinshipEvent } from '../../api/ClientContext';

/** Loading the demo into the empty workspace, with the host's progress events as it goes. */
export function useDemoLoad(onLoaded?: () => void) {
  const client = useClient();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<EventPayload<'progress'> | null>(null);
  useKinshipEvent(
    'progress',
    useCallback((payload: EventPayload<'progress'>) => {
      if (payload.task === 'demo.load') setProgress(payload);
    }, []),
  );
  const load = useMutation({
    mutationFn: () => client.call('demo.load', {}),
    onSuccess: () => {
      onLoaded?.();
      void queryClient.invalidateQueries();
    },
  });
  return { load, progress };
}

/** The demo's progress bar and count of messages while it loads. */
export function DemoLoadProgress({ progress }: { progress: EventPayload<'progress'> | null }) {
  return (
    <Stack gap={4}>
      <Progress value={progress && progress.total > 0 ? (progress.done / progress.total) * 100 : 0} animated aria-label="Demo loading progress" />
      <Text size="xs" c="dimmed">
        {progress ? `${progress.label}: ${progress.done} of ${progress.total} messages` : 'Preparing the demo…'}
      </Text>
    </Stack>
  );
}
