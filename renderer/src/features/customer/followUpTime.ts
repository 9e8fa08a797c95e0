import dayjs from 'dayjs';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** How late something is, in the largest whole unit: "12 minutes", "3 hours", "2 days". */
export function lateBy(ms: number): string {
  if (ms < HOUR) return plural(Math.max(1, Math.floor(ms / MINUTE)), 'minute');
  if (ms < DAY) return plural(Math.floor(ms / HOUR), 'hour');
  return plural(Math.floor(ms / DAY), 'day');
}

/** When a follow-up is due, in words: "due today 17:00", "due tomorrow 09:30", "due Fri 3 Apr 17:00", "overdue by 2 days". */
export function dueText(dueAt: number, now = Date.now()): { text: string; overdue: boolean } {
  if (dueAt < now) return { text: `overdue by ${lateBy(now - dueAt)}`, overdue: true };
  const due = dayjs(dueAt);
  const today = dayjs(now);
  const time = due.format('HH:mm');
  if (due.isSame(today, 'day')) return { text: `due today ${time}`, overdue: false };
  if (due.isSame(today.add(1, 'day'), 'day')) return { text: `due tomorrow ${time}`, overdue: false };
  if (due.isSame(today, 'year')) return { text: `due ${due.format('ddd D MMM')} ${time}`, overdue: false };
  return { text: `due ${due.format('D MMM YYYY')} ${time}`, overdue: false };
}
