import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { AnalysisStatus } from '../../../../shared/contract/analysis';
import { createAnalysisEngine } from '../../../../electron/services/analysis/analysisEngine';
import { createAnalysisSetup } from '../../../../electron/services/analysis/analysisSetup';
import { downloadFolders, downloadModel, ModelIntegrityError, type DownloadProgress } from '../../../../electron/services/analysis/models/downloadModel';
import { findModels } from '../../../../electron/services/analysis/models/findModels';
import { manifestBytes, readModelManifest } from '../../../../electron/services/analysis/models/modelManifest';
import { createApi } from '../../../../electron/services/api/createApi';
import { BUILT_WORKER, describeWithModels, EKMAN_MODEL } from '../../../helpers/analysisFixtures';
import { startAnalysis } from '../../../helpers/analysisHarness';
import { manifestEntryFor, sha256File, startFakeHub, writeManifest } from '../../../helpers/fakeHub';
import { tempDir } from '../../../helpers/tempDir';

const SHIPPED_MANIFEST = fileURLToPath(new URL('../../../../resources/models.json', import.meta.url));
const HUB_ID = 'kinship-test/ekman-standin';
const REVISION = '0123456789abcdef0123456789abcdef01234567';
const WEIGHTS_BYTES = fs.existsSync(`${EKMAN_MODEL}/onnx/model.onnx`) ? fs.statSync(`${EKMAN_MODEL}/onnx/model.onnx`).size : 0;

describe('the models Kinship offers to download', () => {
  it('pins each default model to a hub commit and every file to a sha256, and offers a three-class sentiment model', () => {
    const manifest = readModelManifest(SHIPPED_MANIFEST);
    expect(manifest.sentiment.hubId).toBe('Xenova/twitter-roberta-base-sentiment-latest');
    expect(manifest.sentiment.labels).toMatch(/negative, neutral, positive/);
    for (const model of [manifest.emotion, manifest.sentiment]) {
      expect(model.revision).toMatch(/^[0-9a-f]{40}$/);
      const local = model.files.map((file) => file.path);
      // what a transformers.js text-classification folder needs, and what Kinship's model search looks for
      expect(local).toEqual(expect.arrayContaining(['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']));
      for (const file of model.files) expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
      // the offered size: two quantized RoBERTa-base models, about 125 MB of weights each
      expect(manifestBytes(model) / 1e6).toBeGreaterThan(120);
      expect(manifestBytes(model) / 1e6).toBeLessThan(140);
    }
  });

  it('refuses a manifest that names a branch instead of a commit', () => {
    const dir = tempDir();
    const entry = { ...manifestEntryFor('a/b', REVISION, EKMAN_MODEL), revision: 'main' };
    expect(() => readModelManifest(writeManifest(dir, entry))).toThrow(/full commit id/);
  });
});

