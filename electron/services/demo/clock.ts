/** Time units and the date formats the demo's messages use (all in UTC, so output is stable). */

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const pad2 = (n: number): string => String(n).padStart(2, '0');
const weekdayOf = (ms: number): string => WEEKDAYS[new Date(ms).getUTCDay()] ?? '';
const monthOf = (ms: number): string => MONTHS[new Date(ms).getUTCMonth()] ?? '';

/** "Thursday" */
export function weekdayName(ms: number): string {
  return weekdayOf(ms);
}

/** "12 March" */
export function formatDayMonth(ms: number): string {
  return `${new Date(ms).getUTCDate()} ${monthOf(ms)}`;
}

/** "Thursday 14 March" */
export function formatLongDate(ms: number): string {
  return `${weekdayOf(ms)} ${formatDayMonth(ms)}`;
}

/** "Tue, 3 Mar 2026 at 10:14", as mail clients write above a quoted message. */
export function formatQuoteDate(ms: number): string {
  const d = new Date(ms);
  return `${weekdayOf(ms).slice(0, 3)}, ${d.getUTCDate()} ${monthOf(ms).slice(0, 3)} ${d.getUTCFullYear()} at ${pad2(
    d.getUTCHours(),
  )}:${pad2(d.getUTCMinutes())}`;
}

/** "02:15" for 135 seconds into a call. */
export function formatCallOffset(seconds: number): string {
  return `${pad2(Math.floor(seconds / 60))}:${pad2(seconds % 60)}`;
}

/** "7m 12s" */
export function formatCallDuration(seconds: number): string {
  return `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
}

/** The given UTC time of day on the day that contains `ms`. */
export function atTimeOfDay(ms: number, hour: number, minute: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour, minute);
}
