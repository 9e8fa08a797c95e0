import fs from 'node:fs';
import path from 'node:path';
import type { AnalyzerKind, ModelInfo, Reading } from '../../../../shared/contract/analysis';
import { LEXICON_MODEL_ID, lexiconReading } from '../lexiconAnalyzer';
import { createModelAnalyzer } from '../modelAnalyzer';
import { findModels } from '../models/findModels';
import type { CustomerWords } from '../text/customerWords';
import { inputError } from './evaluationError';

export type AnalyzerChoice = 'auto' | 'model' | 'lexicon';

/** The analyzer the evaluation runs, and a plain account of how it was chosen. */
export interface ActiveAnalyzer {
  kind: AnalyzerKind;
  /** As on every reading: the model ids joined with " + ", or the lexicon's id. */
  modelId: string;
  models: ModelInfo[];
  /** The models folder looked in, and where it was named. */
  modelsDir: { dir: string; from: '--models' | 'KINSHIP_MODELS_DIR' } | null;
  /** Why the lexicon is in use; null when models are. */
  fallbackReason: string | null;
  /** Model folders that were found but could not be used, and why. */
  problems: string[];
  read(items: readonly CustomerWords[]): Promise<Reading[]>;
}

function lexicon(fallbackReason: string, modelsDir: ActiveAnalyzer['modelsDir'], problems: string[] = []): ActiveAnalyzer {
  return {
    kind: 'lexicon',
    modelId: LEXICON_MODEL_ID,
    models: [],
    modelsDir,
    fallbackReason,
    problems,
    read: async (items) => items.map((item) => lexiconReading(item.text, item.words, item.truncated)),
  };
}

/**
 * The app's active analyzer for a models folder: `--models`, else KINSHIP_MODELS_DIR; the lexicon
 * when neither is given or no usable model is there (or when asked for). Asking for 'model' makes
 * a missing model an input error instead of a fallback.
 */
export async function openAnalyzer(choice: AnalyzerChoice, modelsDirArg: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<ActiveAnalyzer> {
  const fromEnv = env.KINSHIP_MODELS_DIR?.trim();
  const modelsDir: ActiveAnalyzer['modelsDir'] = modelsDirArg
    ? { dir: path.resolve(modelsDirArg), from: '--models' }
    : fromEnv
      ? { dir: path.resolve(fromEnv), from: 'KINSHIP_MODELS_DIR' }
      : null;
  if (choice === 'lexicon') return lexicon('asked for with --analyzer lexicon', modelsDir);

  const noModel = (reason: string, problems: string[] = []): ActiveAnalyzer => {
    if (choice === 'model') inputError(`--analyzer model: ${reason}${problems.length ? ` (${problems.join('; ')})` : ''}`);
    return lexicon(reason, modelsDir, problems);
  };
  if (!modelsDir) return noModel('no models folder was given (--models <dir> or KINSHIP_MODELS_DIR)');
  if (!fs.existsSync(modelsDir.dir)) return noModel(`the models folder ${modelsDir.dir} (${modelsDir.from}) does not exist`);
  const { specs, problems } = await findModels([{ dir: modelsDir.dir, source: 'models folder' }]);
  if (specs.length === 0) return noModel(`no usable emotion or sentiment model in ${modelsDir.dir} (${modelsDir.from})`, problems);
  let analyzer;
  try {
    analyzer = await createModelAnalyzer(specs);
  } catch (error) {
    return noModel(`the model in ${modelsDir.dir} could not be loaded: ${error instanceof Error ? error.message : String(error)}`, problems);
  }
  return {
    kind: 'model',
    modelId: analyzer.modelId,
    models: analyzer.models,
    modelsDir,
    fallbackReason: null,
    problems,
    read: (items) => analyzer.read(items),
  };
}
