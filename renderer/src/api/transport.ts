import type { CallResult } from '../../../shared/contract/errors';
import type { KinshipEvent } from '../../../shared/contract/events';
import type { HostKind } from '../../../shared/contract/domain';
import type { ResumeOutcome } from '../../../shared/contract/live';
import type { ServicesStatus } from '../../../shared/contract/servicesStatus';

/** How calls reach the Node side: IPC in Electron, a WebSocket in the browser. */
export interface Transport {
  readonly host: HostKind;
  call(method: string, input: unknown): Promise<CallResult<unknown>>;
  onEvent(listener: (event: KinshipEvent) => void): () => void;
  /** Electron: where the services process is (the web host's services run inside it and have no such status). */
  onServicesStatus?(listener: (status: ServicesStatus) => void): () => void;
  /**
   * The web host: each time the connection opens, what became of the events missed while it was
   * down — resumed (they were delivered, in order, once each) or a gap (read everything again).
   */
  onResume?(listener: (outcome: ResumeOutcome) => void): () => void;
}
