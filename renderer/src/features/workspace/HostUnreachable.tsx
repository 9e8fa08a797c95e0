import { Alert, Center, Stack, Title } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';

export function HostUnreachable({ message }: { message: string }) {
  return (
    <Center h="100vh" p="xl">
      <Stack maw={640}>
        <Title order={1} size="h2">
          Kinship is not connected
        </Title>
        <Alert color="orange" icon={<IconPlugConnectedX />} role="alert">
          {message}
        </Alert>
      </Stack>
    </Center>
  );
}
