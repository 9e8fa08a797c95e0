import type { ResponseClock } from '../../../../shared/contract/triage';

/** A span in words, compactly: "45 s", "12 min", "3 h 20 min", "2 d 4 h" (coarse: the largest unit only, "3 h", "2 d"). */
export function span(ms: number, coarse = false): string {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 && !coarse ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 && !coarse ? `${days} d ${hours % 24} h` : `${days} d`;
}

export type ClockTone = 'ok' | 'soon' | 'breached';

/** What a response clock says at `now`: "2 min left" or "breached 8 min ago", and how urgent that is. */
export function clockText(clock: ResponseClock, now: number, coarse = false): { text: string; tone: ClockTone } {
  const left = clock.dueAt - now;
  if (left < 0) return { text: `breached ${span(left, coarse)} ago`, tone: 'breached' };
  // the last quarter of the target (or the last minute) is "soon"
  const soon = left <= Math.max(60_000, clock.targetMinutes * 60_000 * 0.25);
  return { text: `${span(left, coarse)} left`, tone: soon ? 'soon' : 'ok' };
}

export const CLOCK_COLOR: Record<ClockTone, string> = { ok: 'gray', soon: 'orange', breached: 'red' };
