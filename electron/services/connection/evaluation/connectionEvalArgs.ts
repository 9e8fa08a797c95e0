import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { inputError } from '../../analysis';

/** Beside the checkout: ../shared/data/uss and ../shared/models (never copied into the project). */
export const DEFAULT_USS_DIR = fileURLToPath(new URL('../../../../../shared/data/uss', import.meta.url));
export const DEFAULT_MODELS_DIR = fileURLToPath(new URL('../../../../../shared/models', import.meta.url));

export const CONNECTION_EVAL_USAGE =
  'usage: npm run eval:connection -- [--data <uss dir>] [--analyzer both|model|lexicon] [--models <dir>] [--limit N]\n' +
  `  --data      folder with MWOZ.txt, ReDial.txt, CCPE.txt (default ${DEFAULT_USS_DIR})\n` +
  '  --analyzer  both (default: the model when one is usable, and the lexicon), model, or lexicon\n' +
  '  --models    models folder (default KINSHIP_MODELS_DIR, else ../shared/models when it exists)\n' +
  '  --limit     the first N dialogues of each data set';

export type AnalyzerSet = 'both' | 'model' | 'lexicon';

export interface ConnectionEvalArgs {
  data: string;
  analyzers: AnalyzerSet;
  /** The models folder to open, if any (undefined: none named and the default is absent). */
  models?: string;
  limit?: number;
  help: boolean;
}

/** The command line, checked: any problem is an EvaluationInputError naming it. */
export function parseConnectionEvalArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ConnectionEvalArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        data: { type: 'string' },
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
  const analyzers = values.analyzer ?? 'both';
  if (analyzers !== 'both' && analyzers !== 'model' && analyzers !== 'lexicon') inputError(`unknown --analyzer '${analyzers}' (use both, model or lexicon)`);
  let limit: number | undefined;
  if (values.limit !== undefined) {
    if (!/^\d+$/.test(values.limit) || Number(values.limit) < 1) inputError(`--limit must be a whole number of dialogues, at least 1 (got '${values.limit}')`);
    limit = Number(values.limit);
  }
  const models = values.models ?? (env.KINSHIP_MODELS_DIR?.trim() ? undefined : fs.existsSync(DEFAULT_MODELS_DIR) ? DEFAULT_MODELS_DIR : undefined);
  return { data: values.data ?? DEFAULT_USS_DIR, analyzers, models, limit, help: values.help ?? false };
}
