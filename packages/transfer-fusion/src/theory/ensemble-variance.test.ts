import { createSeededRandom } from '@dl/core';
import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { ensembleVariance } from './ensemble-variance.js';
import { sampleVariance, seededNormals } from './normals.test-util.js';

describe('ensembleVariance', () => {
  it('equals wᵀΣw for w = 1/n and the equicorrelated covariance matrix Σ (exact algebra)', () => {
    const random = createSeededRandom(3);
    for (let trial = 0; trial < 30; trial += 1) {
      const n = 1 + random.nextInt(12);
      const sigma2 = 0.1 + 5 * random.next();
      const lower = n > 1 ? -1 / (n - 1) : -1;
      const rho = lower + (1 - lower) * random.next();
      let quadratic = 0;
      for (let i = 0; i < n; i += 1) {
        for (let j = 0; j < n; j += 1) quadratic += (1 / n) * (i === j ? sigma2 : rho * sigma2) * (1 / n);
      }
      expect(ensembleVariance(sigma2, rho, n)).toBeCloseTo(quadratic, 12);
    }
  });

  it('matches a seeded Monte Carlo of equicorrelated normals X_m = σ(√ρ Z_0 + √(1-ρ) Z_m)', () => {
    const [sigma, rho, n, draws] = [2, 0.3, 5, 20_000];
    const z = seededNormals(draws * (n + 1), 11);
    const averages = Array.from({ length: draws }, (_, d) => {
      const shared = z[d * (n + 1)]!;
      let sum = 0;
      for (let m = 1; m <= n; m += 1) sum += sigma * (Math.sqrt(rho) * shared + Math.sqrt(1 - rho) * z[d * (n + 1) + m]!);
      return sum / n;
    });
    const expected = ensembleVariance(sigma * sigma, rho, n); // 4 · 0.44 = 1.76
    // The sample variance of normals has relative standard error √(2/(draws-1)) ≈ 1%; allow 4 of them.
    expect(Math.abs(sampleVariance(averages) / expected - 1)).toBeLessThan(4 * Math.sqrt(2 / (draws - 1)));
  });

  it('has the floor ρσ² as n → ∞ and the quoted values', () => {
    expect(ensembleVariance(1, 0.95, 5)).toBeCloseTo(0.96, 14);
    expect(ensembleVariance(1, 0.3, 5)).toBeCloseTo(0.44, 14);
    expect(ensembleVariance(1, 0.3, 24)).toBeLessThanOrEqual(1.1 * 0.3);
    expect(ensembleVariance(1, 0.3, 23)).toBeGreaterThan(1.1 * 0.3);
    expect(ensembleVariance(2, 0.4, 1e9)).toBeCloseTo(0.8, 8);
    expect(ensembleVariance(3, -0.25, 5)).toBeCloseTo(0, 14);
  });

  it('rejects impossible arguments, naming them', () => {
    expect(catchConfigError(() => ensembleVariance(-1, 0, 2)).path).toBe('sigma2');
    expect(catchConfigError(() => ensembleVariance(1, 0, 0)).path).toBe('n');
    expect(catchConfigError(() => ensembleVariance(1, 0, 2.5)).path).toBe('n');
    expect(catchConfigError(() => ensembleVariance(1, 1.2, 2)).path).toBe('rho');
    expect(catchConfigError(() => ensembleVariance(1, -0.3, 5)).path).toBe('rho');
  });
});
