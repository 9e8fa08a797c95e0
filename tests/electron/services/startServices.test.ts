import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAnalysisEngine } from '../../../electron/services/analysis';
import type * as AnalysisModule from '../../../electron/services/analysis';
import type * as TeamEventsModule from '../../../electron/services/events/teamEvents';
import { joinTeamEvents } from '../../../electron/services/events/teamEvents';
import { startServices } from '../../../electron/services/startServices';
import { DATABASE_URL_VARIABLE } from '../../../electron/services/store/store';
import { newPostgresDatabase } from '../../helpers/testPostgres';
import { tempDir } from '../../helpers/tempDir';

// the api cannot be made (after the workspace is open and the team's channel is listening)
vi.mock('../../../electron/services/api/createApi', () => ({
  createApi: vi.fn(async () => {
    throw new Error('the api could not be made');
  }),
}));

// what the tests make fail once; else what they are
vi.mock('../../../electron/services/events/teamEvents', async (importOriginal) => {
  const original = await importOriginal<typeof TeamEventsModule>();
  return { ...original, joinTeamEvents: vi.fn(original.joinTeamEvents) };
});
vi.mock('../../../electron/services/analysis', async (importOriginal) => {
  const original = await importOriginal<typeof AnalysisModule>();
  return { ...original, createAnalysisEngine: vi.fn(original.createAnalysisEngine) };
});
// the pool never ends an idle connection by itself (pg's default: after 10 s), so only a pool left
// open keeps one: these tests wait for the connections to go, however long a loaded machine takes
vi.mock('pg', async (importOriginal) => {
  const original = (await importOriginal<{ default: typeof pg }>()).default;
  class Pool extends original.Pool {
    constructor(config?: pg.PoolConfig) {
      super({ ...config, idleTimeoutMillis: 0 });
    }
  }
  return { default: { ...original, Pool } };
});

const SILENT_WORKER = new URL('../../helpers/silentWorker.mjs', import.meta.url);

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The connections open on the database at `url` now, but the one asking: their application names. */
async function connectionsOn(url: string): Promise<string[]> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ application_name: string }>('SELECT application_name FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    return rows.map((row) => row.application_name);
  } finally {
    await admin.end();
  }
}

/** How long a test here may take (the bound on waiting for the connections to go). */
const TEST_TIMEOUT = 60_000;

/**
 * Waits until no connection but the asking one is open on the database at `url` (a closed
 * connection's server process leaves the database a moment after it); bounded only by the test's
 * own time, since no idle connection ends by itself here.
 */
async function noConnectionLeftOn(url: string): Promise<void> {
  await vi.waitFor(async () => expect(await connectionsOn(url)).toEqual([]), { timeout: TEST_TIMEOUT, interval: 50 });
}

describe('starting the services', { timeout: TEST_TIMEOUT + 10_000 }, () => {
  it('a start that fails on PostgreSQL leaves no connection open: not the team’s listening one, not the pool’s', async () => {
    const url = await newPostgresDatabase('kinship_start');
    vi.stubEnv(DATABASE_URL_VARIABLE, url);
    await expect(startServices({ host: 'web', mode: 'team', dataDir: tempDir(), analysisWorkerUrl: SILENT_WORKER })).rejects.toThrow('the api could not be made');
    await noConnectionLeftOn(url);
  });

  it('a start whose team channel cannot listen closes the workspace: no connection of the pool is left open', async () => {
    const url = await newPostgresDatabase('kinship_start');
    vi.stubEnv(DATABASE_URL_VARIABLE, url);
    vi.mocked(joinTeamEvents).mockRejectedValueOnce(new Error('the team’s channel could not listen'));
    await expect(startServices({ host: 'web', mode: 'team', dataDir: tempDir(), analysisWorkerUrl: SILENT_WORKER })).rejects.toThrow('the team’s channel could not listen');
    await noConnectionLeftOn(url);
  });

  it('a start that fails while the models load leaves no unhandled rejection behind', async () => {
    const { createAnalysisEngine: original } = await vi.importActual<typeof AnalysisModule>('../../../electron/services/analysis');
    vi.mocked(createAnalysisEngine).mockImplementationOnce((options) => {
      const engine = original(options);
      engine.start = () => Promise.reject(new Error('the models could not load'));
      return engine;
    });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      await expect(startServices({ host: 'web', mode: 'desk', dataDir: tempDir(), analysisWorkerUrl: SILENT_WORKER })).rejects.toThrow('the api could not be made');
      // rejections left unhandled are told once the microtasks are done: one turn of the event loop later
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
