import { Alert, Button, Center, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconHeartHandshake, IconSparkles } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { EventPayload } from '../../../../shared/contract/events';
import { useClient, useKinshipEvent } from '../../api/ClientContext';

/** First run: an empty workspace offers the demo, and shows its progress while it loads. */
export function EmptyWorkspace() {
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
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const percent = progress && progress.total > 0 ? (progress.done / progress.total) * 100 : 0;

  return (
    <Center h="100vh" p="xl" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" maw={560} w="100%">
        <Stack>
          <IconHeartHandshake size={40} color="var(--mantine-color-teal-7)" aria-hidden />
          <Title order={1} size="h2">
            Welcome to Kinship
          </Title>
          <Text>
            This workspace is empty. Connect your channels later in Settings, or start with a demo workspace
            to see the console at work:
          </Text>
          <List size="sm" spacing={4}>
            <List.Item>80 customers of Larkspur Home, a home-goods shop, over the past twelve months</List.Item>
            <List.Item>chats, e-mails and phone calls in one inbox</List.Item>
            <List.Item>stories worth knowing: a furious repeat caller, a frightened customer, a loyal fan, and a customer who was lost</List.Item>
          </List>
          <Text size="xs" c="dimmed">
            Every person and message in the demo is invented by Kinship itself.
          </Text>
          {load.isError && (
            <Alert color="red" role="alert" title="The demo could not be loaded">
              {load.error.message}
            </Alert>
          )}
          {load.isPending && (
            <Stack gap={4}>
              <Progress value={percent} animated aria-label="Demo loading progress" />
              <Text size="xs" c="dimmed">
                {progress ? `${progress.label}: ${progress.done} of ${progress.total} messages` : 'Preparing the demo…'}
              </Text>
            </Stack>
          )}
          <Button leftSection={<IconSparkles size={18} />} onClick={() => load.mutate()} loading={load.isPending} size="md">
            Load the demo workspace
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
