// A stand-in for the analysis worker that, once it has a backlog batch, answers nothing more — the
// way a worker busy with a very long backlog text (or starved of CPU at low priority) looks to the
// engine. Live batches it gets before that are read with a fixed neutral reading.
import { parentPort } from 'node:worker_threads';
import { answer, sayReady, sayWorking } from './standInReadings.mjs';

let stuck = false;
parentPort.on('message', (message) => {
  if (message.type === 'init') {
    sayReady();
    return;
  }
  if (stuck) return;
  sayWorking(message);
  if (message.priority === 'backlog') stuck = true;
  else answer(message);
});
