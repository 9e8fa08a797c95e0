import type { HostKind } from '../../../shared/contract/domain';
import type { AnalysisEngine } from '../analysis';
import type { AnalysisSetup } from '../analysis';
import type { BackgroundSlices } from '../common/backgroundSlices';
import type { Scheduler } from '../common/time';
import type { EventBus } from '../events/eventBus';
import { createIngestionService, type IngestionService } from '../ingestion';
import { StoreOpenError } from '../store/storeErrors';
import { openConfiguredStore, redactedStoreAddress, type Store } from '../store/store';

export type ReadyWorkspace = { state: 'ready'; store: Store; ingestion: IngestionService };

export type StoreState =
  | ReadyWorkspace
  | { state: 'unavailable'; path: string; error: StoreOpenError };

/**
 * Opens the workspace for a host: the PostgreSQL database KINSHIP_DATABASE_URL names, else the
 * SQLite file. A workspace that cannot be used is not an exception that kills the host: it becomes
 * a state the UI can explain, and the data is left as it was.
 */
export async function openWorkspace(filePath: string, bus: EventBus, env: NodeJS.ProcessEnv = process.env): Promise<StoreState> {
  try {
    const store = await openConfiguredStore(filePath, env);
    return { state: 'ready', store, ingestion: createIngestionService(store, bus) };
  } catch (error) {
    if (error instanceof StoreOpenError) return { state: 'unavailable', path: redactedStoreAddress(filePath, env), error };
    throw error;
  }
}

export interface AnalysisContext {
  engine: AnalysisEngine;
  setup: AnalysisSetup;
  /** resources/models.json: what may be downloaded. */
  manifestPath: string;
  /** The model hub's address (KINSHIP_HUB_URL, or huggingface.co). */
  hubUrl?: string;
}

export interface ApiContext {
  host: HostKind;
  /**
   * 'desk' (the default): one person, no password; the hosts call as the desk's owner, who may view
   * the console as another person. 'team': callers sign in and nobody views as anyone.
   */
  mode?: 'desk' | 'team';
  bus: EventBus;
  workspace: StoreState;
  /** Null when the store could not be opened (nothing to analyse). */
  analysis?: AnalysisContext | null;
  now?: () => number;
  /** Timers of background work (the connection index's sweep); the event loop's by default. */
  scheduler?: Scheduler;
  /** Where background work takes its turns, after the calls (the hosts'); without it, it runs as it comes. */
  background?: BackgroundSlices;
  /** The live queue's timings (presence's grace period, how long "typing" lasts): tests and the team server's options set them. */
  live?: { graceMs?: number; typingTtlMs?: number };
}
