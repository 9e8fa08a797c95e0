import type { Store } from '../store/store';

const SETTING = 'analysis.setAside';
/** The newest this many are kept. */
const MAX_KEPT = 1000;

export interface SetAsideMessage {
  messageId: number;
  /** Why it could not be read, in plain words. */
  reason: string;
  at: number;
}

/**
 * Messages the analysis engine will not try to read again: the worker died reading them, or they
 * could not be read at all. Kept with the workspace, so after a restart such a message is not
 * first in the backlog again.
 */
export function createSetAsideMessages(store: Store) {
  let entries: Map<number, SetAsideMessage> | null = null;

  function load(): Map<number, SetAsideMessage> {
    if (!entries) {
      const saved = store.settings.get<SetAsideMessage[]>(SETTING);
      entries = new Map((Array.isArray(saved) ? saved : []).map((entry) => [entry.messageId, entry]));
    }
    return entries;
  }

  return {
    has: (messageId: number): boolean => load().has(messageId),
    get: (messageId: number): SetAsideMessage | null => load().get(messageId) ?? null,
    add(entry: SetAsideMessage): void {
      const all = load();
      all.delete(entry.messageId);
      all.set(entry.messageId, entry);
      while (all.size > MAX_KEPT) all.delete(all.keys().next().value!);
      store.settings.set(SETTING, [...all.values()]);
    },
    list: (): SetAsideMessage[] => [...load().values()],
  };
}

export type SetAsideMessages = ReturnType<typeof createSetAsideMessages>;
