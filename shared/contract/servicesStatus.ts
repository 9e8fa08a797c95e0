/**
 * Where the desk's services are, as the Electron host reports it to every window: they run in a
 * process of their own, which the main process restarts if it ends unexpectedly.
 */
export const SERVICES_STATES = [
  /** The services process is opening the workspace; calls wait for it. */
  'starting',
  'ready',
  /** The services process ended unexpectedly and a new one is starting; calls made meanwhile wait for it. */
  'reconnecting',
  /** Kinship is closing: the services finish what they were doing and close the workspace. */
  'stopping',
  'stopped',
  /** The services ended unexpectedly several times in a row and are no longer restarted. */
  'failed',
] as const;
export type ServicesState = (typeof SERVICES_STATES)[number];

export interface ServicesStatus {
  state: ServicesState;
  /** One plain sentence for the person at the desk. */
  message: string;
  /** Grows with every change, so a late answer never overwrites a newer status. */
  seq: number;
}
