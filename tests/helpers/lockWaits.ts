import pg from 'pg';

/** A lock some session of the database is waiting for (pg_locks, not granted): what kind of lock it is. */
export interface LockWait {
  locktype: string;
  pid: number;
}

/** The locks sessions of the database at `url` are waiting for now. */
export async function lockWaits(url: string): Promise<LockWait[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<LockWait>(
      'SELECT l.locktype, l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()',
    );
    return rows;
  } finally {
    await client.end();
  }
}

/**
 * Waits until `other` is blocked on a lock in the database at `url` (some session waits: what it
 * waits for is returned) or has finished (null) — whichever comes first. This is how a test makes
 * two transactions really overlap: the first holds its locks until the second is stuck behind them
 * (or has passed them by, which is what a missing lock looks like). No time limit but the test's.
 */
export async function blockedOrDone(url: string, other: Promise<unknown>): Promise<LockWait[] | null> {
  let done = false;
  const settled = other.then(() => { done = true; }, () => { done = true; });
  for (;;) {
    if (done) return null;
    const waits = await lockWaits(url);
    if (waits.length > 0) return waits;
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 10))]);
  }
}
