import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findModels } from '../../../electron/services/analysis/models/findModels';
import type { ModelSpec } from '../../../electron/services/analysis/models/modelSpec';

/** The team's models beside the checkout (../shared/models); read in place, never copied. */
const SHARED_MODELS_DIR = fileURLToPath(new URL('../../../../shared/models/', import.meta.url));

/** KINSHIP_MODELS_DIR if set, else ../shared/models; exits with a plain reason when neither has models. */
export async function resolveModels(): Promise<{ dir: string; specs: ModelSpec[] }> {
  const fromEnv = process.env.KINSHIP_MODELS_DIR;
  const dir = fromEnv ? path.resolve(fromEnv) : SHARED_MODELS_DIR;
  if (!fs.existsSync(dir)) {
    console.error(
      fromEnv
        ? `bench:analysis: KINSHIP_MODELS_DIR=${fromEnv} does not exist.`
        : `bench:analysis: no models folder: set KINSHIP_MODELS_DIR, or put the team's models at ${SHARED_MODELS_DIR} (see ../shared/models/README.md).`,
    );
    process.exit(2);
  }
  const { specs, problems } = await findModels([{ dir, source: 'models folder' }]);
  if (!specs.length) {
    console.error(`bench:analysis: no usable emotion or sentiment model in ${dir}${problems.length ? ` (${problems.join('; ')})` : ''}.`);
    process.exit(2);
  }
  return { dir, specs };
}
