import dayjs from 'dayjs';
import { lateBy } from '../../../../shared/lateBy';

export { lateBy };

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
