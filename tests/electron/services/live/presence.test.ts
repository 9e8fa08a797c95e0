import { describe, expect, it } from 'vitest';
import { createPresence } from '../../../../electron/services/live';
import type { Presence } from '../../../../shared/contract/live';
import { manualScheduler } from '../../../helpers/manualScheduler';

function tracker() {
  const scheduler = manualScheduler();
  const told: Presence[] = [];
  const presence = createPresence({ scheduler, now: () => scheduler.now(), graceMs: 20_000, changed: (changed) => told.push(changed) });
  const states = () => told.map((one) => `${one.userId}:${one.state}`);
  return { scheduler, presence, states };
}

describe('presence, per person across their consoles', () => {
  it('online while a console is in use, away when every console is idle or hidden, online again on input', () => {
    const { presence, states } = tracker();
    presence.open('c1', 7);
    presence.open('c2', 7);
    presence.report('c1', 'idle');
    // the other tab is still in use
    expect(states()).toEqual(['7:online']);
    presence.report('c2', 'idle');
    presence.report('c2', 'active');
    expect(states()).toEqual(['7:online', '7:away', '7:online']);
    expect(presence.of(7).state).toBe('online');
  });

  it('two tabs: closing one changes nothing; the person is offline only once the last has been gone for the grace period', () => {
    const { scheduler, presence, states } = tracker();
    presence.open('c1', 7);
    presence.open('c2', 7);
    presence.close('c1');
    scheduler.advance(60_000);
    expect(states()).toEqual(['7:online']);
    presence.close('c2');
    scheduler.advance(19_999);
    expect(states()).toEqual(['7:online']);
    scheduler.advance(1);
    expect(states()).toEqual(['7:online', '7:offline']);
    expect(presence.of(7)).toEqual({ userId: 7, state: 'offline', since: 80_000 });
  });

  it('a flaky network does not flap: a console back within the grace period (a new connection) leaves the person as they were', () => {
    const { scheduler, presence, states } = tracker();
    presence.open('c1', 7);
    presence.close('c1');
    scheduler.advance(5_000);
    presence.open('c2', 7);
    scheduler.advance(60_000);
    expect(states()).toEqual(['7:online']);
    expect(scheduler.pending()).toBe(0);
  });

  it('people apart: one going offline says nothing of another; reports from unknown consoles are ignored', () => {
    const { scheduler, presence, states } = tracker();
    presence.open('a', 1);
    presence.open('b', 2);
    presence.report('nobody', 'idle');
    presence.close('a');
    scheduler.runUntilIdle();
    expect(states()).toEqual(['1:online', '2:online', '1:offline']);
    expect(presence.list().map((one) => [one.userId, one.state])).toEqual([
      [1, 'offline'],
      [2, 'online'],
    ]);
  });
});
