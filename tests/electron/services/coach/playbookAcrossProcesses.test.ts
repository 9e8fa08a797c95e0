import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../../../electron/services/coach/defaultPlaybook';
import { createPlaybookStore } from '../../../../electron/services/coach/playbookStore';
import type { StoreKind } from '../../../../electron/services/store/sqlDialect';
import { openPostgresStore, openSqliteStore, type Store } from '../../../../electron/services/store/store';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';
import { testPostgresDatabase } from '../../../helpers/testPostgres';

/**
 * Two server processes on one database, each with the playbook it read kept in memory: a playbook
 * one of them saves is the one the other coaches with from its next message on.
 */
const stores: Store[] = [];
afterEach(async () => {
  while (stores.length) await stores.pop()!.close().catch(() => undefined);
});

/** The workspace, and a second store on the same database (another process: PostgreSQL, or the same SQLite file). */
async function twoProcesses(kind: StoreKind) {
  const { store } = await openTestStore(kind);
  const other = kind === 'postgres' ? await openPostgresStore(await testPostgresDatabase(), { poolSize: 2 }) : await openSqliteStore(path.resolve(store.path));
  stores.push(other);
  return { one: createPlaybookStore(store), two: createPlaybookStore(other) };
}

describe.each(STORE_KINDS)('the playbook on %s, kept by two server processes', (kind) => {
  it('is read again by one when the other saves it, and kept (the same object) while nobody does', async () => {
    const { one, two } = await twoProcesses(kind);
    const before = await two.get();
    expect(before).toMatchObject({ isDefault: true });
    // unchanged: the same object each time (the coach compiles each saved version once)
    expect((await two.get()).playbook).toBe(before.playbook);

    const edited = { ...DEFAULT_PLAYBOOK, rules: DEFAULT_PLAYBOOK.rules.slice(0, 3) };
    await one.save(edited);
    const after = await two.get();
    expect(after.isDefault).toBe(false);
    expect(after.playbook.rules.map((rule) => rule.id)).toEqual(edited.rules.map((rule) => rule.id));
    expect((await two.get()).playbook).toBe(after.playbook);

    // and back to the default, saved by the other one
    await two.save(null);
    expect(await one.get()).toMatchObject({ isDefault: true });
  });
});
