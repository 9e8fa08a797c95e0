import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../../../electron/services/coach/defaultPlaybook';
import { createPlaybookStore, type PlaybookStore } from '../../../../electron/services/coach/playbookStore';
import { openPostgresStore, type Store } from '../../../../electron/services/store/store';
import { openTestStore } from '../../../helpers/bothStores';
import { countingStore } from '../../../helpers/countingStore';
import { testPostgresDatabase } from '../../../helpers/testPostgres';

/**
 * Two server processes on one database (PostgreSQL), each with the playbook it read kept in memory:
 * a playbook one of them saves is the one the other coaches with from its next message on. On SQLite
 * one process has the workspace: the playbook it kept is the saved one, and is not read again.
 */
const stores: Store[] = [];
afterEach(async () => {
  while (stores.length) await stores.pop()!.close().catch(() => undefined);
});

/** The workspace, and a second store on the same PostgreSQL database (another server process). */
async function twoProcesses() {
  const { store } = await openTestStore('postgres');
  const other = await openPostgresStore(await testPostgresDatabase(), { poolSize: 2 });
  stores.push(other);
  return { one: createPlaybookStore(store), two: createPlaybookStore(other) };
}

describe('the playbook on postgres, kept by two server processes', () => {
  it('is read again by one when the other saves it, and kept (the same object) while nobody does', async () => {
    const { one, two } = await twoProcesses();
    const before = await two.get();
    expect(before).toMatchObject({ isDefault: true });
    // unchanged: the same object each time (the coach compiles each saved version once)
    expect((await two.get()).playbook).toBe(before.playbook);

    await savesAreSeen(one, two);
  });
});

/** `saver` saves an edited playbook: `reader` coaches with it from its next get on (the same object while unchanged); then `reader` goes back to the default, and `saver` sees it. */
async function savesAreSeen(saver: PlaybookStore, reader: PlaybookStore) {
  const edited = { ...DEFAULT_PLAYBOOK, rules: DEFAULT_PLAYBOOK.rules.slice(0, 3) };
  await saver.save(edited);
  const after = await reader.get();
  expect(after.isDefault).toBe(false);
  expect(after.playbook.rules.map((rule) => rule.id)).toEqual(edited.rules.map((rule) => rule.id));
  expect((await reader.get()).playbook).toBe(after.playbook);
  await reader.save(null);
  expect(await saver.get()).toMatchObject({ isDefault: true });
}

describe('the playbook on sqlite (one process: the desk, or a small team’s server)', () => {
  it('is read once and then kept, with nothing read per message the coach looks at; a save is the one kept from then on', async () => {
    const { store } = await openTestStore('sqlite');
    const counted = countingStore(store);
    const playbooks = createPlaybookStore(counted.store);
    const first = await playbooks.get();
    expect(first).toMatchObject({ isDefault: true });
    counted.reset();
    for (let i = 0; i < 5; i++) expect((await playbooks.get()).playbook).toBe(first.playbook);
    // (before: one read of the version for every get)
    expect(counted.total()).toBe(0);
    await savesAreSeen(playbooks, playbooks);
  });

  it('keeps nothing it read while a save was under way (a get that began before the save)', async () => {
    const { store } = await openTestStore('sqlite');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reading!: () => void;
    const isReading = new Promise<void>((resolve) => (reading = resolve));
    let slow = true;
    // the first read of the playbook is answered only once a save has gone by
    const slowed: Store = {
      ...store,
      settings: {
        ...store.settings,
        get: async (...args: Parameters<Store['settings']['get']>) => {
          const value = await store.settings.get(...args);
          if (slow) {
            slow = false;
            reading();
            await held;
          }
          return value;
        },
      } as Store['settings'],
    };
    const playbooks = createPlaybookStore(slowed);
    const before = playbooks.get();
    await isReading;
    const edited = { ...DEFAULT_PLAYBOOK, rules: DEFAULT_PLAYBOOK.rules.slice(0, 2) };
    await playbooks.save(edited);
    release();
    await before;
    // what the get that began before the save read is not what is kept: the saved one is
    expect(await playbooks.get()).toMatchObject({ isDefault: false });
    expect(await playbooks.get()).toMatchObject({ isDefault: false });
  });
});
