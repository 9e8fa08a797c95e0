import type { Reading } from '../../../../shared/contract/analysis';
import { openAnalyzer, type ActiveAnalyzer } from '../../analysis';
import { readAll } from '../../analysis';
import { conversationSignal } from '../conversationSignal';
import type { AnalyzerSet } from './connectionEvalArgs';
import { spearman, type RankCorrelation } from './spearman';
import { readUssFolder, type UssDialogue } from './ussReader';

/**
 * The conversation signal against human satisfaction: each USS dialogue's USER turns read as the
 * customer's messages by the app's own analyzer (the writer's words, as the worker reads them),
 * the conversation signal computed from their sentiments, and Spearman's rho against the mean of
 * the raters' OVERALL scores, per data set and analyzer.
 */

export interface ConnectionEvalRequest {
  data: string;
  analyzers: AnalyzerSet;
  models?: string;
  limit?: number;
  env?: NodeJS.ProcessEnv;
  /** Analyzers already opened (tests); otherwise opened from `analyzers`, `models` and `env`. */
  opened?: ActiveAnalyzer[];
  onProgress?: (message: string) => void;
}

export interface CorrelationRow {
  dataSet: string;
  analyzer: Omit<ActiveAnalyzer, 'read'>;
  /** The signal against the mean OVERALL rating. */
  signal: RankCorrelation;
  /** For comparison: the ending alone (no recovery), and the plain mean of the customer's sentiment. */
  endingOnly: RankCorrelation;
  plainMean: RankCorrelation;
  /** Dialogues left out: no USER turn with words. */
  withoutCustomerWords: number;
}

export interface ConnectionEvalResult {
  data: string;
  dataSets: { dataSet: string; path: string; dialogues: number; evaluated: number; skipped: string[] }[];
  limit: number | undefined;
  rows: CorrelationRow[];
  /** Why an analyzer that was asked for is not in the rows. */
  unavailable: string[];
  seconds: number;
}

/** The customer's turns of a dialogue (USER lines with some text). */
export function customerTurns(dialogue: UssDialogue): string[] {
  return dialogue.turns.filter((turn) => turn.role === 'USER' && /[\p{L}\p{N}]/u.test(turn.text)).map((turn) => turn.text);
}

async function openAnalyzers(request: ConnectionEvalRequest): Promise<{ analyzers: ActiveAnalyzer[]; unavailable: string[] }> {
  if (request.opened) return { analyzers: request.opened, unavailable: [] };
  const env = request.env ?? process.env;
  const analyzers: ActiveAnalyzer[] = [];
  const unavailable: string[] = [];
  if (request.analyzers !== 'lexicon') {
    const model = await openAnalyzer(request.analyzers === 'model' ? 'model' : 'auto', request.models, env);
    if (model.kind === 'model') analyzers.push(model);
    else unavailable.push(`model analyzer: ${model.fallbackReason ?? 'not available'}`);
  }
  if (request.analyzers !== 'model') analyzers.push(await openAnalyzer('lexicon', undefined, env));
  return { analyzers, unavailable };
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

export async function runConnectionEvaluation(request: ConnectionEvalRequest): Promise<ConnectionEvalResult> {
  const files = readUssFolder(request.data);
  const { analyzers, unavailable } = await openAnalyzers(request);
  const started = performance.now();
  const rows: CorrelationRow[] = [];
  const dataSets: ConnectionEvalResult['dataSets'] = [];

  for (const file of files) {
    const chosen = request.limit !== undefined ? file.dialogues.slice(0, request.limit) : file.dialogues;
    const usable = chosen.map((dialogue) => ({ dialogue, turns: customerTurns(dialogue) })).filter((entry) => entry.turns.length > 0);
    dataSets.push({ dataSet: file.dataSet, path: file.path, dialogues: file.dialogues.length, evaluated: usable.length, skipped: file.skipped });
    const texts = usable.flatMap((entry) => entry.turns);
    for (const analyzer of analyzers) {
      request.onProgress?.(`${file.dataSet}: reading ${texts.length} customer turns of ${usable.length} dialogues with the ${analyzer.kind} (${analyzer.modelId})`);
      let lastShown = -1;
      const readings: Reading[] = await readAll(analyzer, texts, undefined, (done, total) => {
        const tenth = Math.floor((done / total) * 10);
        if (tenth !== lastShown) {
          lastShown = tenth;
          request.onProgress?.(`${file.dataSet}: ${done} / ${total}`);
        }
      });
      const gold: number[] = [];
      const signals: number[] = [];
      const endings: number[] = [];
      const means: number[] = [];
      let offset = 0;
      for (const entry of usable) {
        const sentiments = readings.slice(offset, offset + entry.turns.length).map((reading) => reading.sentiment);
        offset += entry.turns.length;
        const signal = conversationSignal(sentiments);
        if (!signal) continue;
        gold.push(entry.dialogue.overallMean);
        signals.push(signal.signal);
        endings.push(signal.end);
        means.push(mean(sentiments));
      }
      const { read: _read, ...described } = analyzer;
      rows.push({
        dataSet: file.dataSet,
        analyzer: described,
        signal: spearman(signals, gold),
        endingOnly: spearman(endings, gold),
        plainMean: spearman(means, gold),
        withoutCustomerWords: chosen.length - usable.length,
      });
    }
  }
  return { data: request.data, dataSets, limit: request.limit, rows, unavailable, seconds: (performance.now() - started) / 1000 };
}
