import { count } from '../../analysis';
import { markdownTable } from '../../analysis';
import type { RankCorrelation } from './spearman';
import type { ConnectionEvalResult } from './runConnectionEvaluation';

/** The published figure the signal is set beside (USS paper, Sun et al., SIGIR 2021). */
export const PUBLISHED: Record<string, { rho: number; system: string }> = {
  MWOZ: { rho: 0.823, system: 'BERT, supervised on USS MultiWOZ' },
};

const rho = (correlation: RankCorrelation) => (Number.isFinite(correlation.rho) ? correlation.rho.toFixed(3) : '—');
const interval = (correlation: RankCorrelation) => (correlation.ci95 ? `${correlation.ci95[0].toFixed(2)} – ${correlation.ci95[1].toFixed(2)}` : '—');

/** The markdown report: how it was done, then the table. */
export function connectionEvalReport(result: ConnectionEvalResult): string {
  const rows = result.rows.map((row) => {
    const published = PUBLISHED[row.dataSet];
    return [
      row.dataSet,
      row.analyzer.kind === 'model' ? `model (${row.analyzer.modelId})` : `lexicon (${row.analyzer.modelId})`,
      count(row.signal.n),
      `**${rho(row.signal)}**`,
      interval(row.signal),
      rho(row.endingOnly),
      rho(row.plainMean),
      published ? `${published.rho.toFixed(3)} (${published.system})` : '—',
    ];
  });
  const lines = [
    '# The conversation signal against human satisfaction (USS)',
    '',
    `- data: ${result.data} — USS (Sun et al., SIGIR 2021): ${result.dataSets.map((set) => `${set.dataSet} ${count(set.evaluated)} of ${count(set.dialogues)} dialogues`).join(', ')}`,
    '- how: each dialogue\'s USER turns read as the customer\'s messages by the app\'s analyzer; the conversation signal (ending weighted to the last messages, plus the ground recovered from a bad start; electron/services/connection/conversationSignal.ts) against the mean of the raters\' OVERALL 1–5 scores',
    '- Spearman\'s rho with tied ranks averaged; 95% interval from Fisher\'s z (standard error 1/√(n − 3))',
    '- for comparison: the ending alone (no recovery term) and the plain mean of the customer\'s sentiment',
    ...(result.limit !== undefined ? [`- --limit ${result.limit}: the first ${count(result.limit)} dialogues of each data set`] : []),
    ...result.unavailable.map((reason) => `- not run: ${reason}`),
    ...result.dataSets.flatMap((set) => set.skipped.map((reason) => `- skipped: ${reason}`)),
    '',
    markdownTable(['data set', 'analyzer', 'n', 'Spearman ρ (signal)', '95% CI', 'ρ ending only', 'ρ plain mean', 'published ρ'], rows, [false, false, true, true, false, true, true, false]),
    '',
    'The published figure (Sun et al., SIGIR 2021) is a supervised model: BERT trained on the USS MultiWOZ satisfaction ratings themselves. Ours is zero-shot: an analyzer never trained on these dialogues or their ratings, and a fixed formula chosen on principle. The settings differ (and the paper\'s figure need not be computed at the same level, dialogue or turn), so read it as a ceiling, not as a rival result.',
    '',
    `${result.seconds.toFixed(1)} s.`,
  ];
  return lines.join('\n');
}
