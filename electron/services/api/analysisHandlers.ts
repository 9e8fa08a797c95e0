import path from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import fs from 'node:fs';
import type { AnalysisStatus, ModelRole } from '../../../shared/contract/analysis';
import { downloadModel, downloadFolders, keptBytes, DOWNLOAD_RECORD } from '../analysis';
import { checkModelsFolder } from '../analysis';
import { manifestBytes, readModelManifest } from '../analysis';
import type { Handlers } from './dispatch';
import type { AnalysisContext, ApiContext } from './workspace';

type AnalysisHandlers = Pick<
  Handlers,
  'analysis.status' | 'analysis.setModelsFolder' | 'analysis.setHubAllowed' | 'analysis.downloadModel' | 'analysis.readDraft'
>;

/** Settings → Analysis and the composer's draft tone, over the analysis engine. */
export function createAnalysisHandlers(context: ApiContext): AnalysisHandlers {
  function analysis(): AnalysisContext {
    if (!context.analysis) {
      throw new ApiError('store-unavailable', context.workspace.state === 'ready' ? 'Analysis is not running.' : context.workspace.error.message);
    }
    return context.analysis;
  }

  /** Downloads under way, by role: one at a time per model. */
  const downloading = new Set<ModelRole>();

  /** The engine's status, with what may be downloaded (from the manifest) and how far each is. */
  function status(): AnalysisStatus {
    const { engine, setup, manifestPath } = analysis();
    let manifest;
    try {
      manifest = readModelManifest(manifestPath);
    } catch {
      return { ...engine.status(), downloads: [] };
    }
    const downloads = (['emotion', 'sentiment'] as const).map((role) => {
      const model = manifest[role];
      const installed = fs.existsSync(`${downloadFolders(model, setup.cacheDir).target}/${DOWNLOAD_RECORD}`);
      return {
        role,
        hubId: model.hubId,
        revision: model.revision,
        labels: model.labels,
        licence: model.licence,
        bytes: manifestBytes(model),
        keptBytes: installed ? 0 : keptBytes(model, setup.cacheDir),
        state: downloading.has(role) ? ('downloading' as const) : installed ? ('installed' as const) : ('available' as const),
      };
    });
    return { ...engine.status(), downloads };
  }

  return {
    'analysis.status': () => status(),
    'analysis.setModelsFolder': async ({ path: folder }) => {
      const { engine, setup } = analysis();
      if (folder !== null) {
        const resolved = path.resolve(folder);
        // checked before anything is saved: a folder Kinship cannot list is refused and changes nothing
        const refusal = await checkModelsFolder(resolved);
        if (refusal) throw new ApiError('invalid-input', refusal, [{ path: 'path', message: refusal }]);
        await setup.setModelsDir(resolved);
      } else {
        await setup.setModelsDir(null);
      }
      await engine.restart();
      return status();
    },
    'analysis.setHubAllowed': async ({ allowed }) => {
      const { setup } = analysis();
      await setup.setHubAllowed(allowed);
      return status();
    },
    'analysis.downloadModel': async ({ role }) => {
      const { engine, setup, manifestPath, hubUrl } = analysis();
      if (!setup.hubAllowed()) {
        throw new ApiError('conflict', 'Downloading models is switched off. Allow downloads from the model hub in Settings first.');
      }
      if (downloading.has(role)) throw new ApiError('conflict', `The ${role} model is already being downloaded.`);
      const model = readModelManifest(manifestPath)[role];
      const label = `Downloading ${model.hubId}`;
      downloading.add(role);
      try {
        await downloadModel(
          model,
          setup.cacheDir,
          ({ loaded, total }) => context.bus.emit('progress', { task: 'model.download', label, done: loaded, total }),
          hubUrl,
        );
      } catch (error) {
        throw new ApiError('transport', (error as Error).message);
      } finally {
        downloading.delete(role);
      }
      await engine.restart();
      return status();
    },
    'analysis.readDraft': async ({ conversationId, draftId, text }) => {
      const { engine } = analysis();
      const conversation = context.workspace.state === 'ready' ? await context.workspace.store.conversations.getSummary(conversationId) : null;
      if (!conversation) throw new ApiError('not-found', `There is no conversation ${conversationId}.`);
      return engine.readDraft({ draftId, conversationId, channel: conversation.channel, text }).catch((error: unknown) => {
        throw new ApiError('invalid-input', `This draft could not be read (${error instanceof Error ? error.message : String(error)}).`);
      });
    },
  };
}
