import { parseArgs } from 'node:util';
import { runTeamServer } from './runTeamServer';
import { teamServerConfig } from './teamConfig';

/** `npm run server`: a Kinship server that a team's consoles sign in to. */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  const started = performance.now();
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, host: { type: 'string' } } });
  const config = teamServerConfig(process.env, {
    ...(values.port !== undefined ? { port: Number(values.port) } : {}),
    ...(values.host !== undefined ? { host: values.host } : {}),
  });
  const server = await runTeamServer({ config });
  console.log(`Kinship team server is ready in ${Math.round(performance.now() - started)} ms.`);
  console.log(`Workspace: ${server.dataDir}`);
  console.log(`People open: ${server.url}`);
  if (server.setupLink) {
    const minutes = Math.round((server.setupLink.expiresAt - Date.now()) / 60_000);
    console.log(`This server has no admin yet. Open this one-time link within ${minutes} minutes to set one up (it works once; restarting the server prints a new one):`);
    console.log(`Setup link: ${server.setupLink.url}`);
  }
  const stop = () => {
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
