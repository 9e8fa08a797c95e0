import { z } from 'zod';

/**
 * One shape for every moment that crosses the contract: milliseconds since the Unix epoch, a whole
 * number, from 1 January 2000 (UTC) up to, not including, 1 January 2100 (UTC).
 *
 * Why fixed bounds and not "now ± something": a schema is checked on both sides and in property
 * tests, and the same input must always get the same answer whenever and wherever it is checked.
 * The range holds every date a contact centre can mean (no customer wrote before 2000; nothing is
 * planned for the next century), and it sits far inside what `Date`, `Intl` and the index's month
 * arithmetic can handle (±8.64e15 ms), so no time that passes this check can make a date
 * "Invalid". Rules about now (a follow-up may not be due in the past; a promise years away is not
 * one to offer) are the services' business, checked against their clock.
 */
export const EARLIEST_TIME = Date.UTC(2000, 0, 1);
export const LATEST_TIME = Date.UTC(2100, 0, 1);

export const timeSchema = z
  .number()
  .int('A time is a whole number of milliseconds')
  .min(EARLIEST_TIME, 'A time before 1 January 2000 is not accepted')
  .max(LATEST_TIME - 1, 'A time from 2100 on is not accepted');

/** Whether a number is a time the contract accepts (for code that has no schema to hand, e.g. detection). */
export const isContractTime = (value: number): boolean => Number.isInteger(value) && value >= EARLIEST_TIME && value < LATEST_TIME;

/** Whether a name is an IANA time zone this runtime knows ("Europe/London", "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A person's time zone, by its IANA name. */
export const timeZoneSchema = z.string().min(1).max(64).refine(isTimeZone, 'Not a time zone this machine knows (an IANA name like “Europe/London”)');
