import { Alert, Button, Center, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconHeartHandshake, IconSparkles } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useClient } from '../../api/ClientContext';
import { DemoLoadProgress, useDemoLoad } from './useDemoLoad';

/**
 * First run: an empty workspace offers the demo (with its progress while it loads) or to start
 * empty, and says plainly that no channel brings customers in yet.
 */
export function EmptyWorkspace() {
  const client = useClient();
  const queryClient = useQueryClient();
  const { load, progress } = useDemoLoad();
  const startEmpty = useMutation({
    mutationFn: () => client.call('workspace.startEmpty', {}),
    onSuccess: () => queryClient.invalidateQueries(),
  });

  return (
    <Center h="100vh" p="xl" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" maw={560} w="100%">
        <Stack>
          <IconHeartHandshake size={40} color="var(--mantine-color-teal-7)" aria-hidden />
          <Title order={1} size="h2">
            Welcome to Kinship
          </Title>
          <Text>
            This workspace is empty. Kinship has no channel connectors yet: it cannot receive your e-mail, chat or
            phone calls, so customers do not arrive on their own. Load the demo workspace to see the console at work:
          </Text>
          <List size="sm" spacing={4}>
            <List.Item>80 customers of Larkspur Home, a home-goods shop, over the past twelve months</List.Item>
            <List.Item>chats, e-mails and phone calls in one inbox</List.Item>
            <List.Item>stories worth knowing: a furious repeat caller, a frightened customer, a loyal fan, and a customer who was lost</List.Item>
          </List>
          <Text size="xs" c="dimmed">
            Every person and message in the demo is invented by Kinship itself.
          </Text>
          {(load.isError || startEmpty.isError) && (
            <Alert color="red" role="alert" title={load.isError ? 'The demo could not be loaded' : 'The empty workspace could not be opened'}>
              {(load.error ?? startEmpty.error)?.message}
            </Alert>
          )}
          {load.isPending && <DemoLoadProgress progress={progress} />}
          <Group gap="sm">
            <Button leftSection={<IconSparkles size={18} />} onClick={() => load.mutate()} loading={load.isPending} disabled={startEmpty.isPending} size="md">
              Load the demo workspace
            </Button>
            <Button variant="default" onClick={() => startEmpty.mutate()} loading={startEmpty.isPending} disabled={load.isPending} size="md">
              Start empty
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            Starting empty opens the console with no conversations: set up the coach's playbook, macros, keyboard and
            the analysis models in Settings meanwhile. The demo can still be loaded there while the workspace is empty.
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
