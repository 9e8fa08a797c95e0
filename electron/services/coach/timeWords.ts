import { numberWord, plural } from './coachWords';

/** Times and durations in words, in the machine's local time. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function unit(n: number, singular: string, article: string): string {
  return n === 1 ? `${article} ${singular}` : `${numberWord(n)} ${singular}s`;
}

/**
 * How long someone waited, as a customer would say it: "a minute or two", "20 minutes", "an hour",
 * "two and a half hours", "three days", "two weeks".
 */
export function durationWords(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / MINUTE));
  if (minutes < 2) return 'a minute or two';
  if (minutes < 60) {
    const rounded = minutes > 10 ? Math.min(55, Math.round(minutes / 5) * 5) : minutes;
    return `${numberWord(rounded)} minutes`;
  }
  if (minutes < 24 * 60) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    if (rest >= 45) return hours + 1 === 24 ? 'a day' : unit(hours + 1, 'hour', 'an');
    if (rest >= 15 && hours < 5) return hours === 1 ? 'an hour and a half' : `${numberWord(hours)} and a half hours`;
    return unit(hours, 'hour', 'an');
  }
  // whole days, as the queue counts them: 7 days and 18 hours is "seven days", never "eight" (weeks round)
  const days = Math.floor(minutes / (24 * 60));
  if (days < 14) return unit(days, 'day', 'a');
  if (days < 60) return unit(Math.round(days / 7), 'week', 'a');
  return unit(Math.round(days / 30), 'month', 'a');
}

/** A compact duration for reasons: "45 min", "2 h 10 min", "1 day 4 h", "6 days". */
export function shortDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / MINUTE));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) {
    const rest = minutes % 60;
    return `${Math.floor(minutes / 60)} h${rest ? ` ${rest} min` : ''}`;
  }
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  return `${plural(days, 'day')}${days < 3 && hours ? ` ${hours} h` : ''}`;
}

/** A whole-unit duration for overdue follow-ups: "20 minutes", "3 hours", "2 days". */
export function roundDuration(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / MINUTE));
  if (minutes < 60) return plural(minutes, 'minute');
  if (minutes < 48 * 60) return plural(Math.round(minutes / 60), 'hour');
  return plural(Math.round(minutes / (24 * 60)), 'day');
}

function startOfDay(time: number): number {
  const date = new Date(time);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** Whole calendar days between two times (local), 0 for the same day. */
export function calendarDaysBetween(earlier: number, later: number): number {
  return Math.round((startOfDay(later) - startOfDay(earlier)) / DAY);
}

/** "on 3 March", or "on 3 March 2025" in another year. */
export function dateWords(time: number, now: number): string {
  const date = new Date(time);
  const year = date.getFullYear() === new Date(now).getFullYear() ? '' : ` ${date.getFullYear()}`;
  return `on ${date.getDate()} ${MONTHS[date.getMonth()] ?? ''}${year}`;
}

/** When something happened, to put after a verb: "earlier today", "yesterday", "on Tuesday", "on 3 March". */
export function whenWords(time: number, now: number): string {
  const days = calendarDaysBetween(time, now);
  if (days <= 0) return 'earlier today';
  if (days === 1) return 'yesterday';
  if (days < 7) return `on ${WEEKDAYS[new Date(time).getDay()] ?? ''}`;
  return dateWords(time, now);
}

/**
 * A concrete time for the next step: before 15:00 on a weekday "by 5 pm today", later "by noon
 * tomorrow"; from Friday 15:00 over the weekend "by noon on Monday".
 */
export function nextStepTime(now: number): string {
  const date = new Date(now);
  const day = date.getDay();
  const afternoon = date.getHours() >= 15;
  if (day === 6 || (day === 5 && afternoon)) return 'by noon on Monday';
  if (day === 0) return 'by noon tomorrow';
  return afternoon ? 'by noon tomorrow' : 'by 5 pm today';
}
