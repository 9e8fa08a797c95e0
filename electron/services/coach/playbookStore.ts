import { randomUUID } from 'node:crypto';
import { playbookSchema, type Playbook } from '../../../shared/contract/coach';
import type { Store } from '../store/store';
import { afterCommit } from '../common/afterCommit';
import { DEFAULT_PLAYBOOK } from './defaultPlaybook';

const PLAYBOOK_SETTING = 'coach.playbook';
/**
 * A new value each time the playbook is saved, by whichever process: several server processes on
 * one database each keep the playbook they read, and keep it only while this still matches.
 */
const VERSION_SETTING = 'coach.playbook.version';

/** The team's playbook, kept in the workspace: the default until a supervisor changes it. */
export function createPlaybookStore(store: Store) {
  // read and checked once per saved version, not for every message the coach looks at. With a team
  // channel (PostgreSQL: several server processes on one database) the version (one small read) says
  // whether the one kept here is still the saved one — another process may have saved a newer one.
  // Without one (SQLite: one process) every save is this process's own, so the one kept here is the
  // saved one until it saves: nothing is read for it
  const shared = store.teamChannel !== null;
  let current: { version: string | null; state: { playbook: Playbook; isDefault: boolean } } | null = null;
  /** One more each time this process saves: a get that began before a save keeps nothing it read. */
  let saves = 0;
  const forget = () => {
    saves += 1;
    current = null;
  };
  return {
    async get(): Promise<{ playbook: Playbook; isDefault: boolean }> {
      if (current && !shared) return current.state;
      const began = saves;
      const version = shared ? ((await store.settings.get<string>(VERSION_SETTING)) ?? null) : null;
      if (current && current.version === version) return current.state;
      const saved = await store.settings.get<unknown>(PLAYBOOK_SETTING);
      const parsed = saved === undefined ? null : playbookSchema.safeParse(saved);
      // a playbook saved by a newer or broken version is not trusted: the default coaches meanwhile
      const state = parsed?.success ? { playbook: parsed.data, isDefault: false } : { playbook: DEFAULT_PLAYBOOK, isDefault: true };
      // (saved by another process between the two reads: the version read is older than the playbook, so the next get reads it again)
      if (began === saves) current = { version, state };
      return state;
    },
    /** Keeps a checked playbook; null goes back to the default. */
    async save(playbook: Playbook | null): Promise<void> {
      forget();
      try {
        await store.transaction(async () => {
          await store.settings.set(PLAYBOOK_SETTING, playbook);
          await store.settings.set(VERSION_SETTING, randomUUID());
          // saved inside a caller's transaction: what was read before its commit is forgotten again at it
          afterCommit(forget);
        });
      } finally {
        forget();
      }
    },
  };
}

export type PlaybookStore = ReturnType<typeof createPlaybookStore>;
