import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';
import type { ModelInfo, Reading } from '../../../../../shared/contract/analysis';
import type { ActiveAnalyzer } from '../../../../../electron/services/analysis/evaluation/activeAnalyzer';
import { haveSharedModels } from '../../../../helpers/analysisFixtures';

/** The team's labelled data beside the checkout (../shared/data); never copied into the project. */
export const SHARED_DATA_DIR = fileURLToPath(new URL('../../../../../../shared/data/', import.meta.url));
export const GOEMOTIONS_DEV = path.join(SHARED_DATA_DIR, 'goemotions', 'dev.tsv');
export const GOEMOTIONS_EMOTIONS_TXT = path.join(SHARED_DATA_DIR, 'goemotions', 'emotions.txt');
export const TWEETEVAL_SENTIMENT = path.join(SHARED_DATA_DIR, 'tweeteval', 'sentiment');
export const TWEETEVAL_EMOTION = path.join(SHARED_DATA_DIR, 'tweeteval', 'emotion');
export const SST2_DEV = path.join(SHARED_DATA_DIR, 'sst2', 'dev.tsv');

export const haveSharedData = [GOEMOTIONS_DEV, path.join(TWEETEVAL_SENTIMENT, 'val_text.txt'), path.join(TWEETEVAL_EMOTION, 'val_text.txt'), SST2_DEV].every((file) => fs.existsSync(file));

/** describe() that skips, saying why, when the shared data (and models, if asked) are not beside the checkout. */
export function describeWithSharedData(name: string, body: () => void, options: { models?: boolean } = {}) {
  const missing = [!haveSharedData && '../shared/data', options.models && !haveSharedModels && '../shared/models'].filter(Boolean);
  if (missing.length) describe.skip(`${name} — skipped: ${missing.join(' and ')} not beside this checkout`, body);
  else describe(name, body);
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
}

export function modelInfo(role: ModelInfo['role'], id: string, labels: string[], labelScheme = 'test scheme'): ModelInfo {
  return { role, id, source: 'models folder', path: `/models/${id}`, labels, labelScheme, loadMs: 0 };
}

export function reading(partial: Partial<Reading>): Reading {
  return {
    analyzer: 'model',
    modelId: 'fake',
    modelVersion: null,
    sentiment: 0,
    sentimentClass: 'neutral',
    emotions: {},
    dominant: null,
    labels: {},
    words: 1,
    windows: 1,
    truncated: false,
    ...partial,
  };
}

/** An analyzer with the given models whose readings come from `readText`. */
export function fakeAnalyzer(models: ModelInfo[], readText: (text: string) => Reading, kind: ActiveAnalyzer['kind'] = 'model'): ActiveAnalyzer {
  return {
    kind,
    modelId: models.map((model) => model.id).join(' + ') || 'fake lexicon',
    models,
    modelsDir: null,
    fallbackReason: kind === 'lexicon' ? 'test' : null,
    problems: [],
    read: async (items) => items.map((item) => readText(item.text)),
  };
}
