/**
 * A host in a child process for crash tests: the real services (store, ingestion, api — no analysis
 * worker) over stdin/stdout, one JSON object a line. In: {id, method, input}. Out: {type: 'ready'},
 * {type: 'result', id, result} and {type: 'event', event}. Started by childHost.ts, killed with -9.
 */
import readline from 'node:readline';
import { createApi } from '../../electron/services/api/createApi';
import { openWorkspace } from '../../electron/services/api/workspace';
import { createEventBus } from '../../electron/services/events/eventBus';

const [file, now] = process.argv.slice(2);
const bus = createEventBus();
const write = (frame: unknown) => process.stdout.write(`${JSON.stringify(frame)}\n`);
bus.subscribe((event) => write({ type: 'event', event }));
const workspace = await openWorkspace(file!, bus);
const api = await createApi({ host: 'web', bus, workspace, now: now ? () => Number(now) : Date.now });
/** One call: its answer is written whenever it comes (calls overlap, as a host's do). */
async function answer(line: string): Promise<void> {
  const { id, method, input } = JSON.parse(line) as { id: number; method: string; input: unknown };
  write({ type: 'result', id, result: await api.call(method, input, await api.deskCaller(null)) });
}
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  answer(line).catch((error: unknown) => {
    // a line that is not a call, or a caller that cannot be made: said on stderr, never an unhandled rejection
    process.stderr.write(`childHostMain: ${error instanceof Error ? error.message : String(error)}\n`);
  });
});
write({ type: 'ready' });
