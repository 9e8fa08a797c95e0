import { isMessageOfType, type ServicesChannel, type StartMessage } from './servicesWire';

/**
 * The services process's side of the link to its parent, whichever way it was started:
 * - by Electron's utilityProcess.fork: the first message on `process.parentPort` carries the start
 *   options and a MessagePort, and everything after goes over that port;
 * - by Node's child_process.fork (tests, plain Node): start options and everything after go over
 *   the IPC channel (`process.send`).
 * No electron import: the few shapes used are declared here.
 */

/** Electron's MessagePortMain, as much of it as is used here. */
interface PortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  on(event: 'close', listener: () => void): void;
  postMessage(message: unknown): void;
  start(): void;
}

/** Electron's process.parentPort (only in a utility process). */
interface ParentPortLike {
  once(event: 'message', listener: (event: { data: unknown; ports: PortLike[] }) => void): void;
}

export interface ParentLink {
  start: StartMessage;
  channel: ServicesChannel;
  /** Which way the process was started, for its log line. */
  kind: 'utility-process' | 'child-process';
}

/**
 * Messages that arrive before the services listen (a call right behind the start message) are
 * kept, in order, for the first listener.
 */
function bufferedChannel(subscribe: (deliver: (message: unknown) => void) => void, post: (message: unknown) => void, onClose: (listener: () => void) => void): ServicesChannel {
  let listener: ((message: unknown) => void) | null = null;
  const early: unknown[] = [];
  subscribe((message) => (listener ? listener(message) : early.push(message)));
  return {
    post,
    onMessage(next) {
      listener = next;
      for (const message of early.splice(0)) next(message);
    },
    onClose,
  };
}

function portChannel(port: PortLike): ServicesChannel {
  return bufferedChannel(
    (deliver) => port.on('message', (event) => deliver(event.data)),
    (message) => port.postMessage(message),
    (listener) => port.on('close', listener),
  );
}

function processChannel(): ServicesChannel {
  return bufferedChannel(
    (deliver) => process.on('message', deliver),
    (message) => {
      // the parent may be gone already: there is no one to tell
      if (process.connected) process.send!(message, undefined, {}, () => undefined);
    },
    (listener) => process.on('disconnect', listener),
  );
}

function notStarted(what: unknown): Error {
  return new Error(`The services process expected its start message first, not ${JSON.stringify(what)?.slice(0, 80) ?? String(what)}.`);
}

/** Waits for the parent's start message and returns the link for everything after it. */
export function connectToParent(): Promise<ParentLink> {
  const parentPort = (process as { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    return new Promise((resolve, reject) => {
      parentPort.once('message', ({ data, ports }) => {
        const port = ports[0];
        if (!isMessageOfType<StartMessage>(data, 'start') || !port) return reject(notStarted(data));
        const channel = portChannel(port);
        resolve({ start: data, channel, kind: 'utility-process' });
        // messages sent before anyone listened wait in the port until it starts
        port.start();
      });
    });
  }
  if (process.send) {
    return new Promise((resolve, reject) => {
      process.once('message', (data) => {
        if (!isMessageOfType<StartMessage>(data, 'start')) return reject(notStarted(data));
        resolve({ start: data, channel: processChannel(), kind: 'child-process' });
      });
    });
  }
  return Promise.reject(new Error('The services process must be started by Kinship (utilityProcess.fork or child_process.fork), not on its own.'));
}
