import type { KinshipBridge } from '../../../shared/contract/bridge';
import { ApiError } from '../../../shared/contract/errors';
import type { EventName, EventPayload, KinshipEvent } from '../../../shared/contract/events';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/methods';
import type { ServicesStatus } from '../../../shared/contract/servicesStatus';
import type { ResumeOutcome } from '../../../shared/contract/live';
import { CONVERSATION_HASH } from '../../../shared/contract/channels';
import { createRequestIds } from './requestIds';
import type { Transport } from './transport';
import { createWebSocketTransport, takeToken } from './webSocketTransport';

declare global {
  interface Window {
    /** Present only in the Electron host (exposed by the preload). */
    kinship?: KinshipBridge;
  }
}

/** The one client the console uses; it does not know, or care, which host serves it. */
export function createClient(transport: Transport, requestIds = createRequestIds()) {
  return {
    host: transport.host,
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      // a write carries an id made now, or the id of the same write whose answer was lost
      const request = requestIds.begin(method, input);
      let result = await transport.call(method, request.input);
      // the connection dropped: the host may or may not have applied it; send it once more (same id)
      if (!result.ok && result.error.code === 'transport' && request.key !== null) result = await transport.call(method, request.input);
      requestIds.settle(request.key, method, request.input, result.ok || result.error.code !== 'transport');
      if (!result.ok) throw ApiError.fromShape(result.error);
      return result.value as MethodOutput<M>;
    },
    /** Opens one conversation in a window of its own (Electron), or a new tab (browser). */
    openConversationWindow(conversationId: number): void {
      if (window.kinship) void window.kinship.popOut(conversationId);
      else window.open(`${window.location.pathname}#${CONVERSATION_HASH}=${conversationId}`, '_blank');
    },
    /** Where the host's services are (Electron restarts them if they end unexpectedly); never called where the host has no such status. */
    onServicesStatus(listener: (status: ServicesStatus) => void): () => void {
      return transport.onServicesStatus ? transport.onServicesStatus(listener) : () => undefined;
    },
    /** The web host: what became of the missed events each time the connection opens (resumed, or a gap: read everything again). */
    onResume(listener: (outcome: ResumeOutcome) => void): () => void {
      return transport.onResume ? transport.onResume(listener) : () => undefined;
    },
    on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
      return transport.onEvent((event: KinshipEvent) => {
        if (event.name === name) listener(event.payload as EventPayload<E>);
      });
    },
  };
}

export type KinshipClient = ReturnType<typeof createClient>;

/** Picks the host's transport: the preload's bridge in Electron, the WebSocket in a browser. */
export function connectToHost(): KinshipClient | { error: string } {
  if (window.kinship) return createClient(window.kinship);
  const token = takeToken(window.location, window.sessionStorage, window.history);
  if (!token) {
    return {
      error:
        'This page needs the address the Kinship web host printed when it started (it ends in #token=…). Open that address, or restart the web host with "npm run web".',
    };
  }
  return createClient(createWebSocketTransport(token, window.location.origin));
}
