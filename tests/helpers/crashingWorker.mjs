// A stand-in for the analysis worker that dies on any text containing CRASH-THE-WORKER, the way a
// native crash or an out-of-memory in a real model would: no try/catch can stop it. It speaks the
// worker protocol (electron/services/analysis/worker/protocol.ts) and "reads" everything else with
// a fixed neutral reading. Like the real worker's model step, it says it works on the whole slice.
import { parentPort } from 'node:worker_threads';
import { answer, sayReady, sayWorking } from './standInReadings.mjs';

parentPort.on('message', (message) => {
  if (message.type === 'init') {
    sayReady();
    return;
  }
  sayWorking(message);
  if (message.items.some((item) => item.body.includes('CRASH-THE-WORKER'))) process.exit(7);
  answer(message);
});
