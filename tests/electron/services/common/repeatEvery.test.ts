import { afterEach, describe, expect, it, vi } from 'vitest';
import { repeatEvery } from '../../../../electron/services/common/repeatEvery';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a periodic chore', () => {
  it('that fails is logged and runs again next time: no unhandled rejection', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    let runs = 0;
    const stop = repeatEvery(1000, 'forgetting old sessions', async () => {
      runs += 1;
      throw new Error('the database connection is not open');
    });
    try {
      await vi.advanceTimersByTimeAsync(1000);
      await vi.advanceTimersByTimeAsync(1000);
      // let any rejection left unhandled be reported
      await new Promise((resolve) => setImmediate(resolve));
      expect(runs).toBe(2);
      expect(logged).toHaveBeenCalledTimes(2);
      expect(String(logged.mock.calls[0]![0])).toContain('forgetting old sessions failed');
      expect(unhandled).toEqual([]);
      stop();
      await vi.advanceTimersByTimeAsync(5000);
      expect(runs).toBe(2);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
