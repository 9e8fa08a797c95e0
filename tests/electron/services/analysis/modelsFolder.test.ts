import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalysisEngine } from '../../../../electron/services/analysis/analysisEngine';
import { createAnalysisSetup } from '../../../../electron/services/analysis/analysisSetup';
import { checkModelsFolder, findModels, realModelFolderFs, type ModelFolderFs } from '../../../../electron/services/analysis/models/findModels';
import { createApi } from '../../../../electron/services/api/createApi';
import { BUILT_WORKER } from '../../../helpers/analysisFixtures';
import { startAnalysis } from '../../../helpers/analysisHarness';
import { tempDir } from '../../../helpers/tempDir';
import { unreadableFolders } from '../../../helpers/unreadableFolder';

/** A file system where the given folders refuse to be listed, as a private folder would. */
function refusing(...denied: string[]): ModelFolderFs {
  return {
    ...realModelFolderFs,
    readdir: (dir) => (denied.includes(dir) ? Promise.reject(Object.assign(new Error(`EACCES: permission denied, scandir '${dir}'`), { code: 'EACCES' })) : realModelFolderFs.readdir(dir)),
  };
}

function fakeModel(dir: string, labels: string[]) {
  fs.mkdirSync(path.join(dir, 'onnx'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ id2label: Object.fromEntries(labels.map((label, i) => [i, label])) }));
  fs.writeFileSync(path.join(dir, 'tokenizer.json'), '{}');
  fs.writeFileSync(path.join(dir, 'onnx', 'model.onnx'), 'x');
}

describe('finding models in folders Kinship cannot fully read', () => {
  it('lists an unreadable subfolder as a problem and finds the models beside it', async () => {
    const root = tempDir('kinship-models-');
    fakeModel(path.join(root, 'owner', 'sentiment'), ['negative', 'neutral', 'positive']);
    fs.mkdirSync(path.join(root, 'private'));
    const found = await findModels([{ dir: root, source: 'models folder' }], { fs: refusing(path.join(root, 'private')) });
    expect(found.specs.map((spec) => [spec.role, spec.id])).toEqual([['sentiment', 'sentiment']]);
    expect(found.problems).toEqual([`${path.join(root, 'private')} cannot be read (permission denied)`]);
  });

  it('lists an unreadable location as a problem and goes on to the next', async () => {
    const denied = tempDir('kinship-denied-');
    const next = tempDir('kinship-next-');
    fakeModel(path.join(next, 'sentiment'), ['negative', 'neutral', 'positive']);
    const found = await findModels([{ dir: denied, source: 'models folder' }, { dir: next, source: 'app cache' }], { fs: refusing(denied) });
    expect(found.specs.map((spec) => spec.source)).toEqual(['app cache']);
    expect(found.problems).toEqual([`${denied} cannot be read (permission denied)`]);
  });

  it('bounds the walk: no deeper than two levels, no more folders than its limit, and says when it stopped', async () => {
    const root = tempDir('kinship-wide-');
    for (let i = 0; i < 30; i += 1) fs.mkdirSync(path.join(root, `f${String(i).padStart(2, '0')}`));
    fakeModel(path.join(root, 'a', 'b', 'too-deep'), ['negative', 'neutral', 'positive']);
    const found = await findModels([{ dir: root, source: 'models folder' }], { maxEntries: 10 });
    expect(found.specs).toEqual([]);
    expect(found.problems).toEqual([`${root} holds more than 10 folders; Kinship looked at the first 10 only`]);
    // a loop of links is not followed
    fs.symlinkSync(root, path.join(root, 'loop'));
    expect(await findModels([{ dir: root, source: 'models folder' }])).toEqual({ specs: [], problems: [] });
  });

  it('does not read a config.json that is not a regular file (a pipe would block a thread for good)', async () => {
    const root = tempDir('kinship-odd-');
    fakeModel(path.join(root, 'odd'), ['negative', 'neutral', 'positive']);
    fs.rmSync(path.join(root, 'odd', 'config.json'));
    fs.mkdirSync(path.join(root, 'odd', 'config.json'));
    expect((await findModels([{ dir: root, source: 'models folder' }])).problems).toEqual([]);
  });

  it('says why a folder cannot be the models folder', async () => {
    const file = path.join(tempDir(), 'file.txt');
    fs.writeFileSync(file, 'x');
    expect(await checkModelsFolder('/no/such/folder')).toBe('There is no folder at /no/such/folder.');
    expect(await checkModelsFolder(file)).toBe(`${file} is not a folder.`);
    const denied = tempDir();
    expect(await checkModelsFolder(denied, refusing(denied))).toBe(`Kinship cannot read the folder ${denied} (permission denied).`);
    expect(await checkModelsFolder(tempDir())).toBeNull();
  });
});

describe('choosing a models folder Kinship cannot fully read', () => {
  const folders = unreadableFolders();

  async function withApi() {
    const started = await startAnalysis({ models: [] });
    const setup = await createAnalysisSetup({ store: started.store, dataDir: started.dir, packagedDir: tempDir(), env: {} });
    const engine = started.engine;
    const api = await createApi({ host: 'web', bus: started.bus, workspace: { state: 'ready', store: started.store, ingestion: started.ingestion }, analysis: { engine, setup, manifestPath: path.join(started.dir, 'models.json') } });
    return { ...started, setup, api };
  }

  it.runIf(folders)('takes a folder with an unreadable subfolder, lists it as a problem, and keeps running', async () => {
    const { holder, unreadable } = folders!;
    // an engine that looks where the setup says, as in the app
    const started = await startAnalysis({ start: false, models: [] });
    const setup = await createAnalysisSetup({ store: started.store, dataDir: started.dir, packagedDir: tempDir(), env: {} });
    const engine = createAnalysisEngine({ store: started.store, bus: started.bus, locations: () => setup.locations(), describeSetup: () => setup.describe(), workerUrl: BUILT_WORKER });
    try {
      await engine.start();
      const api = await createApi({ host: 'web', bus: started.bus, workspace: { state: 'ready', store: started.store, ingestion: started.ingestion }, analysis: { engine, setup, manifestPath: path.join(started.dir, 'models.json') } });
      const result = await api.call('analysis.setModelsFolder', { path: holder }, await api.deskCaller(null));
      expect(result).toMatchObject({ ok: true, value: { state: 'ready', modelsDir: holder, problems: expect.arrayContaining([`${unreadable} cannot be read (permission denied)`]) } });
      // and every later start works too
      await engine.restart();
      expect(engine.status()).toMatchObject({ state: 'ready', problems: expect.arrayContaining([`${unreadable} cannot be read (permission denied)`]) });
    } finally {
      await engine.close();
    }
  });

  it.runIf(folders)('refuses a folder it cannot list, with a clear typed error, and saves nothing', async () => {
    const { unreadable } = folders!;
    const { api, setup, engine } = await withApi();
    const result = await api.call('analysis.setModelsFolder', { path: unreadable }, await api.deskCaller(null));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: `Kinship cannot read the folder ${unreadable} (permission denied).` } });
    expect(setup.describe().modelsDir).toBeNull();
    expect(engine.status().state).toBe('ready');
  });
});
