import { fork, type ForkOptions } from 'node:child_process';
import type { ServicesChannel, ServicesExit, ServicesStartOptions, SpawnedServices, StartMessage } from './servicesWire';

/**
 * Starts the services process under plain Node (child_process.fork), the way Electron's main
 * process starts it with utilityProcess.fork: the same entry, the same messages, over Node's IPC
 * channel instead of a MessagePort. Used by the tests, which cannot run Electron.
 */
export function forkNodeServices(entry: string, start: ServicesStartOptions, forkOptions: ForkOptions = {}): SpawnedServices {
  const child = fork(entry, [], {
    // structured clone, as a MessagePort would carry the messages
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    ...forkOptions,
  });
  const exited = new Promise<ServicesExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  // a process that could not be started or signalled also ends with 'exit' (or never started: its exit is what the parent waits for)
  child.on('error', () => undefined);
  const channel: ServicesChannel = {
    post(message) {
      if (!child.connected) throw new Error('The services process is gone.');
      // a failed write means the process went between the check and the write: its exit says the rest
      child.send(message as object, () => undefined);
    },
    onMessage: (listener) => child.on('message', (message) => listener(message)),
    onClose: (listener) => child.once('disconnect', listener),
  };
  const message: StartMessage = { type: 'start', options: start };
  channel.post(message);
  return {
    pid: child.pid,
    channel,
    exited,
    kill: () => void child.kill('SIGKILL'),
  };
}
