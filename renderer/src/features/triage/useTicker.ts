import { useSyncExternalStore } from 'react';

/**
 * One shared one-second tick for everything on screen that counts (the queue's response clocks):
 * one timer however many rows show a clock, running only while one is shown. A component reads a
 * value derived from the time, and React re-renders it only when that value changes — a row whose
 * "12 min left" still says so is not rendered again.
 */
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => listeners.forEach((notify) => notify()), 1000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** `derive(now)`, kept current each second; `derive` must return a primitive (compared with Object.is). */
export function useTicking<T extends string | number | boolean>(derive: (now: number) => T): T {
  return useSyncExternalStore(subscribe, () => derive(Date.now()));
}
