import { Button, Center, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { LoadDemoButton } from './LoadDemoButton';

/**
 * The inbox of a workspace started empty: says how customers will arrive (and that today nothing
 * brings them in), what is worth setting up meanwhile, and keeps the demo within reach.
 */
export function EmptyInbox({ openSettings }: { openSettings: () => void }) {
  return (
    <Center h="100%" p="xl">
      <Paper withBorder p="xl" maw={620} w="100%" component="section" aria-labelledby="empty-inbox-title">
        <Stack gap="sm">
          <IconInbox size={36} color="var(--mantine-color-gray-6)" aria-hidden />
          <Title order={2} size="h3" id="empty-inbox-title">
            No conversations yet
          </Title>
          <Text>
            Conversations appear here as customers write or call: every chat, e-mail and phone call in one list,
            open work first. Kinship has no channel connectors yet (a mailbox, a chat widget, a phone line), so
            nothing arrives on its own in this version.
          </Text>
          <Text fw={600} size="sm">
            Worth setting up meanwhile, in Settings:
          </Text>
          <List size="sm" spacing={4}>
            <List.Item>Analysis: download the emotion and sentiment models, or point Kinship at a models folder</List.Item>
            <List.Item>The coach's playbook (as a supervisor): when it prompts, and with which wordings</List.Item>
            <List.Item>Macros and keyboard shortcuts</List.Item>
          </List>
          <Stack gap="xs" align="flex-start" mt="xs">
            <Button onClick={openSettings}>Open Settings</Button>
            <Text size="xs" c="dimmed">
              Or see the console at work on invented customers:
            </Text>
            <LoadDemoButton />
          </Stack>
        </Stack>
      </Paper>
    </Center>
  );
}
