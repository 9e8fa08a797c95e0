/**
 * The services process: the workspace, the analysis engine and the api, in a process of their own
 * so that nothing they do can freeze a window. Electron starts it with utilityProcess.fork; tests
 * (and any plain Node parent) with child_process.fork — parentChannel.ts tells the two apart.
 * Plain Node: never imports electron.
 *
 * Life: wait for the start message, open the services, say 'ready', answer calls and send events
 * until the parent says 'stop' (or goes away), then finish the calls under way, close the workspace
 * (SQLite checkpoints its WAL into the file on close) and exit.
 */
import { startServices, type Services, type ServicesOptions } from '../services/startServices';
import { connectToParent, type ParentLink } from './parentChannel';
import { serveContract } from './serveContract';
import type { FailedMessage, ReadyMessage } from './servicesWire';

/** How long the calls under way may take to finish once the parent asks the services to stop. */
const DRAIN_MS = 5_000;

function servicesOptions(link: ParentLink): ServicesOptions {
  const { host, dataDir, resourcesDir } = link.start.options;
  return resourcesDir ? { host, dataDir, resourcesDir } : { host, dataDir };
}

async function run(): Promise<void> {
  const link = await connectToParent();
  let services: Services;
  try {
    services = await startServices(servicesOptions(link));
  } catch (error) {
    const failed: FailedMessage = { type: 'failed', message: error instanceof Error ? error.message : String(error) };
    link.channel.post(failed);
    // give the message a moment to leave before the process does
    setTimeout(() => process.exit(1), 100);
    return;
  }
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      await Promise.race([server.drain(), new Promise((resolve) => setTimeout(resolve, DRAIN_MS).unref())]);
      await services.stop();
    })().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Kinship's services did not close cleanly: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  const server = serveContract(link.channel, services.api, stop);
  // the parent is gone (it crashed or was killed): nobody is left to serve
  link.channel.onClose(stop);
  const ready: ReadyMessage = { type: 'ready' };
  link.channel.post(ready);
}

run().catch((error: unknown) => {
  console.error(`Kinship's services could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
