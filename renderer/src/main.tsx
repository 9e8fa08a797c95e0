import '@mantine/core/styles.css';
import '@mantine/spotlight/styles.css';
import './app/global.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToHost, type KinshipClient } from './api/client';
import { ClientProvider } from './api/ClientContext';
import { App } from './app/App';
import { createConsoleQueryClient } from './app/consoleQueryClient';
import { CommandProvider } from './features/commands/CommandProvider';
import { TeamConsole } from './features/accounts/TeamConsole';
import { ServicesStatusBanner } from './features/workspace/ServicesStatusBanner';
import { contrastVariables, theme } from './app/theme';
import { WorkspaceChooser } from './features/onboarding/WorkspaceChooser';
import { CHOOSE_WORKSPACE_HASH } from '../../shared/contract/workspaceChoice';

const renderConsole = (client: KinshipClient, queryClient: QueryClient) => (
  <ClientProvider client={client}>
    <QueryClientProvider client={queryClient}>
      <CommandProvider>
        <ServicesStatusBanner />
        <App />
      </CommandProvider>
    </QueryClientProvider>
  </ClientProvider>
);

/**
 * What this window opens on, decided once: Electron's first screen (app://kinship/index.html#choose:
 * where Kinship works, before any console), which connects to nothing and keeps no cache; or the
 * console, connected and given its cache only then. With no desk token in the address it is a team
 * server, where people sign in (or, if not one, what to open instead).
 */
function firstView(): ReactNode {
  const bridge = window.kinship;
  if (bridge && window.location.hash.startsWith(CHOOSE_WORKSPACE_HASH)) {
    return <WorkspaceChooser choose={(choice) => bridge.chooseWorkspace(choice)} unreachable={new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('unreachable')} />;
  }
  const client = connectToHost();
  if ('error' in client) return <TeamConsole notTeamMessage={client.error} renderConsole={renderConsole} />;
  return renderConsole(client, createConsoleQueryClient());
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={contrastVariables}>
      {firstView()}
    </MantineProvider>
  </StrictMode>,
);
