import type { Store } from '../../electron/services/store/store';

/**
 * The store with every repository call counted by name ('customers.getById'): how many times a
 * piece of work goes to the database, and for what. The store's own functions (transaction,
 * attempt) are not counted.
 *
 * Also counted: the rounds, the times the work had to wait for the database with nothing else of
 * its own under way — a call made while none is in flight opens a round, calls made while one is
 * (run side by side: Promise.all) join it. Calls one after another are a round each; on PostgreSQL
 * each round is at least one trip to the server and back.
 */
export function countingStore(store: Store) {
  const calls = new Map<string, number>();
  let inFlight = 0;
  let rounds = 0;
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
          if (inFlight === 0) rounds += 1;
          const result = (value as (...inner: unknown[]) => unknown).apply(target, args);
          if (!(result instanceof Promise)) return result;
          inFlight += 1;
          return result.finally(() => (inFlight -= 1));
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
    /** The rounds since the last reset: waits for the database one after another. */
    rounds: () => rounds,
    reset: () => {
      calls.clear();
      rounds = 0;
    },
  };
}
