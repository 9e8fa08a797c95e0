import { parseArgs } from 'node:util';
import type { AnalyzerChoice } from './activeAnalyzer';
import { inputError } from './evaluationError';
import { DATA_FORMATS, type DataFormat } from './labelledData';

export const USAGE = `usage: npm run eval -- --data <path> --format ${DATA_FORMATS.join('|')} [--analyzer model|lexicon] [--models <dir>] [--limit N]`;

export interface EvaluationArgs {
  data: string;
  format: DataFormat;
  /** 'auto' when --analyzer is not given: models when usable, else the lexicon. */
  analyzer: AnalyzerChoice;
  models?: string;
  limit?: number;
  help: boolean;
}

/** The command line, checked: any problem is an EvaluationInputError naming it. */
export function parseEvaluationArgs(argv: readonly string[]): EvaluationArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        data: { type: 'string' },
        format: { type: 'string' },
        analyzer: { type: 'string' },
        models: { type: 'string' },
        limit: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    return inputError(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  if (values.help) return { data: '', format: 'goemotions', analyzer: 'auto', help: true };
  if (!values.data) inputError(`--data <path> is required (see --help)`);
  if (!values.format) inputError(`--format is required (${DATA_FORMATS.join(', ')}) (see --help)`);
  if (!(DATA_FORMATS as readonly string[]).includes(values.format)) inputError(`unknown --format '${values.format}' (use ${DATA_FORMATS.join(', ')})`);
  const analyzer = values.analyzer ?? 'auto';
  if (analyzer !== 'auto' && analyzer !== 'model' && analyzer !== 'lexicon') inputError(`unknown --analyzer '${analyzer}' (use model or lexicon)`);
  let limit: number | undefined;
  if (values.limit !== undefined) {
    if (!/^\d+$/.test(values.limit) || Number(values.limit) < 1) inputError(`--limit must be a whole number of rows, at least 1 (got '${values.limit}')`);
    limit = Number(values.limit);
  }
  return { data: values.data, format: values.format as DataFormat, analyzer, models: values.models, limit, help: false };
}
