/** Small helpers for the UI benchmark's figures. */

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // nearest-rank: the smallest value with at least p% of the values at or below it
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);
export const max = (values: readonly number[]) => (values.length ? Math.max(...values) : Number.NaN);
export const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

export function ms(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return '—';
  return value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function bytes(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(2)} MiB`;
  if (value >= 1024) return `${(value / 1024).toFixed(1)} KiB`;
  return `${value} B`;
}

export const count = (value: number) => value.toLocaleString('en-GB');

export function verdict(value: number, target: number): string {
  if (!Number.isFinite(value)) return 'not measured';
  const times = value / target;
  return value <= target ? '✅ met' : `❌ missed (${times < 1.1 ? times.toFixed(2) : times.toFixed(1)}× the target)`;
}

export function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** Rejects after `milliseconds` with a message saying what did not finish. */
export async function withTimeout<T>(work: Promise<T>, milliseconds: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${milliseconds} ms: ${what}`)), milliseconds);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
