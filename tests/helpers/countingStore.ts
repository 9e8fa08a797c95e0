import type { Store } from '../../electron/services/store/store';

/**
 * The store with every repository call counted by name ('customers.getById'): how many times a
 * piece of work goes to the database, and for what. The store's own functions (transaction,
 * attempt) are not counted.
 */
export function countingStore(store: Store) {
  const calls = new Map<string, number>();
  const counted = { ...store } as Record<string, unknown>;
  for (const [name, part] of Object.entries(store)) {
    if (!part || typeof part !== 'object' || name === 'teamChannel' || name === 'migration') continue;
    counted[name] = new Proxy(part, {
      get(target, method, receiver) {
        const value: unknown = Reflect.get(target, method, receiver);
        if (typeof value !== 'function' || typeof method !== 'string') return value;
        return (...args: unknown[]) => {
          const key = `${name}.${method}`;
          calls.set(key, (calls.get(key) ?? 0) + 1);
          return (value as (...inner: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  }
  return {
    store: counted as Store,
    /** How many calls of this one (`customers.getById`) since the last reset. */
    count: (key: string) => calls.get(key) ?? 0,
    /** Every call since the last reset, in all. */
    total: () => [...calls.values()].reduce((sum, n) => sum + n, 0),
    /** The calls since the last reset, by name (for a failure's message). */
    byName: () => Object.fromEntries(calls),
    reset: () => {
      calls.clear();
    },
  };
}
