import { parentPort } from 'node:worker_threads';
import v8 from 'node:v8';
import type { Reading } from '../../../../shared/contract/analysis';
import { LEXICON_MODEL_ID, lexiconReading } from '../lexiconAnalyzer';
import { createModelAnalyzer, type ModelAnalyzer } from '../modelAnalyzer';
import { enterBackgroundPriority } from './backgroundPriority';
import { customerWords, plainWords, type CustomerWords } from '../text/customerWords';
import type { FromWorker, ToWorker } from './protocol';

/**
 * The analysis worker: owns the models, so inference never blocks the main process. It reads one
 * batch at a time; the engine on the main thread decides what comes next. Every item is read in
 * its own try/catch: one text that cannot be read is reported as such and the rest are read; before
 * each step it says which items it works on, so if it dies anyway the engine knows which to set aside.
 */
const port = parentPort;
if (!port) throw new Error('analysisWorker must run in a worker thread');
// before any model is loaded, so the threads onnxruntime starts inherit it
const priority = enterBackgroundPriority();

let analyzer: ModelAnalyzer | null = null;
const send = (message: FromWorker) => port.postMessage(message);
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function init(message: Extract<ToWorker, { type: 'init' }>) {
  const problems = [...message.problems];
  if (message.specs.length === 0) {
    problems.unshift('no emotion or sentiment model was found in the models folder, the app cache or the packaged models');
  } else {
    try {
      analyzer = await createModelAnalyzer(message.specs, priority.modelThreads);
    } catch (error) {
      problems.unshift(`the model could not be loaded (${reasonOf(error)})`);
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
type Item = ReadMessage['items'][number];
type Outcome = { key: number; reading: Reading } | { key: number; reason: string };
const lanes: Record<ReadMessage['priority'], ReadMessage[]> = { live: [], backlog: [] };
/** Backlog items read between two looks at the live lane. */
const SLICE = 2;

/** The writer's words, or as plain text when that fails; a reason when even that fails. */
function prepare(item: Item): CustomerWords | string {
  try {
    return customerWords(item.body, item.channel);
  } catch (error) {
    try {
      return plainWords(item.body);
    } catch {
      return `the text could not be read (${reasonOf(error)})`;
    }
  }
}

function byLexicon(items: { key: number; words: CustomerWords }[]): Outcome[] {
  return items.map(({ key, words }) => {
    try {
      return { key, reading: lexiconReading(words.text, words.words, words.truncated) };
    } catch (error) {
      return { key, reason: `the text could not be read (${reasonOf(error)})` };
    }
  });
}

/** Reads prepared texts with the model; when the model fails on a batch, each alone, and the lexicon for the one at fault. */
async function readPrepared(items: { key: number; words: CustomerWords }[]): Promise<Outcome[]> {
  if (!items.length) return [];
  if (!analyzer) return byLexicon(items);
  try {
    const readings = await analyzer.read(items.map((item) => item.words));
    return readings.map((reading, index) => ({ key: items[index]!.key, reading }));
  } catch (error) {
    if (items.length > 1) {
      const outcomes: Outcome[] = [];
      for (const item of items) outcomes.push(...(await readPrepared([item])));
      return outcomes;
    }
    console.error(`Kinship analysis: the model failed on a text, read by the lexicon instead: ${reasonOf(error)}`);
    return byLexicon(items);
  }
}

async function readSlice(batchId: number, slice: readonly Item[]): Promise<Outcome[]> {
  const prepared: { key: number; words: CustomerWords }[] = [];
  const outcomes: Outcome[] = [];
  for (const item of slice) {
    send({ type: 'working', batchId, keys: [item.key] });
    const words = prepare(item);
    if (typeof words === 'string') outcomes.push({ key: item.key, reason: words });
    else prepared.push({ key: item.key, words });
  }
  if (prepared.length) send({ type: 'working', batchId, keys: prepared.map((item) => item.key) });
  outcomes.push(...(await readPrepared(prepared)));
  return outcomes;
}

async function read(message: ReadMessage) {
  let workMs = 0;
  const outcomes: Outcome[] = [];
  const slice = message.priority === 'live' ? message.items.length : SLICE;
  for (let start = 0; start < message.items.length; start += slice) {
    // live work that arrived meanwhile goes first
    while (message.priority === 'backlog' && lanes.live.length) await read(lanes.live.shift()!);
    const items = message.items.slice(start, start + slice);
    const started = performance.now();
    try {
      outcomes.push(...(await readSlice(message.batchId, items)));
    } catch (error) {
      outcomes.push(...items.map((item) => ({ key: item.key, reason: `the text could not be read (${reasonOf(error)})` })));
    }
    workMs += performance.now() - started;
  }
  const readings: { key: number; reading: Reading }[] = [];
  const failures: { key: number; reason: string }[] = [];
  for (const outcome of outcomes) {
    if ('reading' in outcome) readings.push(outcome);
    else failures.push(outcome);
  }
  send({
    type: 'read',
    batchId: message.batchId,
    readings,
    failures,
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
