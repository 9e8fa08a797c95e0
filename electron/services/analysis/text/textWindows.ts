/**
 * Splits a text into windows that each fit a model's token limit, on sentence boundaries where
 * it can and on word boundaries where a sentence alone is too long.
 */
export function textWindows(text: string, maxTokens: number, countTokens: (text: string) => number): string[] {
  if (countTokens(text) <= maxTokens) return [text];
  const pieces: string[] = [];
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  for (const { segment } of segmenter.segment(text)) {
    if (countTokens(segment) <= maxTokens) {
      pieces.push(segment);
      continue;
    }
    // a sentence longer than the limit: cut it into runs of words
    let run = '';
    for (const word of segment.split(/(?<=\s)/)) {
      if (run && countTokens(run + word) > maxTokens) {
        pieces.push(run);
        run = '';
      }
      run += word;
    }
    if (run) pieces.push(run);
  }
  const windows: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current && countTokens(current + piece) > maxTokens) {
      windows.push(current.trim());
      current = '';
    }
    current += piece;
  }
  if (current.trim()) windows.push(current.trim());
  return windows.filter(Boolean);
}

/** Mean of per-window distributions, each weighted by its length. */
export function weightedMean(distributions: Record<string, number>[], weights: number[]): Record<string, number> {
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const out: Record<string, number> = {};
  distributions.forEach((distribution, index) => {
    for (const [label, score] of Object.entries(distribution)) out[label] = (out[label] ?? 0) + (score * weights[index]!) / total;
  });
  return out;
}
