import { parentPort } from 'node:worker_threads';
import v8 from 'node:v8';
import { LEXICON_MODEL_ID, lexiconReading } from '../lexiconAnalyzer';
import { createModelAnalyzer, type ModelAnalyzer } from '../modelAnalyzer';
import { customerWords } from '../text/customerWords';
import type { FromWorker, ToWorker } from './protocol';

/**
 * The analysis worker: owns the models, so inference never blocks the main process. It reads one
 * batch at a time; the engine on the main thread decides what comes next.
 */
const port = parentPort;
if (!port) throw new Error('analysisWorker must run in a worker thread');

let analyzer: ModelAnalyzer | null = null;
const send = (message: FromWorker) => port.postMessage(message);

async function init(message: Extract<ToWorker, { type: 'init' }>) {
  const problems = [...message.problems];
  if (message.specs.length === 0) {
    problems.unshift('no emotion or sentiment model was found in the models folder, the app cache or the packaged models');
  } else {
    try {
      analyzer = await createModelAnalyzer(message.specs);
    } catch (error) {
      problems.unshift(`the model could not be loaded (${error instanceof Error ? error.message : String(error)})`);
      analyzer = null;
    }
  }
  send(
    analyzer
      ? { type: 'ready', analyzer: 'model', models: analyzer.models, modelId: analyzer.modelId, modelVersion: analyzer.modelVersion, problems }
      : { type: 'ready', analyzer: 'lexicon', models: [], modelId: LEXICON_MODEL_ID, modelVersion: '1.1.3', problems },
  );
}

type ReadMessage = Extract<ToWorker, { type: 'read' }>;
const lanes: Record<ReadMessage['priority'], ReadMessage[]> = { live: [], backlog: [] };
/** Backlog items read between two looks at the live lane. */
const SLICE = 2;

async function readItems(items: ReadMessage['items']) {
  const prepared = items.map((item) => customerWords(item.body, item.channel));
  const byLexicon = () => prepared.map((words) => lexiconReading(words.text, words.words, words.truncated));
  try {
    return analyzer ? await analyzer.read(prepared) : byLexicon();
  } catch (error) {
    console.error(`Kinship analysis: the model failed on a batch, read by the lexicon instead: ${String(error)}`);
    return byLexicon();
  }
}

async function read(message: ReadMessage) {
  let workMs = 0;
  const readings = [];
  const slice = message.priority === 'live' ? message.items.length : SLICE;
  for (let start = 0; start < message.items.length; start += slice) {
    // live work that arrived meanwhile goes first
    while (message.priority === 'backlog' && lanes.live.length) await read(lanes.live.shift()!);
    const started = performance.now();
    readings.push(...(await readItems(message.items.slice(start, start + slice))));
    workMs += performance.now() - started;
  }
  send({
    type: 'read',
    batchId: message.batchId,
    readings: readings.map((reading, index) => ({ key: message.items[index]!.key, reading })),
    workMs,
    memory: { heapUsed: v8.getHeapStatistics().used_heap_size, rss: process.memoryUsage.rss() },
  });
}

let initialised: Promise<void> = Promise.resolve();
let draining = false;
async function drain() {
  if (draining) return;
  draining = true;
  try {
    await initialised;
    for (let next = lanes.live.shift() ?? lanes.backlog.shift(); next; next = lanes.live.shift() ?? lanes.backlog.shift()) await read(next);
  } finally {
    draining = false;
  }
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'init') initialised = initialised.then(() => init(message));
  else {
    lanes[message.priority].push(message);
    void drain();
  }
});
