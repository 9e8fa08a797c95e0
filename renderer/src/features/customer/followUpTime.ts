import dayjs from 'dayjs';
import { isPastDue, PAST_DUE_MESSAGE } from '../../../../shared/followUpDue';
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

/**
 * The value a datetime-local input takes for a moment, on the agent's own clock (the browser's
 * time zone): "2026-03-04T17:00".
 */
export function dueInputValue(at: number): string {
  return dayjs(at).format('YYYY-MM-DDTHH:mm');
}

/** The moment a datetime-local input's value names on the agent's clock; NaN when it names none. */
export function dueFromInput(value: string): number {
  return value ? dayjs(value).valueOf() : Number.NaN;
}

/**
 * What is wrong with a due time, in words, or null: none chosen, or already past (the rule the
 * services hold too, shared/followUpDue.ts: a few minutes' grace for "now").
 */
export function dueProblem(dueAt: number, now = Date.now()): string | null {
  if (!Number.isFinite(dueAt) || dueAt <= 0) return 'Choose when it is due';
  if (isPastDue(dueAt, now)) return PAST_DUE_MESSAGE;
  return null;
}

/** The earliest a due-time input offers: this minute. */
export function earliestDueInput(now = Date.now()): string {
  return dueInputValue(now);
}
