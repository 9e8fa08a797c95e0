import type { Reading } from '../../../../shared/contract/analysis';
import { customerWords } from '../text/customerWords';
import { openAnalyzer, type ActiveAnalyzer, type AnalyzerChoice } from './activeAnalyzer';
import { baselinesFor, type Baseline } from './baselines';
import { readLabelledData } from './datasetReaders';
import { planViews, type EvaluationView } from './evaluationViews';
import { count, type DataFormat, type LabelledData } from './labelledData';
import { confusionMatrix, scoreConfusion, type ConfusionMatrix, type Scores } from './metrics';

export const BATCH_SIZE = 64;

export interface EvaluationRequest {
  data: string;
  format: DataFormat;
  analyzer: AnalyzerChoice;
  models?: string;
  limit?: number;
  batchSize?: number;
  env?: NodeJS.ProcessEnv;
  /** An analyzer already opened (tests); otherwise one is opened from `analyzer`, `models` and `env`. */
  opened?: ActiveAnalyzer;
  /** Called after every batch. */
  onProgress?: (done: number, total: number) => void;
}

export interface ViewResult {
  view: EvaluationView;
  matrix: ConfusionMatrix;
  scores: Scores;
  baselines: Baseline[];
}

export interface EvaluationResult {
  data: LabelledData;
  /** The rows evaluated (all single-label rows, or the first --limit of them). */
  rowsEvaluated: number;
  limited: boolean;
  analyzer: Omit<ActiveAnalyzer, 'read'>;
  views: ViewResult[];
  unavailable: string[];
  seconds: number;
}

/** Reads texts the way the app's worker does: the writer's own words, then the analyzer, in batches. */
export async function readAll(analyzer: ActiveAnalyzer, texts: readonly string[], batchSize = BATCH_SIZE, onProgress?: (done: number, total: number) => void): Promise<Reading[]> {
  const readings: Reading[] = [];
  for (let start = 0; start < texts.length; start += batchSize) {
    const batch = texts.slice(start, start + batchSize).map((text) => customerWords(text, 'chat'));
    readings.push(...(await analyzer.read(batch)));
    onProgress?.(readings.length, texts.length);
  }
  return readings;
}

/** Reads the labelled data, runs the active analyzer over it and scores every view it can give. */
export async function runEvaluation(request: EvaluationRequest): Promise<EvaluationResult> {
  const data = readLabelledData(request.data, request.format);
  const analyzer = request.opened ?? (await openAnalyzer(request.analyzer, request.models, request.env ?? process.env));
  const { views, unavailable } = planViews(data, analyzer);
  const limited = request.limit !== undefined && request.limit < data.rows.length;
  const rows = limited ? data.rows.slice(0, request.limit) : data.rows;
  const started = performance.now();
  const readings = await readAll(analyzer, rows.map((row) => row.text), request.batchSize ?? BATCH_SIZE, request.onProgress);
  const seconds = (performance.now() - started) / 1000;
  const modelIds = analyzer.models.map((model) => model.id);
  const results = views.map((view) => {
    const matrix = confusionMatrix(
      view.labels,
      rows.map((row, index) => ({ gold: view.gold(row.gold), predicted: view.predict(readings[index]!) })),
    );
    const readingNote = view.noteOnReadings?.(readings);
    return { view: readingNote ? { ...view, notes: [...view.notes, readingNote] } : view, matrix, scores: scoreConfusion(matrix), baselines: baselinesFor(view.key, modelIds) };
  });
  const { read: _read, ...described } = analyzer;
  const notes = limited ? [...data.notes, `--limit ${request.limit}: the first ${count(rows.length)} of ${count(data.rows.length)} rows evaluated`] : data.notes;
  return { data: { ...data, notes }, rowsEvaluated: rows.length, limited, analyzer: described, views: results, unavailable, seconds };
}
