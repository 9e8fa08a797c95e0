// What the stand-in analysis workers (crashingWorker, stuckBacklogWorker) answer: a fixed neutral
// reading of every item of a batch, in the worker protocol (electron/services/analysis/worker/protocol.ts).
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

export const sayReady = () => parentPort.postMessage({ type: 'ready', analyzer: 'lexicon', models: [], modelId: 'stand-in', modelVersion: '1', problems: [] });

/** Like the real worker's model step, it says it works on the whole batch. */
export const sayWorking = (message) => parentPort.postMessage({ type: 'working', batchId: message.batchId, keys: message.items.map((item) => item.key) });

export function answer(message) {
  parentPort.postMessage({
    type: 'read',
    batchId: message.batchId,
    readings: message.items.map((item) => ({ key: item.key, reading: reading(item.body) })),
    failures: [],
    workMs: 0,
    memory: { heapUsed: 0, rss: 0 },
  });
}
