import { MessageChannelMain, utilityProcess } from 'electron';
import type { ServicesChannel, ServicesExit, ServicesStartOptions, SpawnedServices, StartMessage } from '../host/servicesWire';

/**
 * Starts the services process with Electron's utilityProcess.fork and gives it a MessagePort for
 * the contract: the start message travels on the process's parent port with the port beside it,
 * everything after on the port. (Under plain Node, electron/host/forkNodeServices.ts does the same
 * with child_process.fork.)
 */
export function forkUtilityServices(entry: string, start: ServicesStartOptions): SpawnedServices {
  const child = utilityProcess.fork(entry, [], { serviceName: 'Kinship services', stdio: 'inherit' });
  const { port1, port2 } = new MessageChannelMain();
  const exited = new Promise<ServicesExit>((resolve) => child.once('exit', (code) => resolve({ code, signal: null })));
  const channel: ServicesChannel = {
    post: (message) => port1.postMessage(message),
    onMessage: (listener) => port1.on('message', (event) => listener(event.data)),
    onClose: (listener) => port1.once('close', listener),
  };
  port1.start();
  const message: StartMessage = { type: 'start', options: start };
  child.postMessage(message, [port2]);
  return {
    get pid() {
      return child.pid;
    },
    channel,
    exited,
    kill() {
      // child.kill() asks with SIGTERM; a process that did not stop when asked is ended with SIGKILL
      try {
        if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
        else child.kill();
      } catch {
        child.kill();
      }
    },
  };
}
