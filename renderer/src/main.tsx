import '@mantine/core/styles.css';
import '@mantine/spotlight/styles.css';
import './app/global.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToHost } from './api/client';
import { ClientProvider } from './api/ClientContext';
import { App } from './app/App';
import { CommandProvider } from './features/commands/CommandProvider';
import { HostUnreachable } from './features/workspace/HostUnreachable';
import { ServicesStatusBanner } from './features/workspace/ServicesStatusBanner';
import { contrastVariables, theme } from './app/theme';

const client = connectToHost();
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={contrastVariables}>
      {'error' in client ? (
        <HostUnreachable message={client.error} />
      ) : (
        <ClientProvider client={client}>
          <QueryClientProvider client={queryClient}>
            <CommandProvider>
              <ServicesStatusBanner />
              <App />
            </CommandProvider>
          </QueryClientProvider>
        </ClientProvider>
      )}
    </MantineProvider>
  </StrictMode>,
);
