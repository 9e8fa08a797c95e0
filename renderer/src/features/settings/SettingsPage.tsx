import { Code, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { LoadDemoButton } from '../onboarding/LoadDemoButton';
import type { WorkspaceStatus } from '../../../../shared/contract/domain';
import { AnalysisSettings } from './AnalysisSettings';
import { CoachSettings } from './coach/CoachSettings';
import { KeymapSettings } from './KeymapSettings';
import { MacroSettings } from './MacroSettings';
import { PaneBoundary } from '../../lib/PaneBoundary';
import { ResponseTargetSettings } from '../triage/ResponseTargetSettings';
import { TagSettings } from '../triage/TagSettings';
import { PeopleSettings } from '../accounts/PeopleSettings';
import { TeamSettings } from '../teams/TeamSettings';
import { useSignedIn } from '../accounts/SignedInContext';

export function SettingsPage({ status }: { status: WorkspaceStatus }) {
  const { store, counts } = status;
  const account = useSignedIn();
  const rows: [string, React.ReactNode][] = [
    ['Host', account ? `Team server (${window.location.origin})` : status.host === 'electron' ? 'Desktop (Electron)' : 'Web host (this browser tab, served from 127.0.0.1)'],
    ['Data file', <Code key="path">{store.path}</Code>],
    ['Schema version', store.state === 'ready' ? String(store.schemaVersion) : '—'],
    ['Customers', counts.customers.toLocaleString()],
    ['Conversations', `${counts.conversations.toLocaleString()} (chat ${counts.byChannel.chat}, e-mail ${counts.byChannel.email}, voice ${counts.byChannel.voice})`],
    ['Messages', counts.messages.toLocaleString()],
  ];
  return (
    <ScrollArea h="100%">
      <Stack p="xl" maw={820}>
        <Title order={2}>Settings</Title>
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="sm">
            Workspace
          </Title>
          <Table variant="vertical" withTableBorder={false}>
            <Table.Tbody>
              {rows.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w={180}>{label}</Table.Th>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Stack gap="xs" mt="sm">
            {counts.conversations === 0 ? (
              <>
                <Text size="sm">This workspace is empty. The demo (an invented shop and its customers) can be loaded into it:</Text>
                <div>
                  <LoadDemoButton />
                </div>
              </>
            ) : (
              <Text size="sm" c="dimmed">
                To start again with an empty workspace, quit Kinship (or stop its web host) and move the data file above elsewhere (or delete
                it): Kinship keeps the workspace in that one file, and opens a new, empty one next time. Nothing is
                deleted from here.
              </Text>
            )}
          </Stack>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="channels-settings-title">
          <Title order={3} size="h4" mb="xs" id="channels-settings-title">
            Channels
          </Title>
          <Text size="sm">
            Kinship cannot connect to your channels yet: there is no e-mail (IMAP/SMTP), chat widget or telephony
            connector in this version, so conversations only come from the demo workspace. Replies are kept in the
            workspace and are not sent to customers.
          </Text>
        </Paper>
        {account?.signedIn.person.role === 'admin' && (
          <PaneBoundary what="The people settings">
            <PeopleSettings />
          </PaneBoundary>
        )}
        <PaneBoundary what="The teams">
          <TeamSettings />
        </PaneBoundary>
        <PaneBoundary what="The analysis settings">
          <AnalysisSettings />
        </PaneBoundary>
        <PaneBoundary what="The coach settings">
          <CoachSettings />
        </PaneBoundary>
        <PaneBoundary what="The response-time targets">
          <ResponseTargetSettings />
        </PaneBoundary>
        <PaneBoundary what="The tags">
          <TagSettings />
        </PaneBoundary>
        <PaneBoundary what="The keyboard settings">
          <KeymapSettings />
        </PaneBoundary>
        <PaneBoundary what="The macro settings">
          <MacroSettings />
        </PaneBoundary>
        <PaneBoundary what="Your own macros">
          <MacroSettings scope="personal" />
        </PaneBoundary>
      </Stack>
    </ScrollArea>
  );
}
