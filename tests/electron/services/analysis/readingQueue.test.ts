import { describe, expect, it } from 'vitest';
import { ReadingQueue } from '../../../../electron/services/analysis/readingQueue';

describe('the reading queue', () => {
  it('serves live work before the backlog, each in arrival order, in batches', () => {
    const queue = new ReadingQueue<string>();
    for (let i = 0; i < 5; i++) queue.push('backlog', `b${i}`);
    queue.push('live', 'l0');
    queue.push('live', 'l1');
    expect(queue.takeBatch(1, 3)).toEqual({ priority: 'live', items: ['l0'] });
    expect(queue.takeBatch(4, 3)).toEqual({ priority: 'live', items: ['l1'] });
    expect(queue.takeBatch(4, 3)).toEqual({ priority: 'backlog', items: ['b0', 'b1', 'b2'] });
    queue.push('live', 'l2');
    expect(queue.takeBatch(4, 3)).toEqual({ priority: 'live', items: ['l2'] });
    expect(queue.size()).toBe(2);
    expect(queue.takeBatch(4, 3)).toEqual({ priority: 'backlog', items: ['b3', 'b4'] });
    expect(queue.takeBatch(4, 3)).toBeNull();
  });

  it('puts a failed batch back at the front of its lane', () => {
    const queue = new ReadingQueue<number>();
    [1, 2, 3, 4].forEach((n) => queue.push('backlog', n));
    const batch = queue.takeBatch(1, 2)!;
    queue.returnToFront('backlog', batch.items);
    expect(queue.takeBatch(1, 10)!.items).toEqual([1, 2, 3, 4]);
  });

  it('stays correct over a long backlog', () => {
    const queue = new ReadingQueue<number>();
    for (let i = 0; i < 20_000; i++) queue.push('backlog', i);
    const seen: number[] = [];
    let batch;
    while ((batch = queue.takeBatch(8, 16))) seen.push(...batch.items);
    expect(seen).toHaveLength(20_000);
    expect(seen.every((n, i) => n === i)).toBe(true);
  });
});
