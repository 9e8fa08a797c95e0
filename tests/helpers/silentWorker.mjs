// A stand-in for the analysis worker that never finishes reading: it loads (the lexicon, at once)
// and takes every batch, but answers none — the way a worker busy with a very long text looks to
// the engine. For tests that must close an engine while a batch is in the worker's hands.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (message) => {
  if (message.type === 'init') {
    parentPort.postMessage({ type: 'ready', analyzer: 'lexicon', models: [], modelId: 'vader', modelVersion: null, problems: [] });
    return;
  }
  parentPort.postMessage({ type: 'working', batchId: message.batchId, keys: message.items.map((item) => item.key) });
});
