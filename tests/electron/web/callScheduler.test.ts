import { describe, expect, it } from 'vitest';
import { createCallScheduler, type CallSource } from '../../../electron/web/callScheduler';

/** A scheduler whose turns run only when the test says, one at a time. */
function manual() {
  const turns: (() => void)[] = [];
  const scheduler = createCallScheduler((run) => turns.push(run));
  const runAll = () => {
    while (turns.length) turns.shift()!();
  };
  return { scheduler, turns, runAll };
}

function source(name: string, calls: number, log: string[]): CallSource & { left: () => number } {
  let left = calls;
  return {
    ready: () => left > 0,
    startNext: () => {
      left--;
      log.push(name);
    },
    left: () => left,
  };
}

describe('the call scheduler', () => {
  it('starts one call per turn, round-robin over the connections that have one', () => {
    const { scheduler, turns, runAll } = manual();
    const log: string[] = [];
    const flood = source('flood', 100, log);
    scheduler.add(flood);
    scheduler.add(source('b', 2, log));
    scheduler.add(source('c', 1, log));
    scheduler.wake();
    scheduler.wake();
    expect(turns).toHaveLength(1);
    turns.shift()!();
    expect(log).toEqual(['flood']);
    runAll();
    expect(log.slice(0, 6)).toEqual(['flood', 'b', 'c', 'flood', 'b', 'flood']);
    expect(log).toHaveLength(103);
  });

  it('gives a connection that joins mid-flood the very next turn', () => {
    const { scheduler, turns } = manual();
    const log: string[] = [];
    scheduler.add(source('flood', 1000, log));
    scheduler.wake();
    for (let i = 0; i < 10; i++) turns.shift()!();
    scheduler.add(source('late', 1, log));
    turns.shift()!();
    expect(log.at(-1)).toBe('late');
  });

  it('forgets a connection that is removed, and stops asking for turns when nobody is ready', () => {
    const { scheduler, turns, runAll } = manual();
    const log: string[] = [];
    const gone = source('gone', 5, log);
    scheduler.add(gone);
    scheduler.add(source('stays', 2, log));
    scheduler.wake();
    turns.shift()!();
    scheduler.remove(gone);
    runAll();
    expect(log).toEqual(['gone', 'stays', 'stays']);
    expect(turns).toHaveLength(0);
  });
});
