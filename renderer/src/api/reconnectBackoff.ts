/**
 * How long a console waits before its next attempt to reconnect: exponential from `baseMs`, capped
 * at `maxMs`, each wait drawn at random from its upper half ("equal jitter"), so that consoles cut
 * off together (a server restart) do not all come back in the same instant.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random, baseMs = 500, maxMs = 30_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
