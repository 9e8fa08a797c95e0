import { playbookSchema, type Playbook } from '../../../shared/contract/coach';
import type { Store } from '../store/store';
import { DEFAULT_PLAYBOOK } from './defaultPlaybook';

const PLAYBOOK_SETTING = 'coach.playbook';

/** The team's playbook, kept in the workspace: the default until a supervisor changes it. */
export function createPlaybookStore(store: Store) {
  return {
    get(): { playbook: Playbook; isDefault: boolean } {
      const saved = store.settings.get<unknown>(PLAYBOOK_SETTING);
      const parsed = saved === undefined ? null : playbookSchema.safeParse(saved);
      // a playbook saved by a newer or broken version is not trusted: the default coaches meanwhile
      return parsed?.success ? { playbook: parsed.data, isDefault: false } : { playbook: DEFAULT_PLAYBOOK, isDefault: true };
    },
    /** Keeps a checked playbook; null goes back to the default. */
    save(playbook: Playbook | null): void {
      store.settings.set(PLAYBOOK_SETTING, playbook);
    },
  };
}

export type PlaybookStore = ReturnType<typeof createPlaybookStore>;
