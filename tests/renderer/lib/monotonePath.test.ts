import { describe, expect, it } from 'vitest';
import { monotonePath } from '../../../renderer/src/lib/monotonePath';

/** The path's points and control points, as numbers. */
function numbers(d: string): number[] {
  return (d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
}

/** Each cubic segment's y values: start, two control points, end. */
function segments(d: string): number[][] {
  const values = numbers(d);
  const out: number[][] = [];
  let y = values[1]!;
  for (let at = 2; at + 5 < values.length + 1; at += 6) {
    out.push([y, values[at + 1]!, values[at + 3]!, values[at + 5]!]);
    y = values[at + 5]!;
  }
  return out;
}

describe('monotonePath', () => {
  it('goes through every point, evenly spread over the width', () => {
    const d = monotonePath([10, 40, 20, 80], 300);
    expect(d.startsWith('M0,10')).toBe(true);
    const values = numbers(d);
    // the ends of the three segments
    expect([values[6], values[7]]).toEqual([100, 40]);
    expect([values[12], values[13]]).toEqual([200, 20]);
    expect([values[18], values[19]]).toEqual([300, 80]);
  });

  it('never draws a peak or a dip between two points that no point has (no overshoot)', () => {
    const ys = [500, 520, 100, 120, 900, 900, 880, 0, 1000, 990];
    for (const [from, c1, c2, to] of segments(monotonePath(ys, 1000))) {
      // a flat-topped stretch stays flat, a rising one rises: the control points stay between its ends
      const low = Math.min(from!, to!);
      const high = Math.max(from!, to!);
      expect(c1!).toBeGreaterThanOrEqual(low - 1e-9);
      expect(c1!).toBeLessThanOrEqual(high + 1e-9);
      expect(c2!).toBeGreaterThanOrEqual(low - 1e-9);
      expect(c2!).toBeLessThanOrEqual(high + 1e-9);
    }
  });

  it('draws two points as a straight line, one as a point, none as nothing', () => {
    expect(monotonePath([5, 15], 100)).toBe('M0,5L100,15');
    expect(monotonePath([5], 100)).toBe('M0,5');
    expect(monotonePath([], 100)).toBe('');
  });
});
