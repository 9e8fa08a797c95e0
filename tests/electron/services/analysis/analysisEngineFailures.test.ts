import { describe, expect, it, vi } from 'vitest';
import { createBackgroundSlices } from '../../../../electron/services/common/backgroundSlices';
import { customerMessage, startAnalysis } from '../../../helpers/analysisHarness';
import { testTime } from '../../../helpers/engineTime';
import { tempDir } from '../../../helpers/tempDir';
import { unreadableFolders } from '../../../helpers/unreadableFolder';
import type { KinshipEvent } from '../../../../shared/contract/events';
import type { Store } from '../../../../electron/services/store/store';

/** The lexicon only (no models anywhere): fast, and the engine's own behaviour is what is tested. */
const NO_MODELS = { models: [] };
const CRASHING_WORKER = new URL('../../../helpers/crashingWorker.mjs', import.meta.url);

const backlogProgress = (events: KinshipEvent[]) =>
  events.filter((e): e is Extract<KinshipEvent, { name: 'progress' }> => e.name === 'progress' && e.payload.task === 'analysis.backlog').map((e) => e.payload);

/** Holds the store's writes of the set-aside list until released (the engine's own store object: its settings are shared). */
function holdSetAsideWrites(store: Store) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const hasStarted = new Promise<void>((resolve) => (started = resolve));
  const set = store.settings.set.bind(store.settings);
  store.settings.set = async (key, value) => {
    if (key === 'analysis.setAside') {
      started();
      await released;
    }
    return set(key, value);
  };
  return { started: hasStarted, release };
}

describe('the analysis engine with text it cannot convert', () => {
  it('reads a reply of 20,000 <div>s, 8,000 nested divs and a deep draft as plain text, and goes on reading', async () => {
    const { ingestion, engine, store } = await startAnalysis({ ...NO_MODELS, start: false });
    const before = await ingestion.ingest(customerMessage('Thank you, that is lovely'), { notify: false });
    const divs = await ingestion.ingest(customerMessage('<div>'.repeat(20_000), { author: 'agent', authorName: 'Priya' }), { notify: false });
    const nested = await ingestion.ingest(customerMessage(`${'<div>'.repeat(8000)}I am really angry about this${'</div>'.repeat(8000)}`), { notify: false });
    const after = await ingestion.ingest(customerMessage('This is awful, I hate it'), { notify: false });
    await engine.start();
    await engine.whenIdle();
    for (const { messageId } of [before, divs, nested, after]) expect(await store.analyses.latestForMessage(messageId)).not.toBeNull();
    expect(await store.analyses.latestForMessage(nested.messageId)).toMatchObject({ words: 6, sentimentClass: 'negative' });
    expect(engine.status()).toMatchObject({ workerRestarts: 0, backlog: { done: 4, total: 4 } });
    const draft = await engine.readDraft({ draftId: 'd-deep', conversationId: (await store.messages.getForReading(nested.messageId))!.conversationId, channel: 'chat', text: `${'<div>'.repeat(8000)}Sorry!` });
    expect(draft.words).toBe(1);
    expect(engine.setAside()).toEqual([]);
  });

  it('sets aside a message whose batch killed the worker, after one failure, reads the rest, and never retries it first after a restart', async () => {
    const dir = tempDir();
    const time = testTime();
    const first = await startAnalysis({ dir, ...NO_MODELS, start: false, engine: { workerUrl: CRASHING_WORKER, now: time.now, scheduler: time.scheduler } });
    const ids: number[] = [];
    for (const body of ['Where is my parcel?', 'CRASH-THE-WORKER <div>', 'It came, thanks', 'The lamp is broken', 'Can I change the address?']) {
      ids.push((await first.ingestion.ingest(customerMessage(body), { notify: false })).messageId);
    }
    const poison = ids[1]!;
    await first.engine.start();
    await first.engine.whenIdle();
    // the batch of four died once: each was read alone, and the one that killed the worker again is set aside
    expect(first.engine.setAside()).toEqual([{ messageId: poison, reason: expect.stringMatching(/the analysis worker stopped while reading it/), at: time.now() }]);
    for (const id of ids) expect(await first.store.analyses.latestForMessage(id) === null).toBe(id === poison);
    expect(first.engine.status()).toMatchObject({ state: 'ready', workerRestarts: 2, backlog: { done: 5, total: 5 } });
    expect(first.engine.status().problems).toContainEqual(expect.stringMatching(new RegExp(`^1 message was set aside unread \\(the newest, message ${poison}: the analysis worker stopped`)));
    expect(await first.store.messages.getForReading(poison)).not.toBeNull();

    // live: alone in its batch, set aside at its first failure; it is refused with its reason after that
    const live = await first.ingestion.ingest(customerMessage('CRASH-THE-WORKER live'), { notify: false });
    // (remembering it is held back until the test lets it go: the engine must not look settled meanwhile)
    const remembering = holdSetAsideWrites(first.store);
    await expect(first.engine.readMessage(live.messageId)).rejects.toThrow(/could not be read: the analysis worker stopped while reading it/);
    expect(first.engine.status().workerRestarts).toBe(3);
    await expect(first.engine.readMessage(live.messageId)).rejects.toThrow(/is set aside/);
    await expect.poll(() => first.engine.status().state, { timeout: 55_000 }).toBe('ready');
    let settled = false;
    const idle = first.engine.whenIdle().then(() => (settled = true));
    await remembering.started;
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    remembering.release();
    await idle;
    // settled means stored: the list kept with the workspace has it, before anything is closed
    expect((await first.store.settings.get<{ messageId: number }[]>('analysis.setAside'))!.map((entry) => entry.messageId)).toEqual([poison, live.messageId]);
    await first.engine.close();
    await first.store.close();

    const second = await startAnalysis({ dir, ...NO_MODELS, engine: { workerUrl: CRASHING_WORKER, now: time.now, scheduler: time.scheduler } });
    await second.engine.whenIdle();
    expect(second.engine.status()).toMatchObject({ state: 'ready', workerRestarts: 0, backlog: { done: 0, total: 0 } });
    expect(second.engine.setAside().map((entry) => entry.messageId)).toEqual([poison, live.messageId]);
  });
});

