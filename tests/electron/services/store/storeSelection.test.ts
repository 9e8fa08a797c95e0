import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_URL_VARIABLE, openConfiguredStore } from '../../../../electron/services/store/store';
import { tempDir } from '../../../helpers/tempDir';
import { testPostgresDatabase } from '../../../helpers/testPostgres';

describe('which store a workspace opens', () => {
  it('is the SQLite file on the desk, unless KINSHIP_DATABASE_URL names a PostgreSQL database', async () => {
    const file = path.join(tempDir(), 'kinship.sqlite');
    const desk = await openConfiguredStore(file, {});
    expect(desk).toMatchObject({ kind: 'sqlite', path: file });
    expect(await desk.schemaVersion()).toBe(desk.migration.to);
    await desk.close();

    const url = await testPostgresDatabase();
    const team = await openConfiguredStore(file, { [DATABASE_URL_VARIABLE]: ` ${url} ` });
    expect(team.kind).toBe('postgres');
    expect(await team.schemaVersion()).toBe(team.migration.to);
    await team.close();
  });
});
