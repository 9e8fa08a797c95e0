import { describe, expect, it } from 'vitest';
import { ReadingQueue } from '../../../../electron/services/analysis/readingQueue';

describe('the reading queue', () => {
  it('keeps each lane in arrival order, and counts what waits in each', () => {
    const queue = new ReadingQueue<string>();
    for (let i = 0; i < 5; i++) queue.push('backlog', `b${i}`);
    queue.push('live', 'l0');
    queue.push('live', 'l1');
    expect(queue.size('live')).toBe(2);
    expect(queue.take('live', 1)).toEqual(['l0']);
    expect(queue.take('backlog', 3)).toEqual(['b0', 'b1', 'b2']);
    queue.push('live', 'l2');
    expect(queue.take('live', 4)).toEqual(['l1', 'l2']);
    expect(queue.size()).toBe(2);
    expect(queue.size('live')).toBe(0);
    expect(queue.take('backlog', 3)).toEqual(['b3', 'b4']);
    expect(queue.take('backlog', 3)).toEqual([]);
    expect(queue.size()).toBe(0);
  });

  it('puts a failed batch back at the front of its lane', () => {
    const queue = new ReadingQueue<number>();
    [1, 2, 3, 4].forEach((n) => queue.push('backlog', n));
    const batch = queue.take('backlog', 2);
    queue.returnToFront('backlog', batch);
    expect(queue.take('backlog', 10)).toEqual([1, 2, 3, 4]);
  });

  it('stays correct over a long backlog', () => {
    const queue = new ReadingQueue<number>();
    for (let i = 0; i < 20_000; i++) queue.push('backlog', i);
    const seen: number[] = [];
    let batch;
    while ((batch = queue.take('backlog', 16)).length) seen.push(...batch);
    expect(seen).toHaveLength(20_000);
    expect(seen.every((n, i) => n === i)).toBe(true);
  });
});
