import dayjs from 'dayjs';

export interface SnoozePreset {
  id: 'later-today' | 'tomorrow' | 'next-week';
  label: string;
  /** When, in words of the agent's own time zone ("15:00", "Tue 09:00"). */
  when: string;
  until: number;
}

/** The morning hour "tomorrow morning" and "next week" come back at. */
const MORNING = 9;
/** "Later today" is offered until this hour (after it, tomorrow morning is the later that makes sense). */
const EVENING = 20;

/**
 * The usual snooze times, in the agent's time zone (the browser's): later today (three hours on,
 * on the hour), tomorrow at 09:00, and next Monday at 09:00.
 */
export function snoozePresets(now: Date): SnoozePreset[] {
  const at = dayjs(now);
  const presets: SnoozePreset[] = [];
  const later = at.add(3, 'hour').add(59, 'minute').startOf('hour');
  if (later.isSame(at, 'day') && later.hour() <= EVENING) {
    presets.push({ id: 'later-today', label: 'Later today', when: later.format('HH:mm'), until: later.valueOf() });
  }
  const tomorrow = at.add(1, 'day').startOf('day').hour(MORNING);
  presets.push({ id: 'tomorrow', label: 'Tomorrow morning', when: tomorrow.format('ddd HH:mm'), until: tomorrow.valueOf() });
  // next Monday (a week on from a Monday)
  const daysToMonday = ((8 - at.day()) % 7) || 7;
  const nextWeek = at.add(daysToMonday, 'day').startOf('day').hour(MORNING);
  presets.push({ id: 'next-week', label: 'Next week', when: nextWeek.format('ddd D MMM, HH:mm'), until: nextWeek.valueOf() });
  return presets;
}

/** A value for `<input type="datetime-local">` (the agent's time zone). */
export const toLocalInput = (at: number): string => dayjs(at).format('YYYY-MM-DDTHH:mm');

/** The time an `<input type="datetime-local">` holds, or null when it holds none. */
export function fromLocalInput(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.valueOf() : null;
}

/** "until Tue 09:00" (today: "until 15:00"; further off: "until 3 Dec, 09:00"). */
export function snoozedUntilText(until: number, now = Date.now()): string {
  const then = dayjs(until);
  const today = dayjs(now);
  if (then.isSame(today, 'day')) return `until ${then.format('HH:mm')}`;
  if (then.diff(today, 'day') < 6) return `until ${then.format('ddd HH:mm')}`;
  return `until ${then.format('D MMM, HH:mm')}`;
}
