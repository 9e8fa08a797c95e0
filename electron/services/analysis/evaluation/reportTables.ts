import type { MetricKey } from './baselines';
import { count } from './labelledData';
import type { EvaluationResult, ViewResult } from './runEvaluation';

const METRIC_NAMES: Record<MetricKey, string> = { accuracy: 'accuracy', macroF1: 'macro-F1', macroRecall: 'macro-recall' };

const figure = (value: number | undefined) => (value === undefined ? '—' : value.toFixed(3));
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** A markdown table: a header row, a separator, and the rows; numbers right-aligned. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: readonly boolean[] = []): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const separator = `|${header.map((_, i) => (rightAligned[i] ? '---:' : '---')).join('|')}|`;
  return [line(header), separator, ...rows.map(line)].join('\n');
}

function describeSplit(result: EvaluationResult): string {
  return result.data.split ? `${result.data.split} (this file)` : 'this file (split not named)';
}

/** Ours beside the published baselines, in the view's metrics (the official one first). */
export function headlineTable(result: EvaluationResult, viewResult: ViewResult): string {
  const { view, scores, baselines } = viewResult;
  const header = ['system', 'evaluated on', 'rows', ...view.metrics.map((metric) => METRIC_NAMES[metric])];
  const ours = [`**Kinship, ${result.analyzer.kind}: ${result.analyzer.modelId}**`, describeSplit(result), count(scores.rows), ...view.metrics.map((metric) => `**${figure(scores[metric])}**`)];
  const theirs = baselines.map((baseline) => [
    `${baseline.system} (${baseline.setting}; ${baseline.source})`,
    baseline.split,
    '—',
    ...view.metrics.map((metric) => figure(baseline.figures[metric])),
  ]);
  return markdownTable(header, [ours, ...theirs], [false, false, true, ...view.metrics.map(() => true)]);
}

export function perLabelTable(viewResult: ViewResult): string {
  const rows = viewResult.scores.perLabel.map((score) => [score.label, figure(score.precision), figure(score.recall), figure(score.f1), count(score.support), count(score.predictedCount)]);
  return markdownTable(['label', 'precision', 'recall', 'F1', 'support', 'predicted'], rows, [false, true, true, true, true, true]);
}

export function confusionTable(viewResult: ViewResult): string {
  const { matrix } = viewResult;
  const rows = matrix.labels.map((label, i) => [`**${label}**`, ...matrix.counts[i]!.map((n) => count(n))]);
  return markdownTable(['gold \\ predicted', ...matrix.predicted], rows, [false, ...matrix.predicted.map(() => true)]);
}

export function viewSection(result: EvaluationResult, viewResult: ViewResult): string {
  const { view, scores } = viewResult;
  const summary = view.metrics.map((metric) => `${METRIC_NAMES[metric]} ${figure(scores[metric])}`).join(', ');
  return [
    `### ${view.title}`,
    '',
    `How: ${view.method}.`,
    ...view.notes.map((note) => `Note: ${note}.`),
    '',
    `${count(scores.rows)} rows: ${summary}.`,
    '',
    headlineTable(result, viewResult),
    '',
    'Per label:',
    '',
    perLabelTable(viewResult),
    '',
    'Confusion matrix (rows gold, columns predicted):',
    '',
    confusionTable(viewResult),
  ].join('\n');
}

function analyzerLines(result: EvaluationResult): string[] {
  const { analyzer } = result;
  const lines = [`- analyzer: **${analyzer.kind}** — ${analyzer.modelId}`];
  for (const model of analyzer.models) lines.push(`  - ${model.role} model: ${model.id} (${model.labelScheme}; labels ${model.labels.join(', ')}), from ${model.path}`);
  if (analyzer.fallbackReason) lines.push(`  - lexicon because: ${analyzer.fallbackReason}`);
  if (analyzer.modelsDir) lines.push(`  - models folder: ${analyzer.modelsDir.dir} (from ${analyzer.modelsDir.from})`);
  for (const problem of analyzer.problems) lines.push(`  - model not usable: ${problem}`);
  return lines;
}

/** The whole report as markdown: what was read, by which analyzer, and every view's tables. */
export function evaluationReport(result: EvaluationResult): string {
  const { data } = result;
  const rate = result.seconds > 0 ? ` (${count(Math.round(result.rowsEvaluated / result.seconds))} rows/s)` : '';
  return [
    `## ${data.format}: ${data.files.map((file) => file.split(/[\\/]/).pop()).join(' + ')} — ${result.analyzer.kind} analyzer`,
    '',
    `- data: ${data.files.join(' + ')} (split: ${data.split ?? 'not named by the file'})`,
    `- rows evaluated: **${count(result.rowsEvaluated)}** of ${count(data.rowsRead)} read`,
    ...data.notes.map((note) => `- ${note}`),
    ...analyzerLines(result),
    ...result.unavailable.map((reason) => `- not available: ${reason}`),
    `- read in ${result.seconds.toFixed(1)} s${rate}`,
    '',
    ...result.views.flatMap((viewResult) => [viewSection(result, viewResult), '']),
  ].join('\n');
}
