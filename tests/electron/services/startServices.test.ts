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

describe('starting the services', () => {
  it('a start that fails on PostgreSQL leaves no connection open: not the team’s listening one, not the pool’s', async () => {
    const url = await newPostgresDatabase('kinship_start');
    vi.stubEnv(DATABASE_URL_VARIABLE, url);
    await expect(startServices({ host: 'web', mode: 'team', dataDir: tempDir(), analysisWorkerUrl: SILENT_WORKER })).rejects.toThrow('the api could not be made');
    // (a closed connection's server process leaves the database a moment after it)
    await vi.waitFor(async () => expect(await connectionsOn(url)).toEqual([]), { timeout: 10_000, interval: 50 });
  });

  it('a start whose team channel cannot listen closes the workspace: no connection of the pool is left open', async () => {
    const url = await newPostgresDatabase('kinship_start');
    vi.stubEnv(DATABASE_URL_VARIABLE, url);
    vi.mocked(joinTeamEvents).mockRejectedValueOnce(new Error('the team’s channel could not listen'));
    await expect(startServices({ host: 'web', mode: 'team', dataDir: tempDir(), analysisWorkerUrl: SILENT_WORKER })).rejects.toThrow('the team’s channel could not listen');
    // (well before the pool would end its idle connections by itself, after 10 s)
    await vi.waitFor(async () => expect(await connectionsOn(url)).toEqual([]), { timeout: 5_000, interval: 50 });
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
