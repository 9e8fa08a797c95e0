import type { DefaultFollowUpTime } from '../../../shared/contract/callOutcomes';
import { HOUR_MS, instantOf, wallTime } from '../common/wallClock';

const isWeekend = (weekday: number) => weekday === 0 || weekday === 6;

/** The next working day (Monday–Friday) after the instant's day, at the wall-clock hour given. */
function nextWorkingDayAt(instant: number, hour: number, timeZone: string): number {
  const wall = wallTime(instant, timeZone);
  for (let ahead = 1; ; ahead += 1) {
    const at = instantOf(wall.year, wall.month, wall.day + ahead, hour, 0, 0, timeZone);
    if (!isWeekend(wallTime(at, timeZone).weekday)) return at;
  }
}

/** When a follow-up is due by default, counted from `from` in the agent's time zone. */
export function defaultDue(kind: DefaultFollowUpTime, from: number, timeZone: string): number {
  switch (kind) {
    case 'in-two-hours':
      return from + 2 * HOUR_MS;
    case 'next-working-morning':
      return nextWorkingDayAt(from, 10, timeZone);
    case 'next-working-day-end':
      return nextWorkingDayAt(from, 17, timeZone);
  }
}
