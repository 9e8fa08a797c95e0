import { parseArgs } from 'node:util';
import { runWebHost } from './runWebHost';
import { CALL_TRACE_PREFIX, type CallTiming } from './socketSession';

/** `npm run web`: the console in a browser, for desks without Electron and for tests. */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  const started = performance.now();
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' } } });
  const port = values.port ?? process.env.KINSHIP_PORT;
  // KINSHIP_TRACE_CALLS=1: each call's time in the host, one line on stderr per call (bench:ui reads them)
  const traceCall = process.env.KINSHIP_TRACE_CALLS === '1' ? (timing: CallTiming) => process.stderr.write(`${CALL_TRACE_PREFIX}${JSON.stringify(timing)}\n`) : undefined;
  const host = await runWebHost({ ...(port !== undefined ? { port: Number(port) } : {}), ...(traceCall ? { traceCall } : {}) });
  console.log(`Kinship web host is ready in ${Math.round(performance.now() - started)} ms.`);
  console.log(`Workspace: ${host.dataDir}`);
  console.log(`Open this address in your browser (it carries this run's access token): ${host.url}`);
  const stop = () => {
    void host.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
