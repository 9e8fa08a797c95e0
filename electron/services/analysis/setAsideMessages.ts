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
  let entries = new Map<number, SetAsideMessage>();
  let loading: Promise<void> | null = null;

  return {
    /** Reads the list kept with the workspace (once); the other calls answer from memory after it. */
    load(): Promise<void> {
      loading ??= store.settings.get<SetAsideMessage[]>(SETTING).then((saved) => {
        const loaded = new Map((Array.isArray(saved) ? saved : []).map((entry) => [entry.messageId, entry]));
        // any set aside while it loaded stay, newest last
        for (const [id, entry] of entries) loaded.set(id, entry);
        entries = loaded;
      });
      return loading;
    },
    has: (messageId: number): boolean => entries.has(messageId),
    get: (messageId: number): SetAsideMessage | null => entries.get(messageId) ?? null,
    async add(entry: SetAsideMessage): Promise<void> {
      entries.delete(entry.messageId);
      entries.set(entry.messageId, entry);
      while (entries.size > MAX_KEPT) entries.delete(entries.keys().next().value!);
      await store.settings.set(SETTING, [...entries.values()]);
    },
    list: (): SetAsideMessage[] => [...entries.values()],
  };
}

export type SetAsideMessages = ReturnType<typeof createSetAsideMessages>;
