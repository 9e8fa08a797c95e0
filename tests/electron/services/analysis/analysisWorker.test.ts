import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../../../../electron/services/analysis/worker/protocol';
import { BUILT_WORKER } from '../../../helpers/analysisFixtures';

const workers: Worker[] = [];
afterEach(async () => {
  while (workers.length) await workers.pop()!.terminate();
});

/** The built worker on the lexicon (no model specs), and a way to wait for its next message of a kind. */
function startWorker() {
  const worker = new Worker(BUILT_WORKER);
  workers.push(worker);
  const received: FromWorker[] = [];
  let died: Error | null = null;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  worker.on('message', (message: FromWorker) => {
    received.push(message);
    notify();
  });
  worker.on('error', (error) => {
    died = error;
    notify();
  });
  worker.on('exit', (code) => {
    died ??= new Error(`the worker exited (code ${code})`);
    notify();
  });
  const next = <T extends FromWorker['type']>(type: T) =>
    new Promise<Extract<FromWorker, { type: T }>>((resolve, reject) => {
      const check = () => {
        const found = received.find((message) => message.type === type);
        if (found) {
          listeners.delete(check);
          resolve(found as Extract<FromWorker, { type: T }>);
        } else if (died) {
          listeners.delete(check);
          reject(died);
        }
      };
      listeners.add(check);
      check();
    });
  worker.postMessage({ type: 'init', specs: [], problems: [] } satisfies ToWorker);
  return { worker, next, post: (message: ToWorker) => worker.postMessage(message) };
}

describe('the analysis worker', () => {
  it('reads every item of a batch, even HTML too deep to convert, and stays up', async () => {
    const { next, post } = startWorker();
    await next('ready');
    const items = [
      { key: 0, body: 'I love it, thank you!', channel: 'chat' as const },
      { key: 1, body: '<div>'.repeat(20_000), channel: 'chat' as const },
      { key: 2, body: `${'<div>'.repeat(8000)}This is terrible and I am angry${'</div>'.repeat(8000)}`, channel: 'chat' as const },
      { key: 3, body: `${'<div>'.repeat(2000)}Awful service${'</div>'.repeat(2000)}`, channel: 'email' as const },
    ];
    post({ type: 'read', batchId: 1, priority: 'backlog', items });
    const reply = await next('read');
    expect(reply.batchId).toBe(1);
    expect(reply.failures ?? []).toEqual([]);
    const byKey = new Map(reply.readings.map(({ key, reading }) => [key, reading]));
    expect([...byKey.keys()].sort()).toEqual([0, 1, 2, 3]);
    expect(byKey.get(0)!.sentimentClass).toBe('positive');
    expect(byKey.get(1)!.words).toBe(0);
    expect(byKey.get(2)!).toMatchObject({ words: 7, sentimentClass: 'negative' });
    expect(byKey.get(3)!.words).toBe(2);
  });
});
