import { en as chrono, type ParsedResult } from 'chrono-node';
import { isContractTime } from '../../../shared/contract/time';
import { addCalendarDays, addWorkingDays, DAY_MS, HOUR_MS, instantOf, offsetMinutes, wallTime } from '../common/wallClock';

/**
 * When a sentence says something will happen, as an instant in the agent's time zone:
 *  - "within 3 days", "in 2 hours", "within 3–5 working days" → sent time + the (larger) amount;
 *    working or business days skip weekends.
 *  - "by the end of the week" → Friday 17:00; "next week", "by the end of next week" → Friday 17:00
 *    of next week; "by end of day" / "close of business" → 17:00.
 *  - anything else chrono (casual English, forward dates, reference = sent time) reads: its time
 *    when one was said ("by 5 pm"; a bare "at 3" is read as 3 pm), "morning" → 12:00,
 *    "afternoon" → 17:00, "evening" → 21:00, "tonight" → 23:00, otherwise 17:00 that day (23:59
 *    when "today" is said after 17:00).
 * Only times after the sent time and at most PROMISE_HORIZON_DAYS after it count ("I'll call you
 * back in 145000000000 minutes" is not a follow-up to offer, and no calendar arithmetic is ever
 * done on such a time); null when the sentence names none.
 */

/** A time further ahead than this is not a promise to hold anyone to: no follow-up is offered for it. */
export const PROMISE_HORIZON_DAYS = 366;
const HORIZON_MS = PROMISE_HORIZON_DAYS * DAY_MS;
const UNIT_MS = { minute: 60_000, hour: HOUR_MS, day: DAY_MS, week: 7 * DAY_MS } as const;

const withinHorizon = (dueAt: number, sentAt: number) => isContractTime(dueAt) && dueAt > sentAt && dueAt - sentAt <= HORIZON_MS;

export interface PromiseDue {
  dueAt: number;
  /** Where the time expression sits in the sentence. */
  index: number;
  text: string;
}

const END_OF_DAY_HOUR = 17;

const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  fourteen: 14,
  'twenty-four': 24,
  'forty-eight': 48,
  'a couple of': 2,
  'a few': 3,
};
const NUMBER = String.raw`(\d+|a couple of|a few|twenty-four|forty-eight|fourteen|ten|nine|eight|seven|six|five|four|three|two|one|an|a)`;
const WITHIN = new RegExp(
  String.raw`\b(?:within|in|over|inside)(?: the next)?\s+${NUMBER}(?:\s*(?:-|–|—|to|or)\s*${NUMBER})?\s+(working |business )?(minutes?|mins?|hours?|hrs?|days?|weeks?)\b`,
  'i',
);
const END_OF_WEEK = /\b(?:the )?end of (?:the |this )?(next )?week\b/i;
const NEXT_WEEK = /\bnext week\b/i;
const END_OF_DAY = /\b(?:(?:the )?end of (?:the |to)?day|close of (?:business|play)|end of business|COB|EOD)\b/i;

const amount = (word: string) => (/^\d+$/.test(word) ? Number(word) : (WORD_NUMBERS[word.toLowerCase()] ?? 1));

/** The due time of "within N units"; null when that is beyond the horizon (checked before any calendar arithmetic). */
function withinDue(match: RegExpExecArray, sentAt: number, timeZone: string): number | null {
  const count = Math.max(amount(match[1]!), match[2] ? amount(match[2]) : 0);
  const working = Boolean(match[3]);
  const unit = match[4]!.toLowerCase();
  const unitMs = unit.startsWith('min') ? UNIT_MS.minute : unit.startsWith('h') ? UNIT_MS.hour : unit.startsWith('week') ? UNIT_MS.week : UNIT_MS.day;
  // working days run 5 to a calendar week
  const span = count * unitMs * (working && !unit.startsWith('week') ? 7 / 5 : 1);
  if (!Number.isFinite(span) || span > HORIZON_MS) return null;
  if (unit.startsWith('min')) return sentAt + count * 60_000;
  if (unit.startsWith('h')) return sentAt + count * HOUR_MS;
  const days = unit.startsWith('week') ? count * (working ? 5 : 7) : count;
  return working ? addWorkingDays(sentAt, days, timeZone) : addCalendarDays(sentAt, days, timeZone);
}

/** Friday 17:00 of the week `sentAt` falls in (or of the week after). */
function fridayOf(sentAt: number, weeksAhead: number, timeZone: string): number {
  const wall = wallTime(sentAt, timeZone);
  const toFriday = (5 - wall.weekday + 7) % 7; // Saturday → next Friday (6 days), Sunday → 5
  let due = instantOf(wall.year, wall.month, wall.day + toFriday + 7 * weeksAhead, END_OF_DAY_HOUR, 0, 0, timeZone);
  if (due <= sentAt) due = instantOf(wall.year, wall.month, wall.day + toFriday + 7 * (weeksAhead + 1), END_OF_DAY_HOUR, 0, 0, timeZone);
  return due;
}

