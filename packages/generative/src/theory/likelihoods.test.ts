import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { bernoulliNegativeLogLikelihood, gaussianNegativeLogLikelihood } from './likelihoods.js';

describe('gaussianNegativeLogLikelihood', () => {
  const x = [0.2, 0.9, 0.4, 0.0];
  const mean = [0.3, 0.6, 0.4, 0.1];
  const sse = x.reduce((s, v, i) => s + (v - mean[i]!) ** 2, 0);

  it('is minus the log of the Gaussian density, written out', () => {
    for (const v of [0.01, 0.5, 2]) {
      const density = x.reduce((prod, xi, i) => prod * Math.exp(-((xi - mean[i]!) ** 2) / (2 * v)) / Math.sqrt(2 * Math.PI * v), 1);
      expect(gaussianNegativeLogLikelihood(x, mean, v)).toBeCloseTo(-Math.log(density), 10);
    }
    expect(gaussianNegativeLogLikelihood([1, 2], [0, 2], [1, 1])).toBeCloseTo(0.5 + Math.log(2 * Math.PI), 14);
  });

  it('is SSE/(2σ²) + const, so NLL + KL = (SSE + 2σ²·KL)/(2σ²) + const: a β-VAE with β = 2σ²', () => {
    const kl = 3.7;
    for (const v of [0.05, 0.5, 1]) {
      const constant = (x.length / 2) * Math.log(2 * Math.PI * v);
      expect(gaussianNegativeLogLikelihood(x, mean, v) + kl).toBeCloseTo((sse + 2 * v * kl) / (2 * v) + constant, 12);
    }
  });

  it('is minimized over a shared σ² at the mean squared error SSE / D (grid search)', () => {
    let best = 0;
    let bestValue = Number.POSITIVE_INFINITY;
    for (let k = 1; k <= 100_000; k += 1) {
      const v = k * 1e-6;
      const value = gaussianNegativeLogLikelihood(x, mean, v);
      if (value < bestValue) [bestValue, best] = [value, v];
    }
    expect(best).toBeCloseTo(sse / x.length, 5);
  });

  it('rejects σ² <= 0 and mismatched lengths', () => {
    expect(catchConfigError(() => gaussianNegativeLogLikelihood([1], [1], 0)).path).toBe('variance');
    expect(catchConfigError(() => gaussianNegativeLogLikelihood([1, 2], [1], 1)).path).toBe('mean');
  });
});

describe('bernoulliNegativeLogLikelihood', () => {
  it('is the summed binary cross-entropy and 0 for binary targets predicted exactly', () => {
    expect(bernoulliNegativeLogLikelihood([1, 0], [0.9, 0.2])).toBeCloseTo(-Math.log(0.9) - Math.log(0.8), 14);
    expect(bernoulliNegativeLogLikelihood([1, 0, 1], [1, 0, 1])).toBe(0);
    expect(bernoulliNegativeLogLikelihood([1], [0])).toBe(Number.POSITIVE_INFINITY);
  });

  it('for grey-level targets is minimized at p = x with the entropy, not 0, as its minimum', () => {
    for (const target of [0.5, 0.2, 0.9]) {
      let best = 0;
      let bestValue = Number.POSITIVE_INFINITY;
      for (let k = 1; k < 10_000; k += 1) {
        const value = bernoulliNegativeLogLikelihood([target], [k / 10_000]);
        if (value < bestValue) [bestValue, best] = [value, k / 10_000];
      }
      expect(best).toBeCloseTo(target, 4);
      expect(bestValue).toBeCloseTo(-(target * Math.log(target) + (1 - target) * Math.log(1 - target)), 7);
    }
    expect(bernoulliNegativeLogLikelihood([0.5], [0.5])).toBeCloseTo(Math.LN2, 15);
  });

  it('has gradient σ(a) - x with respect to the logit a (finite differences)', () => {
    const sigmoid = (a: number): number => 1 / (1 + Math.exp(-a));
    for (const [target, logit] of [[0.3, 1.2], [1, -2], [0, 0.5]] as const) {
      const h = 1e-6;
      const numeric = (bernoulliNegativeLogLikelihood([target], [sigmoid(logit + h)]) - bernoulliNegativeLogLikelihood([target], [sigmoid(logit - h)])) / (2 * h);
      expect(numeric).toBeCloseTo(sigmoid(logit) - target, 7);
    }
  });

  it('rejects values outside [0, 1]', () => {
    expect(catchConfigError(() => bernoulliNegativeLogLikelihood([2], [0.5])).path).toBe('x');
    expect(catchConfigError(() => bernoulliNegativeLogLikelihood([1], [-0.1])).path).toBe('probabilities');
  });
});
