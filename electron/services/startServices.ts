import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HostKind } from '../../shared/contract/domain';
import { createAnalysisEngine, type AnalysisEngine } from './analysis';
import { createAnalysisSetup } from './analysis';
import { createApi, type Api } from './api/createApi';
import { openWorkspace } from './api/workspace';
import { databasePath } from './dataDir';
import { createEventBus } from './events/eventBus';
import { createBackgroundSlices } from './common/backgroundSlices';
import { joinTeamEvents, type TeamEvents } from './events/teamEvents';

/** How long (ms) a backlog message claimed by a process is left to it (the analysis engine's default when unset): tests of a killed process shorten it. */
export const CLAIM_LEASE_VARIABLE = 'KINSHIP_ANALYSIS_LEASE_MS';

export interface ServicesOptions {
  host: HostKind;
  dataDir: string;
  /** The project's resources/ folder (packaged models, model manifest). */
  resourcesDir?: string;
  /** The built analysis worker; by default the one beside this bundle. */
  analysisWorkerUrl?: URL;
  /** 'desk' (the default): one person, the desk's owner; 'team': a team server, whose callers sign in. */
  mode?: 'desk' | 'team';
}

/** Closes one part of services that could not start, so that the start's own error is the one that is thrown. */
async function closeQuietly(what: string, close: () => Promise<unknown> | undefined): Promise<void> {
  try {
    await close();
  } catch (error) {
    console.error(`Kinship: closing ${what} after a failed start failed:`, error);
  }
}

/** Where resources/ is, seen from the built bundle (out/main/…) or from the sources (electron/services/…). */
export const defaultResourcesDir = () => fileURLToPath(new URL('../../resources/', import.meta.url));

/**
 * Everything a host serves, assembled once: the workspace store, the analysis engine and the api.
 * Both hosts (Electron and web) call this and only bind the result to their transport.
 */
export async function startServices(options: ServicesOptions) {
  const resourcesDir = options.resourcesDir ?? defaultResourcesDir();
  const bus = createEventBus();
  // background work (storing the backlog's readings, the connection sweep) takes its turns after the calls
  const background = createBackgroundSlices();
  const workspace = await openWorkspace(databasePath(options.dataDir), bus);
  let team: TeamEvents | null = null;
  let analysis: AnalysisEngine | null = null;
  let api: Api;
  let analysisReady: Promise<void>;
  try {
    // several server processes on one PostgreSQL: each one's events reach every process's consoles
    if (workspace.state === 'ready' && workspace.store.teamChannel) team = await joinTeamEvents(bus, workspace.store.teamChannel);
    const lease = Number(process.env[CLAIM_LEASE_VARIABLE]);
    let setup = null;
    if (workspace.state === 'ready') {
      setup = await createAnalysisSetup({ store: workspace.store, dataDir: options.dataDir, packagedDir: path.join(resourcesDir, 'models') });
      const analysisSetup = setup;
      analysis = createAnalysisEngine({
        store: workspace.store,
        bus,
        locations: () => analysisSetup.locations(),
        describeSetup: () => analysisSetup.describe(),
        background,
        ...(Number.isFinite(lease) && lease > 0 ? { claimLeaseMs: lease } : {}),
        ...(options.analysisWorkerUrl ? { workerUrl: options.analysisWorkerUrl } : {}),
      });
    }
    // The console is served at once; the models load in the worker meanwhile, and work waits in the queue.
    analysisReady = analysis ? analysis.start() : Promise.resolve();
    // handled on every path, a failed start's too (whoever awaits it is still told): never an unhandled rejection
    analysisReady.catch(() => undefined);
    api = await createApi({
      host: options.host,
      mode: options.mode ?? 'desk',
      bus,
      workspace,
      background,
      analysis: analysis && setup ? { engine: analysis, setup, manifestPath: path.join(resourcesDir, 'models.json') } : null,
    });
  } catch (error) {
    // what was opened is closed again (the team's listening connection would keep the process alive, and hold a connection)
    await closeQuietly('the analysis engine', () => analysis?.close());
    background.close();
    await closeQuietly('the team’s channel', () => team?.close());
    if (workspace.state === 'ready') await closeQuietly('the workspace', () => workspace.store.close());
    throw error;
  }
  return {
    api,
    workspace,
    analysis,
    /** This process's link to the other server processes on the same PostgreSQL (null on SQLite). */
    team,
    /** Resolves when the models (or the lexicon) are ready. */
    analysisReady,
    async stop(): Promise<void> {
      api.close();
      await analysis?.close();
      background.close();
      await team?.close();
      if (workspace.state === 'ready') await workspace.store.close();
    },
  };
}

export type Services = Awaited<ReturnType<typeof startServices>>;
