import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluationReport } from '../../../../../electron/services/analysis/evaluation/reportTables';
import { runEvaluation } from '../../../../../electron/services/analysis/evaluation/runEvaluation';
import { tempDir } from '../../../../helpers/tempDir';
import { fakeAnalyzer, modelInfo, reading, writeFiles } from './evaluationFixtures';

const SENTIMENT_3 = modelInfo('sentiment', 'fake-sentiment', ['negative', 'neutral', 'positive'], 'sentiment (3 classes)');

/** Says positive when the text has "good", negative for "bad", else neutral: predictable by hand. */
const byWord = (text: string) =>
  /good/.test(text) ? reading({ sentiment: 0.8, sentimentClass: 'positive' }) : /bad/.test(text) ? reading({ sentiment: -0.8, sentimentClass: 'negative' }) : reading({});

describe('running an evaluation', () => {
  it('reads every row in batches through customerWords and scores it, end to end', async () => {
    const dir = tempDir();
    // gold: good→1 right, bad→0 right, "good <b>grief</b>"→0 wrong, "plain"→1 wrong (reads 0 → negative)
    writeFiles(dir, { 'dev.tsv': 'sentence\tlabel\ngood film\t1\nbad film\t0\n<p>good grief</p>\t0\nplain\t1\n' });
    const seen: string[] = [];
    const progress: [number, number][] = [];
    const opened = fakeAnalyzer([SENTIMENT_3], (text) => {
      seen.push(text);
      return byWord(text);
    });
    const result = await runEvaluation({ data: path.join(dir, 'dev.tsv'), format: 'sst2', analyzer: 'auto', opened, batchSize: 3, onProgress: (done, total) => progress.push([done, total]) });
    expect(seen).toEqual(['good film', 'bad film', 'good grief', 'plain']); // HTML reduced to text, as the app does
    expect(progress).toEqual([
      [3, 4],
      [4, 4],
    ]);
    const [view] = result.views;
    expect(view!.matrix.counts).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(view!.scores.accuracy).toBe(0.5);
    expect(view!.view.notes).toContain('1 of 4 readings were exactly 0 and count as negative');
    const report = evaluationReport(result);
    expect(report).toContain('- analyzer: **model** — fake-sentiment');
    expect(report).toContain('| **Kinship, model: fake-sentiment** | dev (this file) | 4 | **0.500** | **0.500** |');
    expect(report).toContain('| DistilBERT-SST-2 (fine-tuned on SST-2 train; published GLUE SST-2 dev figures (as listed in shared/data README)) | SST-2 dev | — | 0.913 | — |');
    expect(report).toContain('| **negative** | 1 | 1 |');
  });

  it('evaluates only the first --limit rows and says so', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'val_text.txt': 'good\nbad\nplain\ngood\n', 'val_labels.txt': '2\n0\n1\n0\n' });
    const result = await runEvaluation({ data: dir, format: 'tweeteval-sentiment', analyzer: 'auto', limit: 3, opened: fakeAnalyzer([SENTIMENT_3], byWord) });
    expect(result.rowsEvaluated).toBe(3);
    expect(result.data.notes).toContain('--limit 3: the first 3 of 4 rows evaluated');
    expect(result.views[0]!.scores).toMatchObject({ accuracy: 1, macroRecall: 1 });
    expect(evaluationReport(result)).toMatch(/\| macro-recall \| accuracy \| macro-F1 \|/);
  });

  it('reports the baselines of the stand-in only when the stand-in is the model evaluated', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'dev.tsv': 'so good\t17\ta\nso bad\t25\tb\n' });
    const emotion = modelInfo('emotion', 'some-ekman-model', ['anger', 'disgust', 'fear', 'joy', 'neutral', 'sadness', 'surprise']);
    const result = await runEvaluation({
      data: path.join(dir, 'dev.tsv'),
      format: 'goemotions',
      analyzer: 'auto',
      opened: fakeAnalyzer([emotion], (text) => reading({ emotions: text.includes('good') ? { joy: 0.9, neutral: 0.1 } : { sadness: 0.6, anger: 0.4 } })),
    });
    const ekman = result.views.find((view) => view.view.key === 'goemotions-ekman')!;
    expect(ekman.scores.accuracy).toBe(1);
    expect(ekman.baselines.map((baseline) => baseline.system)).toEqual(['BERT-base']);
  });
});