describeWithModels('downloading a model from the hub (a real HTTP server on 127.0.0.1)', () => {
  it('fetches every file at the pinned revision, checks it, and reports progress up to the manifest total', async () => {
    const cacheDir = path.join(tempDir(), 'models');
    const hub = await startFakeHub({ hubId: HUB_ID, revision: REVISION, folder: EKMAN_MODEL });
    const model = manifestEntryFor(HUB_ID, REVISION, EKMAN_MODEL);
    const progress: DownloadProgress[] = [];
    const target = await downloadModel(model, cacheDir, (p) => progress.push(p), hub.url);

    expect(hub.requests.map((r) => r.path)).toEqual(model.files.map((file) => `/${HUB_ID}/resolve/${REVISION}/${file.hubPath}`));
    expect(target).toBe(path.join(cacheDir, 'kinship-test', 'ekman-standin'));
    for (const file of model.files) expect(sha256File(path.join(target, file.path))).toBe(file.sha256);
    expect(JSON.parse(fs.readFileSync(path.join(target, 'kinship-download.json'), 'utf8'))).toMatchObject({ hubId: HUB_ID, revision: REVISION });
    // progress: against the manifest's total from the first event, never backwards, ending at the total
    const total = manifestBytes(model);
    expect(progress[0]!.total).toBe(total);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.loaded).toBeGreaterThanOrEqual(progress[i - 1]!.loaded);
    expect(progress.at(-1)).toMatchObject({ loaded: total, total });
    // in steps a screen can follow (not one event per network chunk), but more than a start and an end
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.length).toBeLessThanOrEqual(200 + model.files.length + 2);
    const found = await findModels([{ dir: cacheDir, source: 'app cache' }]);
    expect(found.specs.map((spec) => spec.id)).toEqual(['ekman-standin']);
  });

  it('deletes a file whose sha256 is not the pinned one, installs nothing, and says which file', async () => {
    const cacheDir = path.join(tempDir(), 'models');
    const hub = await startFakeHub({ hubId: HUB_ID, revision: REVISION, folder: EKMAN_MODEL, tamper: ['onnx/model.onnx'] });
    const model = manifestEntryFor(HUB_ID, REVISION, EKMAN_MODEL);
    const attempt = downloadModel(model, cacheDir, () => undefined, hub.url);
    await expect(attempt).rejects.toBeInstanceOf(ModelIntegrityError);
    await expect(attempt).rejects.toThrow(/onnx\/model\.onnx from the hub does not match the sha256 pinned for revision 0123456 .*The file was deleted and nothing was installed/);
    const { target, staging } = downloadFolders(model, cacheDir);
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.existsSync(path.join(staging, 'onnx', 'model.onnx'))).toBe(false);
    expect(await findModels([{ dir: cacheDir, source: 'app cache' }])).toEqual({ specs: [], problems: [] });
  });

  it('refuses a file larger than the pinned size before reading it', async () => {
    const cacheDir = path.join(tempDir(), 'models');
    const hub = await startFakeHub({ hubId: HUB_ID, revision: REVISION, folder: EKMAN_MODEL });
    const model = manifestEntryFor(HUB_ID, REVISION, EKMAN_MODEL);
    model.files[4]!.bytes -= 1000;
    await expect(downloadModel(model, cacheDir, () => undefined, hub.url)).rejects.toThrow(/onnx\/model\.onnx is 7\.8 MB on the hub, not the 7\.8 MB pinned/);
    expect(fs.existsSync(downloadFolders(model, cacheDir).target)).toBe(false);
  });

  it('after an interruption nothing half-fetched is loaded, and the next download resumes where it stopped', async () => {
    const { store, bus, dir, ingestion } = await startAnalysis({ start: false });
    const setup = await createAnalysisSetup({ store, dataDir: dir, packagedDir: tempDir(), env: {} });
    // an engine that looks only where the setup says (the app cache): nothing there yet
    const engine = createAnalysisEngine({ store, bus, locations: () => setup.locations(), describeSetup: () => setup.describe(), workerUrl: BUILT_WORKER });
    await engine.start();
    onTestFinished(() => engine.close());
    await setup.setHubAllowed(true);
    const cut = 3_000_000;
    const hub = await startFakeHub({ hubId: HUB_ID, revision: REVISION, folder: EKMAN_MODEL, cutOff: { file: 'onnx/model.onnx', afterBytes: cut } });
    const model = manifestEntryFor(HUB_ID, REVISION, EKMAN_MODEL);
    const manifestPath = writeManifest(dir, model);
    const api = await createApi({ host: 'web', bus, workspace: { state: 'ready', store, ingestion }, analysis: { engine, setup, manifestPath, hubUrl: hub.url } });

    const first = await api.call('analysis.downloadModel', { role: 'emotion' }, await api.deskCaller(null));
    expect(first).toMatchObject({ ok: false, error: { code: 'transport', message: expect.stringMatching(/could not be downloaded: .*\. \d+\.\d MB of \d+\.\d MB are kept; downloading again resumes from there\./) } });
    // nothing where models are looked for: the engine stays on the lexicon, and says what is kept
    expect(await findModels(setup.locations())).toEqual({ specs: [], problems: [] });
    const afterCut = await api.call('analysis.status', {}, await api.deskCaller(null));
    expect(afterCut).toMatchObject({ ok: true, value: { analyzer: 'lexicon' } });
    const offer = afterCut.ok ? (afterCut.value as AnalysisStatus).downloads.find((d) => d.role === 'emotion')! : null;
    expect(offer).toMatchObject({ hubId: HUB_ID, revision: REVISION, bytes: manifestBytes(model), state: 'available' });
    const small = model.files.filter((file) => file.hubPath !== 'onnx/model.onnx').reduce((sum, file) => sum + file.bytes, 0);
    // what reached the disk before the drop: up to the cut (bytes still in flight when the connection
    // went are not kept, and how many those are depends on the machine's load)
    const keptWeights = offer!.keptBytes - small;
    expect(keptWeights).toBeGreaterThan(0);
    expect(keptWeights).toBeLessThanOrEqual(cut);

    const second = await api.call('analysis.downloadModel', { role: 'emotion' }, await api.deskCaller(null));
    expect(second).toMatchObject({ ok: true, value: { analyzer: 'model', models: [{ role: 'emotion', id: 'ekman-standin', source: 'app cache' }] } });
    const weights = hub.requests.filter((r) => r.path.endsWith('onnx/model.onnx'));
    // resumed with a range from the byte it stopped at; the finished files were not fetched again
    expect(weights.map((r) => [r.range, r.status])).toEqual([[null, 200], [`bytes=${keptWeights}-`, 206]]);
    expect(hub.requests.filter((r) => r.path.endsWith('/config.json'))).toHaveLength(1);
    expect(sha256File(path.join(setup.cacheDir, 'kinship-test', 'ekman-standin', 'onnx', 'model.onnx'))).toBe(model.files[4]!.sha256);
    const installed = await api.call('analysis.status', {}, await api.deskCaller(null));
    expect(installed.ok && (installed.value as AnalysisStatus).downloads.find((d) => d.role === 'emotion')).toMatchObject({ state: 'installed', keptBytes: 0 });
  });

  it('starts a file again when the hub will not send a range', async () => {
    const cacheDir = path.join(tempDir(), 'models');
    const hub = await startFakeHub({ hubId: HUB_ID, revision: REVISION, folder: EKMAN_MODEL, noRanges: true, cutOff: { file: 'onnx/model.onnx', afterBytes: 1_000_000 } });
    const model = manifestEntryFor(HUB_ID, REVISION, EKMAN_MODEL);
    await expect(downloadModel(model, cacheDir, () => undefined, hub.url)).rejects.toThrow(/could not be downloaded/);
    const progress: DownloadProgress[] = [];
    const target = await downloadModel(model, cacheDir, (p) => progress.push(p), hub.url);
    expect(sha256File(path.join(target, 'onnx', 'model.onnx'))).toBe(model.files[4]!.sha256);
    expect(progress.at(-1)).toMatchObject({ loaded: manifestBytes(model) });
    expect(WEIGHTS_BYTES).toBeGreaterThan(1_000_000);
  });

  it('never resumes the bytes of another revision', async () => {
    const cacheDir = path.join(tempDir(), 'models');
    const old = { ...manifestEntryFor(HUB_ID, 'f'.repeat(40), EKMAN_MODEL) };
    const stale = downloadFolders(old, cacheDir).staging;
    fs.mkdirSync(path.join(stale, 'onnx'), { recursive: true });
    fs.writeFileSync(path.join(stale, 'onnx', 'model.onnx'), 'old bytes');
    const hub = await startFakeHub({ hubId: HUB_ID, revision: REVISION, folder: EKMAN_MODEL });
    await downloadModel(manifestEntryFor(HUB_ID, REVISION, EKMAN_MODEL), cacheDir, () => undefined, hub.url);
    expect(fs.existsSync(stale)).toBe(false);
    expect(hub.requests.every((r) => r.range === null)).toBe(true);
  });
});
