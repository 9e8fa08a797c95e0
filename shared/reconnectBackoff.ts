export interface BackoffOptions {
  /** The first wait's ceiling (attempt 0); it doubles with each attempt. */
  baseMs?: number;
  /** No wait's ceiling grows past this. */
  maxMs?: number;
  /** Where the jitter comes from (tests pass a fixed one). */
  random?: () => number;
}

/**
 * How long to wait before the `attempt`-th try to connect again (0 the first): exponential from
 * `baseMs`, capped at `maxMs`, each wait drawn at random from its upper half ("equal jitter"), so
 * that those cut off together (a server restart, a database restart) do not all come back in the
 * same instant. A console reconnecting to its host and a server process listening again on
 * PostgreSQL both wait so.
 */
export function reconnectDelay(attempt: number, { baseMs = 500, maxMs = 30_000, random = Math.random }: BackoffOptions = {}): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
