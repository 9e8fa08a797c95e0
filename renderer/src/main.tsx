import '@mantine/core/styles.css';
import '@mantine/spotlight/styles.css';
import './app/global.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToHost, type KinshipClient } from './api/client';
import { ClientProvider } from './api/ClientContext';
import { App } from './app/App';
import { CommandProvider } from './features/commands/CommandProvider';
import { TeamConsole } from './features/accounts/TeamConsole';
import { ServicesStatusBanner } from './features/workspace/ServicesStatusBanner';
import { contrastVariables, theme } from './app/theme';
import { WorkspaceChooser } from './features/onboarding/WorkspaceChooser';
import { CHOOSE_WORKSPACE_HASH } from '../../shared/contract/workspaceChoice';

/** Electron's first screen (app://kinship/index.html#choose): where Kinship works, before any console. */
const firstScreen = window.kinship && window.location.hash.startsWith(CHOOSE_WORKSPACE_HASH) ? window.kinship : null;
const client = connectToHost();
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } },
});

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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={contrastVariables}>
      {/* no desk token in the address: a team server, where people sign in (or, if not one, what to open instead) */}
      {firstScreen ? (
        <WorkspaceChooser choose={(choice) => firstScreen.chooseWorkspace(choice)} unreachable={new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('unreachable')} />
      ) : 'error' in client ? (
        <TeamConsole notTeamMessage={client.error} renderConsole={renderConsole} />
      ) : (
        renderConsole(client, queryClient)
      )}
    </MantineProvider>
  </StrictMode>,
);
