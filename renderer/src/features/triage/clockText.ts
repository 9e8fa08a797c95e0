import type { ResponseClock } from '../../../../shared/contract/triage';

/** A span in words, compactly: "45 s", "12 min", "3 h 20 min", "2 d 4 h". */
export function span(ms: number): string {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

export type ClockTone = 'ok' | 'soon' | 'breached';

/** What a response clock says at `now`: "2 min left" or "breached 8 min ago", and how urgent that is. */
export function clockText(clock: ResponseClock, now: number): { text: string; tone: ClockTone } {
  const left = clock.dueAt - now;
  if (left < 0) return { text: `breached ${span(left)} ago`, tone: 'breached' };
  // the last quarter of the target (or the last minute) is "soon"
  const soon = left <= Math.max(60_000, clock.targetMinutes * 60_000 * 0.25);
  return { text: `${span(left)} left`, tone: soon ? 'soon' : 'ok' };
}

export const CLOCK_COLOR: Record<ClockTone, string> = { ok: 'gray', soon: 'orange', breached: 'red' };
