import type { CallResult } from './errors';
import type { KinshipEvent } from './events';
import type { ServicesStatus } from './servicesStatus';
import type { WorkspaceChoice, WorkspaceChoiceResult } from './workspaceChoice';

/**
 * What the Electron preload exposes on `window.kinship`. The renderer's client wraps it; the
 * preload implements it. Both are checked against this type.
 */
export interface KinshipBridge {
  readonly host: 'electron';
  call(method: string, input: unknown): Promise<CallResult<unknown>>;
  /** Returns a function that stops listening. */
  onEvent(listener: (event: KinshipEvent) => void): () => void;
  /** Where the services process is: called at once with the latest known status, then on every change. */
  onServicesStatus(listener: (status: ServicesStatus) => void): () => void;
  /** Opens one conversation in a window of its own. */
  popOut(conversationId: number): Promise<void>;
  /** The first screen's answer: this desk, or the team's server (checked and kept by the main process, which then opens it). */
  chooseWorkspace(choice: WorkspaceChoice): Promise<WorkspaceChoiceResult>;
}
