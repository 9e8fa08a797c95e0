import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import type { FromWorker } from '../../../../electron/services/analysis/worker/protocol';
import { customerMessage, startAnalysis } from '../../../helpers/analysisHarness';

const STUCK_BACKLOG_WORKER = new URL('../../../helpers/stuckBacklogWorker.mjs', import.meta.url);

describe('live work has a worker of its own', () => {
  it('reads a live message while the backlog’s worker is stuck on a backlog batch', async () => {
    const { ingestion, engine, store } = await startAnalysis({ models: [], start: false, engine: { workerUrl: STUCK_BACKLOG_WORKER } });
    const backlog = await ingestion.ingest(customerMessage('An e-mail thread as long as a novel'), { notify: false });
    const started = engine.start();
    while (!engine.worker) await nextTurn();
    let backlogTaken = false;
    engine.worker.on('message', (message: FromWorker) => {
      if (message.type === 'working') backlogTaken = true;
    });
    await started;
    // the backlog's batch is in its worker's hands, and stays there
    await vi.waitFor(() => expect(backlogTaken).toBe(true), { timeout: 60_000, interval: 5 });
    expect(engine.status().backlog).toEqual({ done: 0, total: 1 });
    // a message arriving now is read all the same (it would wait behind the backlog batch for ever with one worker)
    const { messageId } = await ingestion.ingest(customerMessage('Where is my parcel?'), { notify: false });
    const reading = await engine.readMessage(messageId);
    expect(reading).toMatchObject({ modelId: 'stand-in', sentimentClass: 'neutral' });
    expect(await store.analyses.latestForMessage(messageId)).not.toBeNull();
    expect(await store.analyses.latestForMessage(backlog.messageId)).toBeNull();
    expect(engine.liveWorker).not.toBe(engine.worker);
  });
});
