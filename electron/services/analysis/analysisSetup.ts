import path from 'node:path';
import type { AnalysisStatus } from '../../../shared/contract/analysis';
import type { Store } from '../store/store';
import type { ModelLocation } from './models/findModels';

const MODELS_DIR_SETTING = 'analysis.modelsDir';
const HUB_SETTING = 'analysis.allowHub';

export interface AnalysisSetupOptions {
  store: Store;
  /** The workspace's folder: the app's model cache lives in its models/ subfolder. */
  dataDir: string;
  /** Models packaged with the app (resources/models). */
  packagedDir: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Where models come from, in order: the models folder the user chose in Settings (or
 * KINSHIP_MODELS_DIR), the app's own model cache (hub downloads land there), the packaged models.
 */
export async function createAnalysisSetup({ store, dataDir, packagedDir, env = process.env }: AnalysisSetupOptions) {
  const cacheDir = path.join(dataDir, 'models');
  // read once and written through: the engine asks for them on every status
  let chosenDir = (await store.settings.get<string | null>(MODELS_DIR_SETTING)) ?? null;
  let hubAllowed = (await store.settings.get<boolean>(HUB_SETTING)) ?? false;

  function modelsDir(): { dir: string; source: 'setting' | 'environment' } | null {
    const chosen = chosenDir;
    if (chosen) return { dir: chosen, source: 'setting' };
    const fromEnv = env.KINSHIP_MODELS_DIR?.trim();
    return fromEnv ? { dir: path.resolve(fromEnv), source: 'environment' } : null;
  }

  return {
    cacheDir,
    locations(): ModelLocation[] {
      const chosen = modelsDir();
      return [
        ...(chosen ? [{ dir: chosen.dir, source: 'models folder' as const }] : []),
        { dir: cacheDir, source: 'app cache' },
        { dir: packagedDir, source: 'packaged' },
      ];
    },
    async setModelsDir(dir: string | null): Promise<void> {
      await store.settings.set(MODELS_DIR_SETTING, dir);
      chosenDir = dir;
    },
    hubAllowed(): boolean {
      return hubAllowed;
    },
    async setHubAllowed(allowed: boolean): Promise<void> {
      await store.settings.set(HUB_SETTING, allowed);
      hubAllowed = allowed;
    },
    describe(): Pick<AnalysisStatus, 'modelsDir' | 'modelsDirSource' | 'hubAllowed'> {
      const chosen = modelsDir();
      return { modelsDir: chosen?.dir ?? null, modelsDirSource: chosen?.source ?? null, hubAllowed: this.hubAllowed() };
    },
  };
}

export type AnalysisSetup = Awaited<ReturnType<typeof createAnalysisSetup>>;
