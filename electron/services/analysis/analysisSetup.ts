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
export function createAnalysisSetup({ store, dataDir, packagedDir, env = process.env }: AnalysisSetupOptions) {
  const cacheDir = path.join(dataDir, 'models');

  function modelsDir(): { dir: string; source: 'setting' | 'environment' } | null {
    const chosen = store.settings.get<string | null>(MODELS_DIR_SETTING);
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
    setModelsDir(dir: string | null): void {
      store.settings.set(MODELS_DIR_SETTING, dir);
    },
    hubAllowed(): boolean {
      return store.settings.get<boolean>(HUB_SETTING) ?? false;
    },
    setHubAllowed(allowed: boolean): void {
      store.settings.set(HUB_SETTING, allowed);
    },
    describe(): Pick<AnalysisStatus, 'modelsDir' | 'modelsDirSource' | 'hubAllowed'> {
      const chosen = modelsDir();
      return { modelsDir: chosen?.dir ?? null, modelsDirSource: chosen?.source ?? null, hubAllowed: this.hubAllowed() };
    },
  };
}

export type AnalysisSetup = ReturnType<typeof createAnalysisSetup>;
