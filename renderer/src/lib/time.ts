import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';

dayjs.extend(relativeTime);

/** Compact time for lists: "14:02" today, "Tue" this week, "3 Mar" this year, "3 Mar 2025" before. */
export function listTime(at: number, now = Date.now()): string {
  const then = dayjs(at);
  const today = dayjs(now);
  if (then.isSame(today, 'day')) return then.format('HH:mm');
  if (today.diff(then, 'day') < 6) return then.format('ddd');
  if (then.isSame(today, 'year')) return then.format('D MMM');
  return then.format('D MMM YYYY');
}

/** Full time for a message: "Tue 3 Mar 2026, 10:14". */
export function fullTime(at: number): string {
  return dayjs(at).format('ddd D MMM YYYY, HH:mm');
}

export function ago(at: number): string {
  return dayjs(at).fromNow();
}

/** How long someone has waited, compactly: "just now", "12 min", "3 h", "2 d". */
export function waited(since: number, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - since) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

/** How long ago, compactly, for things that just happened: "just now", "3 s ago", "12 min ago", "3 h ago", "2 d ago". */
export function shortAgo(at: number, now = Date.now()): string {
  const seconds = Math.max(0, Math.floor((now - at) / 1000));
  if (seconds < 1) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}
