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
readline.createInterface({ input: process.stdin }).on('line', async (line) => {
  const { id, method, input } = JSON.parse(line) as { id: number; method: string; input: unknown };
  void api.call(method, input, await api.deskCaller(null)).then((result) => write({ type: 'result', id, result }));
});
write({ type: 'ready' });
