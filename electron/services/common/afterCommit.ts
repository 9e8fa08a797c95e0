import { AsyncLocalStorage } from 'node:async_hooks';

/** What the write transaction around the caller will do once it has committed. */
interface PendingEffects {
  effects: (() => void)[];
  /** False once the transaction is over (committed or rolled back): work it left behind runs at once. */
  open: boolean;
}

const pending = new AsyncLocalStorage<PendingEffects>();

/**
 * Runs `effect` once the write transaction around the caller has committed, and never if it rolls
 * back; at once when the caller is in no transaction (or in one that is already over). This is how
 * an event raised inside a transaction is announced only once what it announces is stored.
 */
export function afterCommit(effect: () => void): void {
  const open = pending.getStore();
  if (open?.open) open.effects.push(effect);
  else effect();
}

/**
 * The store's side: runs one transaction's `work` (which returns once the transaction has committed
 * or rolled back) collecting what asks to run after its commit, then runs those in order if it
 * committed and drops them if it did not. One effect that throws does not stop the others.
 */
export async function collectingAfterCommit<T>(work: (inside: <R>(fn: () => Promise<R>) => Promise<R>) => Promise<T>): Promise<T> {
  const unit: PendingEffects = { effects: [], open: true };
  let result: T;
  try {
    result = await work((fn) => pending.run(unit, fn));
  } finally {
    unit.open = false;
  }
  // committed: outside the transaction's context (and out of `pending`), in the order they were raised
  for (const effect of unit.effects.splice(0)) {
    try {
      pending.exit(effect);
    } catch (error) {
      console.error('Kinship: work after a commit failed:', error);
    }
  }
  return result;
}

/**
 * Runs `work` so that what it raised to run after the commit is dropped if it fails (a savepoint
 * rolled back inside the transaction: its writes are undone, so its announcements go too).
 */
export async function droppingIfFailed<T>(work: () => Promise<T>): Promise<T> {
  const open = pending.getStore();
  const before = open?.open ? open.effects.length : 0;
  try {
    return await work();
  } catch (error) {
    if (open?.open) open.effects.length = before;
    throw error;
  }
}
