import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAnalyzer } from '../../../../../electron/services/analysis/evaluation/activeAnalyzer';
import { LEXICON_MODEL_ID } from '../../../../../electron/services/analysis/lexiconAnalyzer';
import { describeWithModels, SHARED_MODELS_DIR } from '../../../../helpers/analysisFixtures';
import { tempDir } from '../../../../helpers/tempDir';
import { writeFiles } from './evaluationFixtures';

describe('choosing the analyzer', () => {
  it('falls back to the lexicon, saying why, when no models folder is given', async () => {
    const analyzer = await openAnalyzer('auto', undefined, {});
    expect(analyzer).toMatchObject({ kind: 'lexicon', modelId: LEXICON_MODEL_ID, models: [], modelsDir: null });
    expect(analyzer.fallbackReason).toMatch(/no models folder was given \(--models <dir> or KINSHIP_MODELS_DIR\)/);
    const [only] = await analyzer.read([{ text: 'I love this, thank you!', words: 5, truncated: false }]);
    expect(only).toMatchObject({ analyzer: 'lexicon', sentimentClass: 'positive' });
  });

  it('falls back when the folder is missing or holds no usable model, listing the problems', async () => {
    const missing = await openAnalyzer('auto', undefined, { KINSHIP_MODELS_DIR: '/no/such/models' });
    expect(missing.modelsDir).toEqual({ dir: '/no/such/models', from: 'KINSHIP_MODELS_DIR' });
    expect(missing.fallbackReason).toBe('the models folder /no/such/models (KINSHIP_MODELS_DIR) does not exist');
    const dir = tempDir();
    writeFiles(dir, { 'broken-model/config.json': '{"id2label":{"0":"negative","1":"positive"}}' });
    const broken = await openAnalyzer('auto', dir, {});
    expect(broken.kind).toBe('lexicon');
    expect(broken.fallbackReason).toBe(`no usable emotion or sentiment model in ${dir} (--models)`);
    expect(broken.problems).toEqual(['broken-model: no onnx/model.onnx or onnx/model_quantized.onnx']);
  });

  it('makes a missing model an input error when the model analyzer is asked for', async () => {
    await expect(openAnalyzer('model', undefined, {})).rejects.toThrow('--analyzer model: no models folder was given');
    await expect(openAnalyzer('model', tempDir(), {})).rejects.toThrow(/--analyzer model: no usable emotion or sentiment model/);
  });

  it('uses the lexicon when asked, even with a models folder', async () => {
    const analyzer = await openAnalyzer('lexicon', SHARED_MODELS_DIR, {});
    expect(analyzer).toMatchObject({ kind: 'lexicon', fallbackReason: 'asked for with --analyzer lexicon' });
  });
});

describeWithModels('choosing the analyzer with the stand-in models', () => {
  it('loads both stand-ins from --models, before KINSHIP_MODELS_DIR', async () => {
    const analyzer = await openAnalyzer('auto', SHARED_MODELS_DIR, { KINSHIP_MODELS_DIR: '/elsewhere' });
    expect(analyzer.kind).toBe('model');
    expect(analyzer.modelsDir).toEqual({ dir: path.resolve(SHARED_MODELS_DIR), from: '--models' });
    expect(analyzer.modelId).toBe('selftrained-goemotions-ekman-uni + selftrained-goemotions-sentiment-uni');
    expect(analyzer.models.map((model) => model.role)).toEqual(['emotion', 'sentiment']);
  });
});
