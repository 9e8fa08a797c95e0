import type { ConnectionStage } from '../../../../shared/contract/connection';

/** How each stage of the emotional-connection index looks and reads. */
export const STAGE_LOOK: Record<ConnectionStage, { label: string; color: string }> = {
  stranger: { label: 'Stranger', color: 'gray' },
  acquaintance: { label: 'Acquaintance', color: 'blue' },
  friend: { label: 'Friend', color: 'teal' },
  kin: { label: 'Kin', color: 'grape' },
  'at-risk': { label: 'At risk', color: 'red' },
};

const MINUS = '\u2212';

/** Points with their sign and one decimal: "+3.5", "−12.0". */
export function formatPoints(points: number): string {
  // half away from zero, so −8.25 reads −8.3 like +8.25 reads +8.3
  const size = Math.round(Math.abs(points) * 10) / 10;
  return `${points < 0 && size > 0 ? MINUS : '+'}${size.toFixed(1)}`;
}

/** The score as shown: whole when whole, else one decimal ("62", "61.5"). */
export function formatScore(score: number): string {
  const rounded = Math.round(score * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** Movement over 30 days: "▲ 4.2", "▼ 3.0", "no change" (the row of the Customers page shows "–" for it). */
export function formatMovement(movement: number): { text: string; label: string; color: string } {
  const rounded = Math.round(movement * 10) / 10;
  if (rounded === 0) return { text: 'no change', label: 'No change in 30 days', color: 'dimmed' };
  const amount = Math.abs(rounded).toFixed(1);
  return rounded > 0
    ? { text: `▲ ${amount}`, label: `Up ${amount} in 30 days`, color: 'var(--mantine-color-teal-light-color)' }
    : { text: `▼ ${amount}`, label: `Down ${amount} in 30 days`, color: 'var(--mantine-color-red-light-color)' };
}

/** Query keys of the connection reads (the shared queryKeys list is not extended for them). */
export const connectionKeys = {
  all: ['customers.connection'] as const,
  connection: (customerId: number) => ['customers.connection', customerId] as const,
  allLists: ['customers.list'] as const,
  list: (filter: object) => ['customers.list', filter] as const,
};
