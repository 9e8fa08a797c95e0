import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
});
