import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createAnalysisEngine } from '../../../../electron/services/analysis/analysisEngine';
import { createAnalysisSetup } from '../../../../electron/services/analysis/analysisSetup';
import { findModels } from '../../../../electron/services/analysis/models/findModels';
import { createApi } from '../../../../electron/services/api/createApi';
import type { KinshipEvent } from '../../../../shared/contract/events';
import { BUILT_WORKER, describeWithModels, EKMAN_MODEL, SHARED_MODELS_DIR } from '../../../helpers/analysisFixtures';
import { startAnalysis } from '../../../helpers/analysisHarness';
import { tempDir } from '../../../helpers/tempDir';
import { manifestEntryFor, startFakeHub, writeManifest } from '../../../helpers/fakeHub';

const REVISION = 'a'.repeat(40);

function manifest(dir: string, hubId: string): string {
  return writeManifest(dir, manifestEntryFor(hubId, REVISION, EKMAN_MODEL));
}

describeWithModels('finding and fetching models', () => {
  it('picks the first emotion and sentiment model in order, and says why others cannot be used', async () => {
    const odd = tempDir('kinship-odd-models-');
    fs.mkdirSync(path.join(odd, 'spam-filter', 'onnx'), { recursive: true });
    fs.writeFileSync(path.join(odd, 'spam-filter', 'config.json'), JSON.stringify({ id2label: { 0: 'spam', 1: 'ham' } }));
    fs.writeFileSync(path.join(odd, 'spam-filter', 'tokenizer.json'), '{}');
    fs.writeFileSync(path.join(odd, 'spam-filter', 'onnx', 'model.onnx'), 'x');
    fs.mkdirSync(path.join(odd, 'no-weights'));
    fs.writeFileSync(path.join(odd, 'no-weights', 'config.json'), '{}');
    const found = await findModels([
      { dir: odd, source: 'models folder' },
      { dir: SHARED_MODELS_DIR, source: 'app cache' },
    ]);
    expect(found.specs.map((s) => [s.role, s.id, s.source])).toEqual([
      ['emotion', 'selftrained-goemotions-ekman-uni', 'app cache'],
      ['sentiment', 'selftrained-goemotions-sentiment-uni', 'app cache'],
    ]);
    expect(found.problems).toEqual([
      'no-weights: no onnx/model.onnx or onnx/model_quantized.onnx',
      'spam-filter: labels spam, ham are neither emotions nor sentiment Kinship understands',
    ]);
  });

  it('refuses a models folder that does not exist, and changes nothing', async () => {
    const { store, bus, engine, dir, ingestion } = await startAnalysis();
    const setup = await createAnalysisSetup({ store, dataDir: dir, packagedDir: tempDir(), env: {} });
    const api = await createApi({ host: 'web', bus, workspace: { state: 'ready', store, ingestion }, analysis: { engine, setup, manifestPath: manifest(dir, 'x/y') } });
    const result = await api.call('analysis.setModelsFolder', { path: '/no/such/folder' }, await api.deskCaller(null));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'There is no folder at /no/such/folder.' } });
    expect(setup.describe().modelsDir).toBeNull();
  });

  it('downloads a model only when allowed, with progress, and then reads with it from the app cache', async () => {
    const { store, bus, dir, events, ingestion } = await startAnalysis({ start: false });
    const setup = await createAnalysisSetup({ store, dataDir: dir, packagedDir: tempDir(), env: {} });
    const { url: hubUrl } = await startFakeHub({ hubId: 'kinship-test/ekman-standin', revision: REVISION, folder: EKMAN_MODEL });
    // an engine that looks only where the setup says: nothing there yet, so it starts on the lexicon
    const live = createAnalysisEngine({ store, bus, locations: () => setup.locations(), describeSetup: () => setup.describe(), workerUrl: BUILT_WORKER });
    await live.start();
    try {
      expect(live.status().analyzer).toBe('lexicon');
      const api = await createApi({ host: 'web', bus, workspace: { state: 'ready', store, ingestion }, analysis: { engine: live, setup, manifestPath: manifest(dir, 'kinship-test/ekman-standin'), hubUrl } });

      expect(await api.call('analysis.downloadModel', { role: 'emotion' }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(fs.existsSync(path.join(dir, 'models'))).toBe(false);

      expect(await api.call('analysis.setHubAllowed', { allowed: true }, await api.deskCaller(null))).toMatchObject({ ok: true, value: { hubAllowed: true } });
      const downloaded = await api.call('analysis.downloadModel', { role: 'emotion' }, await api.deskCaller(null));
      expect(downloaded).toMatchObject({ ok: true, value: { analyzer: 'model', models: [{ role: 'emotion', id: 'ekman-standin', source: 'app cache' }] } });
      const progress = events.filter((e): e is Extract<KinshipEvent, { name: 'progress' }> => e.name === 'progress' && e.payload.task === 'model.download');
      expect(progress.length).toBeGreaterThan(1);
      expect(progress.at(-1)!.payload.done).toBe(progress.at(-1)!.payload.total);
      expect(fs.existsSync(path.join(dir, 'models', 'kinship-test', 'ekman-standin', 'onnx', 'model.onnx'))).toBe(true);
    } finally {
      await live.close();
    }
  });

  it('leaves no half model behind when the hub stops answering', async () => {
    const { store, bus, engine, dir, ingestion } = await startAnalysis();
    const setup = await createAnalysisSetup({ store, dataDir: dir, packagedDir: tempDir(), env: {} });
    await setup.setHubAllowed(true);
    const { url: hubUrl } = await startFakeHub({ hubId: 'kinship-test/partial', revision: REVISION, folder: path.join(tempDir(), 'empty') });
    const api = await createApi({ host: 'web', bus, workspace: { state: 'ready', store, ingestion }, analysis: { engine, setup, manifestPath: manifest(dir, 'kinship-test/partial'), hubUrl } });
    const result = await api.call('analysis.downloadModel', { role: 'emotion' }, await api.deskCaller(null));
    expect(result).toMatchObject({ ok: false, error: { code: 'transport', message: expect.stringMatching(/could not be downloaded: config.json: the hub answered 404/) } });
    expect(fs.existsSync(path.join(dir, 'models', 'kinship-test', 'partial'))).toBe(false);
    const cache = path.join(dir, 'models');
    expect(fs.existsSync(cache) ? fs.readdirSync(cache).filter((entry) => !entry.startsWith('.')) : []).toEqual([]);
  });
});
