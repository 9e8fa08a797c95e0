import { expect, it } from 'vitest';
import { evaluationReport } from '../../../../../electron/services/analysis/evaluation/reportTables';
import { runEvaluation, type EvaluationResult } from '../../../../../electron/services/analysis/evaluation/runEvaluation';
import type { DataFormat } from '../../../../../electron/services/analysis/evaluation/labelledData';
import { SHARED_MODELS_DIR } from '../../../../helpers/analysisFixtures';
import { describeWithSharedData, GOEMOTIONS_DEV, SST2_DEV, TWEETEVAL_EMOTION, TWEETEVAL_SENTIMENT } from './evaluationFixtures';

/**
 * The harness on the first 200 rows of the real data sets (../shared/data) with the real stand-in
 * models (../shared/models): figures must be well above chance for the views the models are for.
 */
const STAND_INS = 'selftrained-goemotions-ekman-uni + selftrained-goemotions-sentiment-uni';
const ROWS = 200;

const evaluate = (data: string, format: DataFormat, analyzer: 'auto' | 'lexicon' = 'auto') =>
  runEvaluation({ data, format, analyzer, models: SHARED_MODELS_DIR, limit: ROWS, env: {} });

const view = (result: EvaluationResult, key: string) => {
  const found = result.views.find((candidate) => candidate.view.key === key);
  if (!found) throw new Error(`no ${key} view; views: ${result.views.map((v) => v.view.key).join(', ')}`);
  return found;
};

describeWithSharedData(
  'evaluation on the shared data with the stand-in models',
  () => {
    it('goemotions: Ekman and 4-class sentiment views well above chance', async () => {
      const result = await evaluate(GOEMOTIONS_DEV, 'goemotions');
      expect(result.analyzer).toMatchObject({ kind: 'model', modelId: STAND_INS });
      expect(result.rowsEvaluated).toBe(ROWS);
      expect(result.views.map((v) => v.view.key)).toEqual(['goemotions-ekman', 'goemotions-sentiment-4']);
      expect(result.unavailable[0]).toMatch(/^28-label view/);
      const ekman = view(result, 'goemotions-ekman').scores;
      expect(ekman.accuracy).toBeGreaterThan(0.5); // 7 classes; the largest (joy) is about a third
      expect(ekman.macroF1).toBeGreaterThan(0.4);
      const sentiment = view(result, 'goemotions-sentiment-4').scores;
      expect(sentiment.accuracy).toBeGreaterThan(0.5);
      expect(sentiment.macroF1).toBeGreaterThan(0.45);
      const report = evaluationReport(result);
      expect(report).toContain(`- analyzer: **model** — ${STAND_INS}`);
      expect(report).toContain('| BERT-base (multi-label, all rows, threshold 0.3, Ekman grouping; Demszky et al., ACL 2020) | GoEmotions test | — | 0.640 | — |');
    });

    it('tweeteval-sentiment: macro-recall above chance from the sentiment stand-in', async () => {
      const result = await evaluate(TWEETEVAL_SENTIMENT, 'tweeteval-sentiment');
      expect(result.data.split).toBe('val');
      const scores = view(result, 'tweeteval-sentiment').scores;
      expect(scores.rows).toBe(ROWS);
      expect(scores.macroRecall).toBeGreaterThan(0.42); // chance: 1/3
      expect(scores.accuracy).toBeGreaterThan(0.45);
    });

    it('tweeteval-emotion: from the Ekman distribution, optimism never predicted and counted as a miss', async () => {
      const result = await evaluate(TWEETEVAL_EMOTION, 'tweeteval-emotion');
      const { scores, view: plan } = view(result, 'tweeteval-emotion');
      expect(plan.notes.join(' ')).toMatch(/'optimism' has no Ekman counterpart/);
      const optimism = scores.perLabel.find((label) => label.label === 'optimism')!;
      expect(optimism).toMatchObject({ predictedCount: 0, recall: 0 });
      expect(optimism.support).toBeGreaterThan(0);
      expect(scores.accuracy).toBeGreaterThan(0.45); // 4 classes
      for (const label of ['anger', 'joy', 'sadness']) expect(scores.perLabel.find((s) => s.label === label)!.f1).toBeGreaterThan(0.4);
    });

    it('sst2: binary accuracy above chance', async () => {
      const result = await evaluate(SST2_DEV, 'sst2');
      expect(view(result, 'sst2').scores.accuracy).toBeGreaterThan(0.58);
    });

    it('the lexicon: sentiment views only, above chance, and no emotion task', async () => {
      const goEmotions = await evaluate(GOEMOTIONS_DEV, 'goemotions', 'lexicon');
      expect(goEmotions.analyzer.kind).toBe('lexicon');
      expect(goEmotions.views.map((v) => v.view.key)).toEqual(['goemotions-sentiment-3']);
      expect(view(goEmotions, 'goemotions-sentiment-3').scores.accuracy).toBeGreaterThan(0.5);
      expect(view(await evaluate(TWEETEVAL_SENTIMENT, 'tweeteval-sentiment', 'lexicon'), 'tweeteval-sentiment').scores.macroRecall).toBeGreaterThan(0.5);
      expect(view(await evaluate(SST2_DEV, 'sst2', 'lexicon'), 'sst2').scores.accuracy).toBeGreaterThan(0.6);
      await expect(evaluate(TWEETEVAL_EMOTION, 'tweeteval-emotion', 'lexicon')).rejects.toThrow(/needs an emotion model: the lexicon analyzer reads sentiment only/);
    });
  },
  { models: true },
);
