/** What every scripted story arc is given to build its conversations. */
import { atTimeOfDay, DAY } from './clock';
import type { OrderNumbers } from './conversationDetails';
import type { PeopleFactory } from './people';

export interface ArcContext {
  now: number;
  people: PeopleFactory;
  orders: OrderNumbers;
}

/** `hour:minute` (UTC) on the day `daysAgo` days before now. */
export function daysAgoAt(now: number, daysAgo: number, hour: number, minute: number): number {
  return atTimeOfDay(now - daysAgo * DAY, hour, minute);
}
