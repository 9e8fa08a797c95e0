import type { CallResult } from '../../../shared/contract/errors';
import type { KinshipEvent } from '../../../shared/contract/events';
import type { HostKind } from '../../../shared/contract/domain';

/** How calls reach the Node side: IPC in Electron, a WebSocket in the browser. */
export interface Transport {
  readonly host: HostKind;
  call(method: string, input: unknown): Promise<CallResult<unknown>>;
  onEvent(listener: (event: KinshipEvent) => void): () => void;
}
