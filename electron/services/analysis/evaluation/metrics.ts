/**
 * Classification metrics from a confusion matrix (rows gold, columns predicted), as scikit-learn
 * computes them by default: a label never predicted has precision 0, and macro averages run over the
 * task's labels that occur (in gold or predicted), so a small sample without some label is not
 * marked down for it.
 */

export interface ConfusionMatrix {
  /** The task's labels: the rows, and the first columns. */
  labels: string[];
  /** Columns: the task's labels, then any prediction outside them (e.g. "(no reading)"). */
  predicted: string[];
  /** counts[gold index][predicted index] */
  counts: number[][];
}

export interface LabelScore {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Gold rows with this label. */
  support: number;
  /** Rows predicted as this label. */
  predictedCount: number;
}

export interface Scores {
  rows: number;
  accuracy: number;
  macroPrecision: number;
  macroRecall: number;
  macroF1: number;
  perLabel: LabelScore[];
}

/** Counts gold/predicted pairs; a gold label outside `labels` is a programming error. */
export function confusionMatrix(labels: readonly string[], pairs: Iterable<{ gold: string; predicted: string }>): ConfusionMatrix {
  const predicted = [...labels];
  const counts = labels.map(() => predicted.map(() => 0));
  for (const { gold, predicted: guess } of pairs) {
    const row = labels.indexOf(gold);
    if (row < 0) throw new Error(`gold label '${gold}' is not one of ${labels.join(', ')}`);
    let column = predicted.indexOf(guess);
    if (column < 0) {
      predicted.push(guess);
      for (const countsRow of counts) countsRow.push(0);
      column = predicted.length - 1;
    }
    counts[row]![column]! += 1;
  }
  return { labels: [...labels], predicted, counts };
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

/** Accuracy, per-label precision/recall/F1 and their macro averages over the task's labels. */
export function scoreConfusion(matrix: ConfusionMatrix): Scores {
  const { labels, counts } = matrix;
  const rows = counts.reduce((total, row) => total + row.reduce((a, b) => a + b, 0), 0);
  const correct = labels.reduce((total, _, i) => total + counts[i]![i]!, 0);
  const perLabel = labels.map((label, i) => {
    const support = counts[i]!.reduce((a, b) => a + b, 0);
    const predictedCount = counts.reduce((total, row) => total + row[i]!, 0);
    const hits = counts[i]![i]!;
    const precision = ratio(hits, predictedCount);
    const recall = ratio(hits, support);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support, predictedCount };
  });
  const occurring = perLabel.filter((s) => s.support > 0 || s.predictedCount > 0);
  return {
    rows,
    accuracy: ratio(correct, rows),
    macroPrecision: mean(occurring.map((s) => s.precision)),
    macroRecall: mean(occurring.map((s) => s.recall)),
    macroF1: mean(occurring.map((s) => s.f1)),
    perLabel,
  };
}
