import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { customerMessage, startAnalysis } from '../../../helpers/analysisHarness';
import { describeWithModels, EKMAN_MODEL } from '../../../helpers/analysisFixtures';
import { tempDir } from '../../../helpers/tempDir';

describeWithModels('the analysis engine', () => {
  it('reads a live message with the models in a worker, stores it and announces it', async () => {
    const { ingestion, store, events, engine } = await startAnalysis();
    expect(engine.status()).toMatchObject({ state: 'ready', analyzer: 'model', fallbackReason: null });
    expect(engine.status().models.map((m) => [m.role, m.id, m.labelScheme])).toEqual([
      ['emotion', 'selftrained-goemotions-ekman-uni', 'Ekman emotions (7)'],
      ['sentiment', 'selftrained-goemotions-sentiment-uni', 'sentiment (4 classes)'],
    ]);
    const { messageId } = await ingestion.ingest(customerMessage('I am so happy with the sofa, thank you, it is perfect and I love it!'));
    const happy = await engine.readMessage(messageId);
    expect(happy.analyzer).toBe('model');
    expect(happy.modelId).toBe('selftrained-goemotions-ekman-uni + selftrained-goemotions-sentiment-uni');
    expect(Object.values(happy.emotions).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(happy.dominant?.emotion).toBe('joy');
    expect(happy.sentimentClass).toBe('positive');
    const angry = await engine.readMessage((await ingestion.ingest(customerMessage('This is disgusting and useless, I hate your terrible service, worst company ever'))).messageId);
    expect(angry.sentiment).toBeLessThan(happy.sentiment);
    expect(angry.sentimentClass).toBe('negative');
    expect(await store.analyses.latestForMessage(messageId)).toMatchObject({ modelId: happy.modelId, sentiment: happy.sentiment });
    expect(events.some((e) => e.name === 'analysis.result' && e.payload.messageId === messageId)).toBe(true);
  });

  it('reads messages that arrive through ingestion without being asked', async () => {
    const { ingestion, store, events, engine } = await startAnalysis();
    const { messageId } = await ingestion.ingest(customerMessage('Where is my parcel? It was due yesterday.'));
    await engine.whenIdle();
    expect(await store.analyses.latestForMessage(messageId)).not.toBeNull();
    expect(events.filter((e) => e.name === 'analysis.result')).toHaveLength(1);
  });

  it('lets a live message overtake a long backlog, reporting the backlog’s progress', async () => {
    const { ingestion, store, engine, events } = await startAnalysis({ start: false });
    await ingestion.ingestMany(Array.from({ length: 400 }, (_, i) => customerMessage(`Backlog message number ${i} about my order being late again`)), { notify: false });
    await engine.start();
    expect(engine.status().backlog.total).toBe(400);
    const live = await ingestion.ingest(customerMessage('Help, I have been charged twice!'), { notify: false });
    const reading = await engine.readMessage(live.messageId, 'live');
    expect(reading.analyzer).toBe('model');
    // overtaken: when the live reading is in, the backlog is not (the order is the engine's, not the clock's)
    expect(engine.status().backlog.done).toBeLessThan(400);
    await engine.whenIdle();
    expect(engine.status().backlog).toEqual({ done: 400, total: 400 });
    expect(await store.analyses.unreadMessageIds(reading.modelId, reading.modelVersion)).toEqual([]);
    const progress = events.filter((e) => e.name === 'progress' && e.payload.task === 'analysis.backlog').map((e) => e.payload as { done: number; total: number });
    expect(progress[0]).toMatchObject({ done: 0, total: 400 });
    expect(progress.at(-1)).toMatchObject({ done: 400, total: 400 });
  });

  it('keeps its readings across a restart and does not read them again', async () => {
    const dir = tempDir();
    const first = await startAnalysis({ dir });
    const { messageId } = await first.ingestion.ingest(customerMessage('The delivery driver was lovely, thanks'));
    const reading = await first.engine.readMessage(messageId);
    await first.engine.close();
    await first.store.close();

    const second = await startAnalysis({ dir });
    expect(second.engine.status().backlog).toEqual({ done: 0, total: 0 });
    expect(await second.store.analyses.latestForMessage(messageId)).toMatchObject({ sentiment: reading.sentiment, modelId: reading.modelId });
    // the same words again come from the cache, with the same figures
    const again = await second.ingestion.ingest(customerMessage('The delivery driver was lovely, thanks'), { notify: false });
    expect(await second.engine.readMessage(again.messageId)).toMatchObject({ sentiment: reading.sentiment, emotions: reading.emotions });
  });

  it('brings the worker back after it dies and finishes the work', async () => {
    const { ingestion, engine } = await startAnalysis({ start: false });
    await ingestion.ingestMany(Array.from({ length: 200 }, (_, i) => customerMessage(`Message ${i}: the lamp arrived broken`)), { notify: false });
    await engine.start();
    const lost = engine.worker!;
    await lost.terminate();
    const live = await ingestion.ingest(customerMessage('Are you still there?'), { notify: false });
    const reading = await engine.readMessage(live.messageId);
    expect(reading.analyzer).toBe('model');
    expect(engine.status().workerRestarts).toBe(1);
    expect(engine.worker).not.toBe(lost);
    await engine.whenIdle();
    expect(engine.status().backlog).toEqual({ done: 200, total: 200 });
  });

  it('falls back to the lexicon, saying why, when the model file is corrupt', async () => {
    const models = tempDir('kinship-models-');
    const broken = path.join(models, 'broken-ekman');
    fs.cpSync(EKMAN_MODEL, broken, { recursive: true });
    fs.chmodSync(path.join(broken, 'onnx'), 0o755);
    fs.rmSync(path.join(broken, 'onnx', 'model.onnx'), { force: true });
    fs.writeFileSync(path.join(broken, 'onnx', 'model.onnx'), 'this is not an onnx graph');
    const { ingestion, engine } = await startAnalysis({ models: [{ dir: models, source: 'models folder' }] });
    const status = engine.status();
    expect(status.analyzer).toBe('lexicon');
    expect(status.fallbackReason).toMatch(/could not be loaded/);
    const reading = await engine.readMessage((await ingestion.ingest(customerMessage('I love it, thank you so much!'))).messageId);
    expect(reading).toMatchObject({ analyzer: 'lexicon', modelId: 'vader-sentiment (lexicon)', sentimentClass: 'positive', emotions: {}, dominant: null });
  });

  it('falls back to the lexicon when there is no model at all', async () => {
    const { engine } = await startAnalysis({ models: [{ dir: tempDir('kinship-empty-'), source: 'models folder' }] });
    expect(engine.status()).toMatchObject({ analyzer: 'lexicon', fallbackReason: expect.stringMatching(/no emotion or sentiment model was found/) });
  });

  it('reads messy text without a crash and without holding up the queue', async () => {
    const { ingestion, engine } = await startAnalysis();
    const read = async (body: string, channel: 'chat' | 'email' = 'chat') => engine.readMessage((await ingestion.ingest(customerMessage(body, {}, channel), { notify: false })).messageId);
    const html = await read('<html><body><p>I am <b>furious</b>.</p><img src="https://tracker.example/p.gif"><script>alert(1)</script><blockquote>We love you!</blockquote></body></html>', 'email');
    expect(html.words).toBe(3);
    const quoted = await read('Thanks, all sorted now!\n\nOn Tue, 3 Mar 2026 at 10:14, Support <s@l.example> wrote:\n> I am so angry and disgusted\n> terrible\n\n--\nSent from my iPhone', 'email');
    expect(quoted.words).toBe(4);
    const empty = await read('   \n\t  ');
    expect(empty).toMatchObject({ words: 0, windows: 0, dominant: null, sentiment: 0 });
    expect((await read('😡😡😡')).analyzer).toBe('model');
    expect((await read('Je suis très déçu, le colis est arrivé cassé.')).words).toBe(9);
    const huge = await read('The parcel is late and I am upset. '.repeat(30_000));
    expect(huge.truncated).toBe(true);
    expect(huge.windows).toBeGreaterThan(1);
    const after = await read('Thank you!');
    expect(after.analyzer).toBe('model');
  });
});
