import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { majorityVoteAccuracy } from './majority-vote.js';

/** Brute force: enumerate all 2^n right/wrong patterns and add the probability of each majority. */
function bruteForce(p: number, n: number): number {
  let total = 0;
  for (let mask = 0; mask < 2 ** n; mask += 1) {
    let right = 0;
    for (let i = 0; i < n; i += 1) right += (mask >> i) & 1;
    if (2 * right > n) total += p ** right * (1 - p) ** (n - right);
  }
  return total;
}

describe('majorityVoteAccuracy', () => {
  it('equals brute-force enumeration of all 2^n outcomes for odd n ≤ 11', () => {
    for (const n of [1, 3, 5, 7, 9, 11]) {
      for (const p of [0.05, 0.3, 0.5, 0.55, 0.7, 0.9, 0.99]) {
        expect(majorityVoteAccuracy(p, n)).toBeCloseTo(bruteForce(p, n), 13);
      }
    }
    expect(majorityVoteAccuracy(0.7, 3)).toBeCloseTo(0.784, 14);
    expect(majorityVoteAccuracy(0.7, 5)).toBeCloseTo(0.83692, 14);
    expect(majorityVoteAccuracy(0.4, 5)).toBeCloseTo(0.31744, 14);
  });

  it('tends to 1 for p > ½, to 0 for p < ½, and stays at ½ for p = ½ (Condorcet)', () => {
    const ns = [1, 11, 101, 1001];
    const good = ns.map((n) => majorityVoteAccuracy(0.6, n));
    const bad = ns.map((n) => majorityVoteAccuracy(0.4, n));
    for (let i = 1; i < ns.length; i += 1) {
      expect(good[i]).toBeGreaterThan(good[i - 1]!);
      expect(bad[i]).toBeLessThan(bad[i - 1]!);
    }
    // n = 1001, p = 0.6: the mean number right is 600.6 with sd 15.5, so a minority is > 6 sd away.
    expect(good[3]).toBeGreaterThan(1 - 1e-9);
    expect(bad[3]).toBeLessThan(1e-9);
    for (const n of ns) expect(majorityVoteAccuracy(0.5, n)).toBeCloseTo(0.5, 12);
    // The normal approximation Φ((p - ½)√n / √(p(1-p))) at n = 101, p = 0.55 (with continuity correction).
    const z = (0.55 * 101 - 50.5) / Math.sqrt(101 * 0.55 * 0.45);
    const erf = (x: number): number => {
      // Abramowitz & Stegun 7.1.26, |error| < 1.5e-7.
      const t = 1 / (1 + 0.3275911 * Math.abs(x));
      const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
      return x >= 0 ? y : -y;
    };
    expect(majorityVoteAccuracy(0.55, 101)).toBeCloseTo(0.5 * (1 + erf(z / Math.SQRT2)), 2);
  });

  it('needs 41 independent 60% voters to reach 90% (39 are not enough)', () => {
    expect(majorityVoteAccuracy(0.6, 41)).toBeGreaterThanOrEqual(0.9);
    expect(majorityVoteAccuracy(0.6, 39)).toBeLessThan(0.9);
  });

  it('rejects bad arguments, naming them', () => {
    expect(catchConfigError(() => majorityVoteAccuracy(1.1, 3)).path).toBe('p');
    expect(catchConfigError(() => majorityVoteAccuracy(0.6, 4)).path).toBe('n');
    expect(catchConfigError(() => majorityVoteAccuracy(0.6, 0)).path).toBe('n');
  });
});
