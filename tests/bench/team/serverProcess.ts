/**
 * One team server of the bench, in a process of its own: what `node out/main/teamServer.js` runs
 * (runTeamServer over KINSHIP_DATABASE_URL, on a free loopback port, with the built console and
 * analysis worker), plus a way in for the bench's customers: messages sent over the IPC channel
 * go through this server's ingestion service, as a channel connector in it would hand them over —
 * so its events are this server's to fan out.
 */
import { fileURLToPath } from 'node:url';
import type { IngestMessage } from '../../../shared/contract/ingestion';
import { runTeamServer } from '../../../electron/web/runTeamServer';
import { teamServerConfig } from '../../../electron/web/teamConfig';

export type ToServer = { type: 'ingest'; seq: number; item: IngestMessage };
export type FromServer =
  | { type: 'ready'; url: string; setupLink: string | null }
  | { type: 'ingested'; seq: number; messageId: number; conversationId: number }
  | { type: 'ingest-failed'; seq: number; error: string };

const OUT = new URL('../../../out/', import.meta.url);

async function main() {
  const send = (message: FromServer) => process.send!(message);
  const server = await runTeamServer({
    config: teamServerConfig(process.env, { port: 0 }),
    rendererDir: fileURLToPath(new URL('renderer/', OUT)),
    resourcesDir: fileURLToPath(new URL('../../../resources/', import.meta.url)),
    analysisWorkerUrl: new URL('main/analysisWorker.js', OUT),
  });
  const workspace = server.services.workspace;
  if (workspace.state !== 'ready') throw new Error('the workspace did not open');
  process.on('message', (message: ToServer) => {
    if (message.type !== 'ingest') return;
    workspace.ingestion.ingest(message.item).then(
      (result) => send({ type: 'ingested', seq: message.seq, messageId: result.messageId, conversationId: result.conversationId }),
      (error: unknown) => send({ type: 'ingest-failed', seq: message.seq, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  const stop = () => void server.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('disconnect', stop);
  send({ type: 'ready', url: server.url, setupLink: server.setupLink?.url ?? null });
}

main().catch((error: unknown) => {
  console.error(`the bench's team server could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
