import { describe, expect, it } from 'vitest';
import { createWriteLane } from '../../../../electron/services/api/writeLane';

/** A call that does not end until told to. */
function held<T>(value: T) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  let started = false;
  return {
    call: async () => {
      started = true;
      await done;
      return value;
    },
    release: () => release(),
    started: () => started,
  };
}

describe("one console's write lane", () => {
  it('runs its writes in the order sent: a newer draft save waits for the older one', async () => {
    const lane = createWriteLane();
    const older = held('older');
    const order: string[] = [];
    const first = lane.run('drafts.save', older.call).then((value) => order.push(value));
    const second = lane.run('drafts.save', async () => 'newer').then((value) => order.push(value));
    await Promise.resolve();
    expect(older.started()).toBe(true);
    older.release();
    await Promise.all([first, second]);
    expect(order).toEqual(['older', 'newer']);
  });

  it('never holds a draft save behind a call that takes long and that no write depends on', async () => {
    for (const slow of ['analysis.setModelsFolder', 'demo.load', 'analysis.downloadModel', 'presence.report', 'activity.report']) {
      const lane = createWriteLane();
      const long = held('done');
      const pending = lane.run(slow, long.call);
      // answered while the slow call is still running
      await expect(lane.run('drafts.save', async () => 'saved')).resolves.toBe('saved');
      expect(long.started()).toBe(true);
      long.release();
      await expect(pending).resolves.toBe('done');
    }
  });

  it('treats a method it does not know as a write (it is refused in its turn)', async () => {
    const lane = createWriteLane();
    const before = held('first');
    const order: string[] = [];
    const first = lane.run('drafts.save', before.call).then((value) => order.push(value));
    const unknown = lane.run('no.such.method', async () => 'unknown').then((value) => order.push(value));
    before.release();
    await Promise.all([first, unknown]);
    expect(order).toEqual(['first', 'unknown']);
  });
});
