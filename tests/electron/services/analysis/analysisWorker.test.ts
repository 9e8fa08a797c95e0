import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { findModels } from '../../../../electron/services/analysis/models/findModels';
import { BACKGROUND_PRIORITY } from '../../../../electron/services/analysis/worker/backgroundPriority';
import type { ModelSpec } from '../../../../electron/services/analysis/models/modelSpec';
import type { FromWorker, ToWorker } from '../../../../electron/services/analysis/worker/protocol';
import { BUILT_WORKER, haveSharedModels, SHARED_MODELS_DIR } from '../../../helpers/analysisFixtures';

const workers: Worker[] = [];
afterEach(async () => {
  while (workers.length) await workers.pop()!.terminate();
});

/** The built worker (on the lexicon unless given model specs), and a way to wait for its next message of a kind. */
function startWorker(specs: ModelSpec[] = []) {
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
  worker.postMessage({ type: 'init', specs, problems: [] } satisfies ToWorker);
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

/** This process's threads (Linux): scheduling niceness and CPU time used (user + system, in clock ticks). */
function threads(): Map<string, { nice: number; cpu: number }> {
  const found = new Map<string, { nice: number; cpu: number }>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    try {
      // fields after "pid (comm) ": state is [0], utime [11], stime [12], nice [16]
      const fields = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      found.set(tid, { nice: Number(fields[16]), cpu: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the thread ended meanwhile
    }
  }
  return found;
}

describe.runIf(process.platform === 'linux')('reading is background work', () => {
  it('the worker reads below normal priority, on threads it starts, and leaves the host thread as it was', async () => {
    const specs = haveSharedModels ? (await findModels([{ dir: SHARED_MODELS_DIR, source: 'models folder' }])).specs : [];
    const before = threads();
    const hostPriority = os.getPriority();
    const { next, post } = startWorker(specs);
    await next('ready');
    const items = Array.from({ length: 32 }, (_, key) => ({ key, body: `My order ${key} arrived broken again and nobody answers my e-mails. I am really upset.`, channel: 'chat' as const }));
    post({ type: 'read', batchId: 1, priority: 'backlog', items });
    expect((await next('read')).readings).toHaveLength(items.length);
    let lowCpu = 0;
    let otherCpu = 0;
    for (const [tid, now] of threads()) {
      if (before.has(tid)) continue;
      if (now.nice === BACKGROUND_PRIORITY) lowCpu += now.cpu;
      else otherCpu += now.cpu;
    }
    // the reading was done by the worker's threads, all of them lowered
    expect(lowCpu).toBeGreaterThan(0);
    expect(lowCpu).toBeGreaterThan(otherCpu);
    expect(os.getPriority()).toBe(hostPriority);
  });
});
