import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { pathwiseGradient, scoreFunctionGradient } from './gradient-estimators.js';
import { mean, seededNormals, variance } from './normals.test-util.js';

const eps = seededNormals(400_000, 21);
const square = (z: number): number => z * z;

describe('scoreFunctionGradient and pathwiseGradient for d/dμ E[z²], z ~ N(μ, 1)', () => {
  it('are both unbiased: their means approach the true gradient 2μ', () => {
    for (const mu of [1, -0.5]) {
      expect(Math.abs(mean(pathwiseGradient((z) => 2 * z, mu, 1, eps)) - 2 * mu)).toBeLessThan(0.01);
      expect(Math.abs(mean(scoreFunctionGradient(square, mu, 1, eps)) - 2 * mu)).toBeLessThan(0.03);
    }
    // σ ≠ 1: E[z²] = μ² + σ², so the μ-gradient is still 2μ.
    expect(Math.abs(mean(scoreFunctionGradient(square, 1, 2, eps)) - 2)).toBeLessThan(0.1);
  });

  it('have variances 4 (pathwise) and μ⁴ + 14μ² + 15 (score function): 30 at μ = 1', () => {
    expect(variance(pathwiseGradient((z) => 2 * z, 1, 1, eps))).toBeCloseTo(4, 1);
    const score = variance(scoreFunctionGradient(square, 1, 1, eps));
    expect(Math.abs(score / 30 - 1)).toBeLessThan(0.05);
    const mu = -0.5;
    expect(Math.abs(variance(scoreFunctionGradient(square, mu, 1, eps)) / (mu ** 4 + 14 * mu ** 2 + 15) - 1)).toBeLessThan(0.05);
  });

  it('score function: adding 10 to f leaves the mean but raises the variance to 210; the baseline b = 4 lowers it to 14', () => {
    const shifted = scoreFunctionGradient((z) => z * z + 10, 1, 1, eps);
    expect(Math.abs(mean(shifted) - 2)).toBeLessThan(0.1);
    expect(Math.abs(variance(shifted) / 210 - 1)).toBeLessThan(0.05);
    const withBaseline = scoreFunctionGradient(square, 1, 1, eps, 4);
    expect(Math.abs(mean(withBaseline) - 2)).toBeLessThan(0.03);
    expect(Math.abs(variance(withBaseline) / 14 - 1)).toBeLessThan(0.05);
    // The pathwise estimator does not see the constant at all.
    expect(pathwiseGradient((z) => 2 * z, 1, 1, [0.5, 2])).toEqual([3, 6]);
  });

  it('match the TSDoc examples and reject σ <= 0', () => {
    expect(scoreFunctionGradient(square, 1, 1, [0.5, 2])).toEqual([1.125, 18]);
    expect(catchConfigError(() => scoreFunctionGradient(square, 1, 0, [1])).path).toBe('std');
    expect(catchConfigError(() => pathwiseGradient(square, 1, 1, [Number.NaN])).path).toBe('epsilons');
  });
});
