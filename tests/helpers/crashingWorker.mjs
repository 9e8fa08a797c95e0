// A stand-in for the analysis worker that dies on any text containing CRASH-THE-WORKER, the way a
// native crash or an out-of-memory in a real model would: no try/catch can stop it. It speaks the
// worker protocol (electron/services/analysis/worker/protocol.ts) and "reads" everything else with
// a fixed neutral reading. Like the real worker's model step, it says it works on the whole slice.
import { parentPort } from 'node:worker_threads';

const reading = (text) => ({
  analyzer: 'lexicon',
  modelId: 'stand-in',
  modelVersion: '1',
  sentiment: 0,
  sentimentClass: 'neutral',
  emotions: {},
  dominant: null,
  labels: {},
  words: text.split(/\s+/).filter(Boolean).length,
  windows: 1,
  truncated: false,
});

parentPort.on('message', (message) => {
  if (message.type === 'init') {
    parentPort.postMessage({ type: 'ready', analyzer: 'lexicon', models: [], modelId: 'stand-in', modelVersion: '1', problems: [] });
    return;
  }
  parentPort.postMessage({ type: 'working', batchId: message.batchId, keys: message.items.map((item) => item.key) });
  if (message.items.some((item) => item.body.includes('CRASH-THE-WORKER'))) process.exit(7);
  parentPort.postMessage({
    type: 'read',
    batchId: message.batchId,
    readings: message.items.map((item) => ({ key: item.key, reading: reading(item.body) })),
    failures: [],
    workMs: 0,
    memory: { heapUsed: 0, rss: 0 },
  });
});
