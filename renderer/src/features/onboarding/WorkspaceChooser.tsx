import { Alert, Button, Center, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDeviceDesktop, IconHeartHandshake, IconServer } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { teamServerOrigin, type WorkspaceChoice, type WorkspaceChoiceResult } from '../../../../shared/contract/workspaceChoice';

export interface WorkspaceChooserProps {
  /** Hands the choice to the main process (window.kinship.chooseWorkspace); it opens what was chosen. */
  choose: (choice: WorkspaceChoice) => Promise<WorkspaceChoiceResult>;
  /** The team server that was kept but did not answer at start, if that is why this screen shows. */
  unreachable?: string | null;
}

/**
 * Electron's first screen: where this copy of Kinship works — on this desk, for one person, or as a
 * console of the team's Kinship server, where people sign in. The address is checked here as it is
 * typed (the main process checks it again and asks the server before keeping it).
 */
export function WorkspaceChooser({ choose, unreachable = null }: WorkspaceChooserProps) {
  const [address, setAddress] = useState(unreachable ?? '');
  const [tried, setTried] = useState(false);
  const [pending, setPending] = useState<WorkspaceChoice['kind'] | null>(null);
  const [refusal, setRefusal] = useState<string | null>(unreachable ? `Kinship could not reach ${unreachable}. Try again, or choose another way.` : null);
  const typed = teamServerOrigin(address);

  const submit = async (choice: WorkspaceChoice) => {
    setPending(choice.kind);
    setRefusal(null);
    try {
      const result = await choose(choice);
      // done: the main process opens the console and closes this window
      if (!result.ok) setRefusal(result.message);
    } catch (error) {
      setRefusal(error instanceof Error ? error.message : String(error));
    } finally {
      setPending(null);
    }
  };
  const connect = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (typed.ok) void submit({ kind: 'team', origin: typed.origin });
  };

  return (
    <Center mih="100vh" p="xl" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" maw={760} w="100%" component="main">
        <Stack gap="lg">
          <Stack gap={6}>
            <IconHeartHandshake size={40} color="var(--mantine-color-teal-7)" aria-hidden />
            <Title order={1} size="h2">
              Where does Kinship work?
            </Title>
            <Text c="dimmed">You can change this later from the File menu.</Text>
          </Stack>
          {refusal && (
            <Alert color="red" role="alert" title="Not connected">
              {refusal}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <Paper withBorder p="lg" component="section" aria-labelledby="choose-desk">
              <Stack h="100%" justify="space-between">
                <Stack gap="xs">
                  <IconDeviceDesktop size={28} aria-hidden />
                  <Title order={2} size="h4" id="choose-desk">
                    This desk
                  </Title>
                  <Text size="sm">
                    Just you, on this computer. The workspace is a file here, and the emotion models read on this machine:
                    nothing leaves it. No sign-in.
                  </Text>
                </Stack>
                <Button onClick={() => void submit({ kind: 'desk' })} loading={pending === 'desk'} disabled={pending !== null}>
                  Use this desk
                </Button>
              </Stack>
            </Paper>
            <Paper withBorder p="lg" component="section" aria-labelledby="choose-team">
              <form onSubmit={connect} noValidate>
                <Stack gap="xs">
                  <IconServer size={28} aria-hidden />
                  <Title order={2} size="h4" id="choose-team">
                    My team’s server
                  </Title>
                  <Text size="sm">One queue with your team: you sign in on the server your admin runs.</Text>
                  <TextInput
                    label="Server address"
                    placeholder="kinship.example.com"
                    value={address}
                    onChange={(event) => setAddress(event.currentTarget.value)}
                    error={tried && !typed.ok ? typed.message : undefined}
                    description={typed.ok ? `Kinship will open ${typed.origin}` : 'As your admin gave it to you'}
                    autoComplete="url"
                    spellCheck={false}
                    disabled={pending !== null}
                  />
                  <Button type="submit" variant="light" loading={pending === 'team'} disabled={pending !== null}>
                    Connect
                  </Button>
                </Stack>
              </form>
            </Paper>
          </SimpleGrid>
        </Stack>
      </Paper>
    </Center>
  );
}
