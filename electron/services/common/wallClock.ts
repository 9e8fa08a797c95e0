/**
 * Wall-clock time in a named time zone (IANA, e.g. "Europe/London"): the calendar day, hour and
 * weekday an instant falls on there, the instant a wall-clock time names, and working days
 * (Monday to Friday) counted on that calendar. Plain Intl, no time-zone database of our own.
 */

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 Sunday … 6 Saturday */
  weekday: number;
}

let systemZone: { tz: string | undefined; zone: string } | null = null;

/**
 * The time zone this process runs in. Asking Intl makes a formatter each time (costly when the
 * index asks once per customer), so the answer is kept until the process's TZ changes.
 */
export function systemTimeZone(): string {
  if (!systemZone || systemZone.tz !== process.env.TZ) systemZone = { tz: process.env.TZ, zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' };
  return systemZone.zone;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

let lastWall: { instant: number; timeZone: string; wall: WallTime } | null = null;

/** The wall-clock time of an instant in the time zone. */
export function wallTime(instant: number, timeZone: string): WallTime {
  if (lastWall && lastWall.instant === instant && lastWall.timeZone === timeZone) return { ...lastWall.wall };
  const wall = computeWallTime(instant, timeZone);
  lastWall = { instant, timeZone, wall };
  return { ...wall };
}

function computeWallTime(instant: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const year = parts.year ?? 1970;
  const month = parts.month ?? 1;
  const day = parts.day ?? 1;
  return {
    year,
    month,
    day,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

/** Minutes the time zone is ahead of UTC at the instant (e.g. 60 for Paris in winter). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const wall = wallTime(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time names in the time zone. Month and day may overflow (day 32 is the
 * 1st of the next month). A time skipped by a daylight-saving change comes out an hour later.
 */
export function instantOf(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, timeZone: string): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  let instant = asUtc - offsetMinutes(asUtc, timeZone) * 60_000;
  instant = asUtc - offsetMinutes(instant, timeZone) * 60_000;
  return instant;
}

/** The same wall-clock time `days` calendar days later (or earlier). */
export function addCalendarDays(instant: number, days: number, timeZone: string): number {
  const wall = wallTime(instant, timeZone);
  return instantOf(wall.year, wall.month, wall.day + days, wall.hour, wall.minute, wall.second, timeZone);
}

const isWeekend = (weekday: number) => weekday === 0 || weekday === 6;

/**
 * `days` working days (Monday–Friday) after the instant, at the same wall-clock time: Friday 15:00
 * plus one working day is Monday 15:00. An instant on a weekend counts from Monday 00:00.
 */
export function addWorkingDays(instant: number, days: number, timeZone: string): number {
  let wall = wallTime(instant, timeZone);
  let at = instant;
  while (isWeekend(wall.weekday)) {
    at = instantOf(wall.year, wall.month, wall.day + 1, 0, 0, 0, timeZone);
    wall = wallTime(at, timeZone);
  }
  let left = Math.max(0, Math.ceil(days));
  while (left > 0) {
    at = instantOf(wall.year, wall.month, wall.day + 1, wall.hour, wall.minute, wall.second, timeZone);
    wall = wallTime(at, timeZone);
    if (!isWeekend(wall.weekday)) left -= 1;
  }
  return at;
}

/** The instant the calendar month containing `instant` ends (its last millisecond). */
export function endOfMonth(instant: number, timeZone: string): number {
  const wall = wallTime(instant, timeZone);
  return instantOf(wall.year, wall.month + 1, 1, 0, 0, 0, timeZone) - 1;
}

interface MonthSpan {
  from: number;
  until: number;
  month: number;
}

/** Per time zone, the months asked about so far with the instants each spans, in order. */
const monthSpans = new Map<string, MonthSpan[]>();

/**
 * A number for the calendar month (year × 12 + month − 1): consecutive months differ by one. Each
 * month found is kept with the instants it spans, so the index (which asks once per message of a
 * customer's history, and about "now" in between) formats a date once per month, not per message.
 */
export function monthNumber(instant: number, timeZone: string): number {
  let spans = monthSpans.get(timeZone);
  if (!spans) monthSpans.set(timeZone, (spans = []));
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle]!.until <= instant) low = middle + 1;
    else high = middle;
  }
  const found = spans[low];
  if (found && found.from <= instant) return found.month;
  const wall = wallTime(instant, timeZone);
  const month = wall.year * 12 + wall.month - 1;
  const span = { from: instantOf(wall.year, wall.month, 1, 0, 0, 0, timeZone), until: instantOf(wall.year, wall.month + 1, 1, 0, 0, 0, timeZone), month };
  // a span that does not hold the instant (a clock change at midnight, reckoned oddly) is not kept
  if (span.from <= instant && instant < span.until && spans.length < MAX_MONTH_SPANS) spans.splice(low, 0, span);
  return month;
}

/** Months kept per time zone (about 80 years): enough for any history, bounded for odd callers. */
const MAX_MONTH_SPANS = 1000;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

let lastYear: { instant: number; timeZone: string; year: number } | null = null;

/** The calendar year of an instant (remembered for the last one asked: labels ask about "today" again and again). */
function yearOf(instant: number, timeZone: string): number {
  if (!lastYear || lastYear.instant !== instant || lastYear.timeZone !== timeZone) lastYear = { instant, timeZone, year: wallTime(instant, timeZone).year };
  return lastYear.year;
}

/** "3 March", or "3 March 2025" when not in the year of `today`. */
export function dayLabel(instant: number, today: number, timeZone: string): string {
  const wall = wallTime(instant, timeZone);
  const sameYear = wall.year === yearOf(today, timeZone);
  return `${wall.day} ${MONTHS[wall.month - 1]}${sameYear ? '' : ` ${wall.year}`}`;
}

/** "March", or "March 2025" when not in the year of `today`, for a month number. */
export function monthLabel(month: number, today: number, timeZone: string): string {
  const year = Math.floor(month / 12);
  const name = MONTHS[month % 12]!;
  return year === yearOf(today, timeZone) ? name : `${name} ${year}`;
}
