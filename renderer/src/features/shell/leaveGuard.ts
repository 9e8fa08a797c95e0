import { useEffect } from 'react';

/** What each screen with unsaved work says if the agent leaves it. */
const guards = new Set<{ message: string }>();

/**
 * Asks before unsaved work is thrown away: while `unsaved`, leaving the page inside the console
 * (confirmLeave) asks "Discard changes?", and closing or reloading the window asks the browser's
 * own question (beforeunload).
 */
export function useLeaveGuard(unsaved: boolean, message = 'Discard changes?'): void {
  useEffect(() => {
    if (!unsaved) return;
    const guard = { message };
    guards.add(guard);
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // older engines show the dialog only when a value is returned
      event.returnValue = message;
      return message;
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      guards.delete(guard);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [unsaved, message]);
}

/** Whether the console may leave the current page: true when nothing is unsaved, or the agent agrees to discard it. */
export function confirmLeave(): boolean {
  const first = guards.values().next();
  if (first.done) return true;
  return window.confirm(first.value.message);
}
