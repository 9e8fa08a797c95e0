import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { EventName, EventPayload } from '../../../shared/contract/events';
import type { KinshipClient } from './client';

const ClientContext = createContext<KinshipClient | null>(null);

export function ClientProvider({ client, children }: { client: KinshipClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): KinshipClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient needs a ClientProvider');
  return client;
}

/** Listens to one kind of event from the Node side while the component is mounted. */
export function useKinshipEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): void {
  const client = useClient();
  useEffect(() => client.on(name, listener), [client, name, listener]);
}
