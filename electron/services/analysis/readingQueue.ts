/**
 * Two lanes: live work (a message that just arrived, a draft being typed) always goes before the
 * backlog. Within a lane, first in, first out.
 */
export type Priority = 'live' | 'backlog';

export class ReadingQueue<T> {
  private readonly lanes: Record<Priority, T[]> = { live: [], backlog: [] };
  private readonly heads: Record<Priority, number> = { live: 0, backlog: 0 };

  push(priority: Priority, item: T): void {
    this.lanes[priority].push(item);
  }

  /** Puts items back at the front of their lane (after a failed batch), keeping their order. */
  returnToFront(priority: Priority, items: readonly T[]): void {
    const lane = this.lanes[priority];
    lane.splice(this.heads[priority], 0, ...items);
  }

  size(priority?: Priority): number {
    if (priority) return this.lanes[priority].length - this.heads[priority];
    return this.size('live') + this.size('backlog');
  }

  /** Up to max items from the front of one lane. */
  take(priority: Priority, max: number): T[] {
    const lane = this.lanes[priority];
    const start = this.heads[priority];
    const items = lane.slice(start, start + max);
    this.heads[priority] += items.length;
    if (this.heads[priority] > 4096 && this.heads[priority] * 2 > lane.length) {
      lane.splice(0, this.heads[priority]);
      this.heads[priority] = 0;
    }
    return items;
  }

  /** Empties a lane, returning what was waiting in it. */
  clear(priority: Priority): T[] {
    const lane = this.lanes[priority];
    const removed = lane.slice(this.heads[priority]);
    this.lanes[priority] = [];
    this.heads[priority] = 0;
    return removed;
  }
}
