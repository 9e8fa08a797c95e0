/**
 * Runs `task` every `intervalMs` without keeping the process alive for it. A run that fails is
 * logged with `what` and the next one comes as usual: a periodic chore (forgetting old sessions)
 * that meets an unreachable database must never become an unhandled rejection that ends a server.
 */
export function repeatEvery(intervalMs: number, what: string, task: () => Promise<unknown>): () => void {
  const timer = setInterval(() => {
    task().catch((error: unknown) => console.error(`Kinship: ${what} failed:`, error));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
