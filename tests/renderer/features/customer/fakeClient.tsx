import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { CommandProvider } from '../../../../renderer/src/features/commands/CommandProvider';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { ClientProvider } from '../../../../renderer/src/api/ClientContext';
import { useLiveUpdates } from '../../../../renderer/src/api/liveUpdates';
import type { KinshipClient } from '../../../../renderer/src/api/client';
import type { EventName, EventPayload } from '../../../../shared/contract/events';
import type { MethodInput, MethodName, MethodOutput } from '../../../../shared/contract/methods';

type Handlers = { [M in MethodName]?: (input: MethodInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>> };

/** A client that answers from `handlers` and records every call; `emit` plays an event from the host. */
export function fakeClient(handlers: Handlers) {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const call = vi.fn(async (method: MethodName, input: unknown) => {
    const handler = handlers[method] as ((input: unknown) => unknown) | undefined;
    if (!handler) throw new Error(`no fake for ${method}`);
    return handler(input);
  });
  const client = {
    host: 'web',
    call,
    openConversationWindow: vi.fn(),
    onResume: () => () => undefined,
    on(name: EventName, listener: (payload: unknown) => void) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => set.delete(listener);
    },
  } as unknown as KinshipClient;
  const emit = <E extends EventName>(name: E, payload: EventPayload<E>) => listeners.get(name)?.forEach((listener) => listener(payload));
  /** The inputs of every call to one method, in order. */
  const callsOf = <M extends MethodName>(method: M) => call.mock.calls.filter(([name]) => name === method).map(([, input]) => input as MethodInput<M>);
  return { client, call, emit, callsOf };
}

/** The app keeps the cache live from the host's events once per window: so does each rendering here. */
function LiveUpdates() {
  useLiveUpdates();
  return null;
}

export function withClient(client: KinshipClient, ui: ReactElement): ReactElement {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return (
    <QueryClientProvider client={queryClient}>
      <ClientProvider client={client}>
        <CommandProvider>
          <LiveUpdates />
          {ui}
        </CommandProvider>
      </ClientProvider>
    </QueryClientProvider>
  );
}
