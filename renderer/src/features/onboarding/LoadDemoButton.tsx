import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import { DemoLoadProgress, useDemoLoad } from './useDemoLoad';

/**
 * Loads the demo into an empty workspace after the person confirms what it adds (the host refuses
 * it anywhere else), with its progress while it loads.
 */
export function LoadDemoButton({ variant = 'light' }: { variant?: 'light' | 'filled' }) {
  const [asking, setAsking] = useState(false);
  const { load, progress } = useDemoLoad(() => setAsking(false));
  return (
    <>
      <Button variant={variant} leftSection={<IconSparkles size={16} />} onClick={() => setAsking(true)}>
        Load the demo workspace…
      </Button>
      <Modal opened={asking} onClose={() => !load.isPending && setAsking(false)} title="Load the demo workspace?">
        <Stack gap="sm">
          <Text size="sm">
            This fills this workspace with Larkspur Home, an invented home-goods shop: its customers and a year of chats,
            e-mails and calls, all made up by Kinship. They stay in this workspace; they do not mix with real customers,
            because the demo only loads into an empty workspace.
          </Text>
          {load.isError && (
            <Alert color="red" role="alert" title="The demo could not be loaded">
              {load.error.message}
            </Alert>
          )}
          {load.isPending && <DemoLoadProgress progress={progress} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)} disabled={load.isPending}>
              Cancel
            </Button>
            <Button onClick={() => load.mutate()} loading={load.isPending}>
              Load the demo
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