describe('the analysis engine’s worker dying while a backlog batch waits its turn to be stored', () => {
  it('neither blames nor sets aside the batch the worker had answered: it is read again, and everything is read', async () => {
    // (no slice runs before the call is answered, however long the machine takes)
    const background = createBackgroundSlices({ maxWaitMs: 3_600_000 });
    const { ingestion, store, engine } = await startAnalysis({ ...NO_MODELS, start: false, engine: { background } });
    // one message: the worker says it is working on it alone, the way it names a culprit
    const { messageId } = await ingestion.ingest(customerMessage('Where is my parcel? It is late again'), { notify: false });
    const answered = background.callStarted();
    await engine.start();
    // the worker has read the batch; storing it waits its turn behind the call
    await vi.waitFor(() => expect(background.waiting()).toBe(1), { timeout: 60_000, interval: 5 });
    expect(await store.analyses.latestForMessage(messageId)).toBeNull();
    // and the worker dies with nothing in its hands
    await engine.worker!.terminate();
    await vi.waitFor(() => expect(engine.status().workerRestarts).toBe(1), { timeout: 60_000, interval: 5 });
    answered();
    await engine.whenIdle();
    expect(engine.setAside()).toEqual([]);
    expect(await store.analyses.latestForMessage(messageId)).not.toBeNull();
    expect(engine.status()).toMatchObject({ state: 'ready', workerRestarts: 1, backlog: { done: 1, total: 1 } });
    background.close();
  });
});

describe('the analysis engine’s backlog count', () => {
  it('never counts more read than there is, when the backlog is queued again while a batch is with the worker', async () => {
    const { ingestion, engine, bus, events } = await startAnalysis({ ...NO_MODELS, start: false });
    await ingestion.ingestMany(Array.from({ length: 30 }, (_, i) => customerMessage(`Backlog message ${i}: my order is late`)), { notify: false });
    await engine.start();
    // the first backlog batch is with the worker now; more arrives, as when the demo finishes loading
    await ingestion.ingestMany(Array.from({ length: 10 }, (_, i) => customerMessage(`Loaded later ${i}`)), { notify: false });
    bus.emit('workspace.changed', { reason: 'demo-loaded' });
    // and a live read of one that waits in the backlog
    const overtaking = await ingestion.ingest(customerMessage('Help, I was charged twice!'), { notify: false });
    bus.emit('workspace.changed', { reason: 'demo-loaded' });
    await engine.readMessage(overtaking.messageId, 'live');
    await expect.poll(() => engine.status().backlog.done >= engine.status().backlog.total, { timeout: 55_000 }).toBe(true);
    expect(engine.status().backlog.done).toBe(engine.status().backlog.total);
    const progress = backlogProgress(events);
    for (const report of progress) expect(report.done).toBeLessThanOrEqual(report.total);
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
  });
});

describe('the analysis engine with a folder it cannot read', () => {
  const folders = unreadableFolders();
  it.runIf(folders)('starts on what it can read and lists the folder as a problem', async () => {
    const { holder, unreadable } = folders!;
    const { engine } = await startAnalysis({ models: [{ dir: holder, source: 'models folder' }, { dir: unreadable, source: 'app cache' }] });
    expect(engine.status().state).toBe('ready');
    expect(engine.status().problems).toEqual(expect.arrayContaining([`${unreadable} cannot be read (permission denied)`]));
    await engine.restart();
    expect(engine.status().state).toBe('ready');
  });
});
