import { describe, expect, it } from 'vitest';
import { averageRanks, fisherInterval, pearson, spearman } from '../../../../../electron/services/connection/evaluation/spearman';

describe("Spearman's rho", () => {
  it('gives tied values the mean of their ranks', () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(averageRanks([3, 1, 3, 3, 2])).toEqual([4, 1, 4, 4, 2]);
    expect(averageRanks([])).toEqual([]);
  });

  it('matches the textbook example without ties (IQ against hours of TV: −29/165)', () => {
    const iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
    const tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];
    expect(spearman(iq, tv).rho).toBeCloseTo(-29 / 165, 12);
  });

  it('handles ties as scipy.stats.spearmanr does', () => {
    // scipy.stats.spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) → 0.8207826816681233 (= 8/√95)
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]).rho).toBeCloseTo(0.8207826816681233, 12);
    expect(spearman([1, 1, 2, 2], [1, 2, 1, 2]).rho).toBeCloseTo(0, 12);
    expect(spearman([1, 2, 3], [9, 4, 1]).rho).toBe(-1);
  });

  it('is undefined without variance, and gives n', () => {
    expect(spearman([1, 2, 3], [4, 4, 4])).toEqual({ rho: Number.NaN, n: 3, ci95: null });
    expect(Number.isNaN(pearson([1], [1]))).toBe(true);
    expect(() => pearson([1, 2], [1])).toThrow('pearson: 2 x values but 1 y values');
  });

  it('gives a 95% interval from Fisher’s z', () => {
    const [low, high] = fisherInterval(0.5, 28)!;
    expect(low).toBeCloseTo(0.156028, 5);
    expect(high).toBeCloseTo(0.735818, 5);
    expect(fisherInterval(0.5, 3)).toBeNull();
    expect(fisherInterval(Number.NaN, 100)).toBeNull();
  });
});
