import { useDeferredValue, type ReactNode } from 'react';

/**
 * Draws its children in a render of their own, after the one that mounts it: React first commits
 * (and the browser can paint) everything else, then renders these at transition priority, which
 * yields to the browser between slices. For what is needed a moment later, not in the first frame
 * (the reply box below a thread being opened: the agent reads the messages first).
 */
export function AfterFirstPaint({ children }: { children: ReactNode }) {
  const shown = useDeferredValue(true, false);
  return shown ? children : null;
}