function hourFor(text: string, hour: number | null, certain: boolean, meridiemCertain: boolean): number {
  if (certain && hour !== null) return !meridiemCertain && hour >= 1 && hour <= 7 ? hour + 12 : hour;
  if (/\bmorning\b/i.test(text)) return 12;
  if (/\bafternoon\b/i.test(text)) return 17;
  if (/\bevening\b/i.test(text)) return 21;
  if (/\b(?:tonight|night)\b/i.test(text)) return 23;
  return END_OF_DAY_HOUR;
}

/** The due time a sentence names, looking first at the part from `from` on (after the commitment). */
export function promiseDue(sentence: string, sentAt: number, timeZone: string, from = 0): PromiseDue | null {
  if (!isContractTime(sentAt)) return null;
  const within = WITHIN.exec(sentence);
  if (within) {
    const dueAt = withinDue(within, sentAt, timeZone);
    return dueAt !== null && withinHorizon(dueAt, sentAt) ? { dueAt, index: within.index, text: within[0] } : null;
  }

  const endOfWeek = END_OF_WEEK.exec(sentence);
  if (endOfWeek) return { dueAt: fridayOf(sentAt, endOfWeek[1] ? 1 : 0, timeZone), index: endOfWeek.index, text: endOfWeek[0] };

  const reference = { instant: new Date(sentAt), timezone: offsetMinutes(sentAt, timeZone) };
  const endOfDay = END_OF_DAY.exec(sentence);
  const overlapsEndOfDay = (index: number, length: number) => endOfDay !== null && index < endOfDay.index + endOfDay[0].length && endOfDay.index < index + length;
  const results = chrono.casual
    .parse(sentence, reference, { forwardDate: true })
    .filter((result) => /[a-z]|\d:\d/i.test(result.text) && !overlapsEndOfDay(result.index, result.text.length));
  // the first time ahead, looking after the commitment first ("…who visited last week, … tomorrow")
  const ordered = [...results.filter((result) => result.index >= from), ...results.filter((result) => result.index < from)];
  for (const result of ordered) {
    const dueAt = chronoDue(result, endOfDay !== null, sentAt, timeZone);
    if (dueAt !== null && withinHorizon(dueAt, sentAt)) return { dueAt, index: endOfDay ? Math.min(endOfDay.index, result.index) : result.index, text: result.text };
  }
  if (!endOfDay || ordered.length > 0) return null;
  const wall = wallTime(sentAt, timeZone);
  let today = instantOf(wall.year, wall.month, wall.day, END_OF_DAY_HOUR, 0, 0, timeZone);
  if (today <= sentAt) today = instantOf(wall.year, wall.month, wall.day, 23, 59, 0, timeZone);
  return { dueAt: today, index: endOfDay.index, text: endOfDay[0] };
}

/** The due instant of one chrono result (see the rules above). */
function chronoDue(result: ParsedResult, endOfDay: boolean, sentAt: number, timeZone: string): number | null {
  const start = result.start;
  // a year beyond the horizon ("in the year 275760") is no promise, and is never handed to the calendar
  const saidYear = start.get('year');
  if (saidYear !== null && Math.abs(saidYear - wallTime(sentAt, timeZone).year) > 1 + PROMISE_HORIZON_DAYS / 365) return null;
  if (NEXT_WEEK.test(result.text) && !start.isCertain('weekday')) return fridayOf(sentAt, 1, timeZone);
  const hour = endOfDay ? END_OF_DAY_HOUR : hourFor(result.text, start.get('hour'), start.isCertain('hour'), start.isCertain('meridiem'));
  const minute = start.isCertain('hour') && !endOfDay ? (start.get('minute') ?? 0) : 0;
  if (!start.isCertain('day') && !start.isCertain('weekday') && start.isCertain('hour')) {
    // a bare time ("by 5 pm", "at 3"): today if still ahead, else tomorrow
    const wall = wallTime(sentAt, timeZone);
    const today = instantOf(wall.year, wall.month, wall.day, hour, minute, 0, timeZone);
    return today > sentAt ? today : addCalendarDays(today, 1, timeZone);
  }
  const [year, month, day] = [start.get('year') ?? 1970, start.get('month') ?? 1, start.get('day') ?? 1];
  const dueAt = instantOf(year, month, day, hour, minute, 0, timeZone);
  // "today" said after 17:00: by the end of the day
  return dueAt <= sentAt && !start.isCertain('hour') ? instantOf(year, month, day, 23, 59, 0, timeZone) : dueAt;
}
