import type { Scheduler } from '../../electron/services/common/time';

/**
 * Time as a test wants it: a clock that moves only when told, and a scheduler whose timers run as
 * soon as the event loop is free (a restart delay of seconds costs the test nothing).
 */
export function testTime(start = Date.UTC(2026, 10, 1)) {
  let at = start;
  let monotonic = 0;
  const delays: number[] = [];
  const now = () => at;
  const scheduler: Scheduler = {
    monotonic: () => monotonic,
    after(ms, task) {
      delays.push(ms);
      const timer = setImmediate(task);
      return () => clearImmediate(timer);
    },
  };
  return {
    now,
    scheduler,
    /** The delays the engine asked for, in order. */
    delays,
    advance(ms: number) {
      at += ms;
      monotonic += ms;
    },
  };
}
