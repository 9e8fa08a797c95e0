/**
 * Spearman's rank correlation: Pearson's r on the ranks, tied values sharing the average of the
 * ranks they span (as scipy.stats.spearmanr), with a 95% confidence interval from Fisher's z
 * (z = atanh(rho), standard error 1/√(n − 3)).
 */

/** 1-based ranks; tied values get the mean of the ranks they occupy. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length).fill(0);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end += 1;
    const rank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i += 1) ranks[order[i]!.index] = rank;
    start = end + 1;
  }
  return ranks;
}

/** Pearson's r; NaN when either side has no variance or there are fewer than two pairs. */
export function pearson(xs: readonly number[], ys: readonly number[]): number {
  if (xs.length !== ys.length) throw new Error(`pearson: ${xs.length} x values but ${ys.length} y values`);
  const n = xs.length;
  if (n < 2) return Number.NaN;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = xs[i]! - meanX;
    const dy = ys[i]! - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
}

export interface RankCorrelation {
  rho: number;
  n: number;
  /** 95% interval from Fisher's z; null when n ≤ 3 or rho is undefined. */
  ci95: [number, number] | null;
}

/** Spearman's rho between paired values, with n and a 95% interval. */
export function spearman(xs: readonly number[], ys: readonly number[]): RankCorrelation {
  const rho = pearson(averageRanks(xs), averageRanks(ys));
  const n = xs.length;
  return { rho, n, ci95: fisherInterval(rho, n) };
}

/** 95% interval for a correlation from Fisher's z transform. */
export function fisherInterval(r: number, n: number, zCritical = 1.959964): [number, number] | null {
  if (!Number.isFinite(r) || n <= 3) return null;
  if (Math.abs(r) >= 1) return [r, r];
  const z = Math.atanh(r);
  const se = 1 / Math.sqrt(n - 3);
  return [Math.tanh(z - zCritical * se), Math.tanh(z + zCritical * se)];
}
