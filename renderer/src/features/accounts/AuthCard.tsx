import { Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconHeartHandshake } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** The frame of the pages before the console: sign-in, the first admin's setup, an invitation. */
export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)" component="main">
      <Stack w="100%" maw={440} gap="lg">
        <Group gap="xs" justify="center">
          <IconHeartHandshake size={32} color="var(--mantine-color-teal-7)" aria-hidden />
          <Text fw={700} size="xl">
            Kinship
          </Text>
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Stack gap="md">
            <Title order={1} size="h2">
              {title}
            </Title>
            {intro && (
              <Text size="sm" c="dimmed">
                {intro}
              </Text>
            )}
            {children}
          </Stack>
        </Paper>
      </Stack>
    </Center>
  );
}
