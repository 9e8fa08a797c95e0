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

async function read(message: Extract<ToWorker, { type: 'read' }>) {
  const started = performance.now();
  const prepared = message.items.map((item) => customerWords(item.body, item.channel));
  const byLexicon = () => prepared.map((words) => lexiconReading(words.text, words.words, words.truncated));
  let readings;
  try {
    readings = analyzer ? await analyzer.read(prepared) : byLexicon();
  } catch (error) {
    // a model that fails on some input must not cost the batch its reading: say so, and use the lexicon
    console.error(`Kinship analysis: the model failed on a batch, read by the lexicon instead: ${String(error)}`);
    readings = byLexicon();
  }
  send({
    type: 'read',
    batchId: message.batchId,
    readings: readings.map((reading, index) => ({ key: message.items[index]!.key, reading })),
    workMs: performance.now() - started,
    memory: { heapUsed: v8.getHeapStatistics().used_heap_size, rss: process.memoryUsage.rss() },
  });
}

// Messages are handled strictly one after another, so a batch never overtakes the init.
let chain = Promise.resolve();
port.on('message', (message: ToWorker) => {
  chain = chain.then(() => (message.type === 'init' ? init(message) : read(message)));
});
