import { randomUUID } from 'node:crypto';
import { playbookSchema, type Playbook } from '../../../shared/contract/coach';
import type { Store } from '../store/store';
import { DEFAULT_PLAYBOOK } from './defaultPlaybook';

const PLAYBOOK_SETTING = 'coach.playbook';
/**
 * A new value each time the playbook is saved, by whichever process: several server processes on
 * one database each keep the playbook they read, and keep it only while this still matches.
 */
const VERSION_SETTING = 'coach.playbook.version';

/** The team's playbook, kept in the workspace: the default until a supervisor changes it. */
export function createPlaybookStore(store: Store) {
  // read and checked once per saved version, not for every message the coach looks at: the version
  // (one small read) says whether the one kept here is still the saved one — another server process
  // on the same database may have saved a newer one
  let current: { version: string | null; state: { playbook: Playbook; isDefault: boolean } } | null = null;
  return {
    async get(): Promise<{ playbook: Playbook; isDefault: boolean }> {
      const version = (await store.settings.get<string>(VERSION_SETTING)) ?? null;
      if (current && current.version === version) return current.state;
      const saved = await store.settings.get<unknown>(PLAYBOOK_SETTING);
      const parsed = saved === undefined ? null : playbookSchema.safeParse(saved);
      // a playbook saved by a newer or broken version is not trusted: the default coaches meanwhile
      const state = parsed?.success ? { playbook: parsed.data, isDefault: false } : { playbook: DEFAULT_PLAYBOOK, isDefault: true };
      // (saved again between the two reads: the version read is older than the playbook, so the next get reads it again)
      current = { version, state };
      return state;
    },
    /** Keeps a checked playbook; null goes back to the default. */
    async save(playbook: Playbook | null): Promise<void> {
      await store.transaction(async () => {
        await store.settings.set(PLAYBOOK_SETTING, playbook);
        await store.settings.set(VERSION_SETTING, randomUUID());
      });
      current = null;
    },
  };
}

export type PlaybookStore = ReturnType<typeof createPlaybookStore>;
