import { createSeededRandom } from '@dl/core';
import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { maximumMeanDiscrepancy } from './maximum-mean-discrepancy.js';
import { mean, sampleVariance, seededNormals } from './normals.test-util.js';

/**
 * Population MMD² between N(μ1, s1²) and N(μ2, s2²) with the kernel exp(-d²/(2h²)), derived here:
 * for D ~ N(μ, v), E exp(-D²/(2h²)) = h/√(h² + v) · exp(-μ²/(2(h² + v))); X - X' ~ N(0, 2 s1²),
 * Y - Y' ~ N(0, 2 s2²) and X - Y ~ N(μ1 - μ2, s1² + s2²).
 */
function gaussianMmd2(mu1: number, s1: number, mu2: number, s2: number, h: number): number {
  const e = (mu: number, v: number): number => (h / Math.sqrt(h * h + v)) * Math.exp(-(mu * mu) / (2 * (h * h + v)));
  return e(0, 2 * s1 * s1) + e(0, 2 * s2 * s2) - 2 * e(mu1 - mu2, s1 * s1 + s2 * s2);
}

describe('maximumMeanDiscrepancy', () => {
  it('gives (e^-2 - 1)/2 on the hand-computed pair [0, 1] vs [0, 2] (h = 1): unbiased, so it can be negative', () => {
    // within xs: k(0,1) = e^-1/2; within ys: k(0,2) = e^-2; cross: (1 + e^-2 + e^-1/2 + e^-1/2)/4 each, times 2.
    const byHand = Math.exp(-0.5) + Math.exp(-2) - (2 / 4) * (1 + Math.exp(-2) + 2 * Math.exp(-0.5));
    expect(maximumMeanDiscrepancy([0, 1], [0, 2], { bandwidth: 1 })).toBeCloseTo(byHand, 14);
    expect(byHand).toBeCloseTo((Math.exp(-2) - 1) / 2, 14);
    expect(maximumMeanDiscrepancy([[0, 0], [0, 1]], [[5, 5], [5, 6]], { bandwidth: 1 })).toBeCloseTo(1.2131, 4);
  });

  it('equals the brute-force full double sums (diagonal removed) on small random 3-D sets', () => {
    const random = createSeededRandom(8);
    const point = (): number[] => [random.next(), random.next(), 2 * random.next()];
    for (let trial = 0; trial < 10; trial += 1) {
      const xs = Array.from({ length: 2 + random.nextInt(5) }, point);
      const ys = Array.from({ length: 2 + random.nextInt(5) }, point);
      const h = 0.3 + random.next();
      const k = (a: number[], b: number[]): number => Math.exp(-a.reduce((s, ai, i) => s + (ai - b[i]!) ** 2, 0) / (2 * h * h));
      const sum = (s: number[][], t: number[][], skipDiagonal: boolean): number =>
        s.reduce((acc, a, i) => acc + t.reduce((inner, b, j) => inner + (skipDiagonal && i === j ? 0 : k(a, b)), 0), 0);
      const [m, n] = [xs.length, ys.length];
      const reference = sum(xs, xs, true) / (m * (m - 1)) + sum(ys, ys, true) / (n * (n - 1)) - (2 * sum(xs, ys, false)) / (m * n);
      expect(maximumMeanDiscrepancy(xs, ys, { bandwidth: h })).toBeCloseTo(reference, 13);
    }
  });

  it('averages to the closed form for 1-D Gaussians: 0 without shift, large with a shift (40 seeded replicates, 4 standard errors)', () => {
    const replicates = 40;
    const size = 150;
    const cases = [
      { mu2: 0, s2: 1 },
      { mu2: 1, s2: 1 },
      { mu2: 0.5, s2: 2 },
    ];
    for (const [c, { mu2, s2 }] of cases.entries()) {
      const estimates = Array.from({ length: replicates }, (_, r) => {
        const z = seededNormals(2 * size, 1000 * c + r + 1);
        return maximumMeanDiscrepancy(z.slice(0, size), z.slice(size).map((v) => mu2 + s2 * v), { bandwidth: 1 });
      });
      const standardError = Math.sqrt(sampleVariance(estimates) / replicates);
      const expected = gaussianMmd2(0, 1, mu2, s2, 1);
      expect(Math.abs(mean(estimates) - expected)).toBeLessThan(4 * standardError);
      if (mu2 === 0 && s2 === 1) expect(expected).toBe(0);
      else expect(expected).toBeGreaterThan(20 * standardError);
    }
    expect(gaussianMmd2(0, 1, 1, 1, 1)).toBeCloseTo(2 / Math.sqrt(3) - (2 / Math.sqrt(3)) * Math.exp(-1 / 6), 14);
    expect(gaussianMmd2(0, 1, 1, 1, 1)).toBeCloseTo(0.1773, 4); // quoted in the chapter
  });

  it('rejects bad samples and options, naming them', () => {
    expect(catchConfigError(() => maximumMeanDiscrepancy([1], [1, 2], { bandwidth: 1 })).path).toBe('xs');
    expect(catchConfigError(() => maximumMeanDiscrepancy([[1, 2], [3]], [1, 2], { bandwidth: 1 })).path).toBe('xs');
    expect(catchConfigError(() => maximumMeanDiscrepancy([1, 2], [[1, 2], [3, 4]], { bandwidth: 1 })).path).toBe('ys');
    expect(catchConfigError(() => maximumMeanDiscrepancy([1, 2], [1, 2], { bandwidth: 0 })).path).toBe('bandwidth');
    expect(catchConfigError(() => maximumMeanDiscrepancy([1, 2], [1, 2], { bandwith: 1 } as never)).path).toBe('bandwith');
  });
});
