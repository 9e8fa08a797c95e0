import { Alert, Center, Code, Stack, Text, Title } from '@mantine/core';
import { IconDatabaseOff } from '@tabler/icons-react';

/** The data file could not be used: say why and what to do; the file itself was not touched. */
export function StoreProblem({ path, message }: { path: string; message: string }) {
  return (
    <Center h="100vh" p="xl">
      <Stack maw={640}>
        <Title order={1} size="h2">
          Kinship cannot open its workspace
        </Title>
        <Alert color="red" icon={<IconDatabaseOff />} title="The data file was left untouched" role="alert">
          {message}
        </Alert>
        <Text size="sm" c="dimmed">
          Data file: <Code>{path}</Code>
        </Text>
      </Stack>
    </Center>
  );
}
