import { describe, expect, it } from 'vitest';
import { reconnectDelay } from '../../shared/reconnectBackoff';

describe('waits before connecting again', () => {
  it('a console’s waits grow from 500 ms, capped at 30 s, each drawn from the upper half of its ceiling', () => {
    expect([0, 1, 2, 3].map((attempt) => reconnectDelay(attempt, { random: () => 0 }))).toEqual([250, 500, 1_000, 2_000]);
    expect([0, 1, 2, 3].map((attempt) => reconnectDelay(attempt, { random: () => 1 }))).toEqual([500, 1_000, 2_000, 4_000]);
    expect(reconnectDelay(40, { random: () => 0.999 })).toBeLessThanOrEqual(30_000);
    expect(reconnectDelay(40, { random: () => 0 })).toBe(15_000);
  });

  it('the team channel’s (100 ms to 10 s) follow the same rule', () => {
    const team = (attempt: number, random: () => number) => reconnectDelay(attempt, { baseMs: 100, maxMs: 10_000, random });
    expect([0, 1, 2, 3].map((attempt) => team(attempt, () => 0))).toEqual([50, 100, 200, 400]);
    expect([0, 1, 2, 3].map((attempt) => team(attempt, () => 1))).toEqual([100, 200, 400, 800]);
    expect(team(40, () => 1)).toBe(10_000);
    expect(team(40, () => 0)).toBe(5_000);
  });

  it('a negative attempt waits as the first', () => {
    expect(reconnectDelay(-3, { random: () => 1 })).toBe(reconnectDelay(0, { random: () => 1 }));
  });
});
