import { expect, it, vi } from 'vitest';
import { createBackgroundSlices } from '../../../../electron/services/common/backgroundSlices';
import { customerMessage, startAnalysis } from '../../../helpers/analysisHarness';
import { describeWithModels } from '../../../helpers/analysisFixtures';

describeWithModels('the backlog and the api', () => {
  it('stores the backlog’s readings only when no call is waiting, and reads it all in the end', async () => {
    // (no slice runs before the call is answered, however long the machine takes)
    const background = createBackgroundSlices({ maxWaitMs: 3_600_000 });
    const { ingestion, store, engine } = await startAnalysis({ start: false, engine: { background } });
    await ingestion.ingestMany(Array.from({ length: 12 }, (_, i) => customerMessage(`Backlog message ${i}: my parcel is late again`)), { notify: false });
    // a call comes in and stays unanswered while the worker reads the backlog
    const answered = background.callStarted();
    await engine.start();
    expect(engine.status().backlog.total).toBe(12);
    // the worker has read a batch: storing it waits its turn behind the call
    await vi.waitFor(() => expect(background.waiting()).toBeGreaterThan(0), { timeout: 60_000, interval: 5 });
    expect(await store.analyses.count()).toBe(0);
    expect(engine.status().backlog.done).toBe(0);
    answered();
    await engine.whenIdle();
    expect(engine.status().backlog).toEqual({ done: 12, total: 12 });
    expect(await store.analyses.count()).toBe(12);
    background.close();
  });
});
