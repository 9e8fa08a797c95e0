import type { HostKind } from '../../shared/contract/domain';
import type { CallResult } from '../../shared/contract/errors';
import type { RequestFrame, ServerFrame } from '../../shared/contract/wire';

/**
 * What travels between a host's main process and its services process. Calls, results and events
 * are the web host's frames (shared/contract/wire.ts); around them, the few messages that start,
 * announce and stop the services.
 */

/** What the services process needs to open the workspace. */
export interface ServicesStartOptions {
  host: HostKind;
  dataDir: string;
  /** The project's resources/ folder (packaged models, model manifest). */
  resourcesDir?: string;
}

/** The first message a services process receives (in Electron, with the port for everything else). */
export type StartMessage = { type: 'start'; options: ServicesStartOptions };
/** Finish the calls under way, close the workspace (its WAL checkpointed), and exit. */
export type StopMessage = { type: 'stop' };
export type ToServices = RequestFrame | StopMessage;

/** The services are open: calls are answered from now on. */
export type ReadyMessage = { type: 'ready' };
/** The services could not start; the process exits after saying why. */
export type FailedMessage = { type: 'failed'; message: string };
export type FromServices = ServerFrame | ReadyMessage | FailedMessage;

/** One end of the link between the processes: a MessagePort in Electron, the IPC channel of child_process.fork under plain Node. */
export interface ServicesChannel {
  post(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** The other end is gone (its process ended or closed the link). */
  onClose(listener: () => void): void;
}

/** How a services process ended. */
export interface ServicesExit {
  code: number | null;
  signal: string | null;
}

/** A services process as its parent sees it, however it was started. */
export interface SpawnedServices {
  readonly pid: number | undefined;
  channel: ServicesChannel;
  exited: Promise<ServicesExit>;
  /** Ends it at once (SIGKILL): for a process that does not stop when asked. */
  kill(): void;
}

/** The error every call gets when the services process it went to is gone: the client may send it again. */
export function lostCall(message: string): CallResult<never> {
  return { ok: false, error: { code: 'transport', message } };
}

export function isMessageOfType<T extends { type: string }>(message: unknown, type: T['type']): message is T {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}
