import { playbookSchema, type Playbook } from '../../../shared/contract/coach';
import type { Store } from '../store/store';
import { DEFAULT_PLAYBOOK } from './defaultPlaybook';

const PLAYBOOK_SETTING = 'coach.playbook';

/** The team's playbook, kept in the workspace: the default until a supervisor changes it. */
export function createPlaybookStore(store: Store) {
  // read and checked once, not for every message the coach looks at
  let current: { playbook: Playbook; isDefault: boolean } | null = null;
  return {
    async get(): Promise<{ playbook: Playbook; isDefault: boolean }> {
      if (current) return current;
      const saved = await store.settings.get<unknown>(PLAYBOOK_SETTING);
      const parsed = saved === undefined ? null : playbookSchema.safeParse(saved);
      // a playbook saved by a newer or broken version is not trusted: the default coaches meanwhile
      current = parsed?.success ? { playbook: parsed.data, isDefault: false } : { playbook: DEFAULT_PLAYBOOK, isDefault: true };
      return current;
    },
    /** Keeps a checked playbook; null goes back to the default. */
    async save(playbook: Playbook | null): Promise<void> {
      await store.settings.set(PLAYBOOK_SETTING, playbook);
      current = null;
    },
  };
}

export type PlaybookStore = ReturnType<typeof createPlaybookStore>;
