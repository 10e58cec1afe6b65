import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { effectiveSampleSize, importanceWeights } from './importance-weights.js';
import { mean, sampleVariance, seededNormals } from './normals.test-util.js';

const normalPdf = (x: number, mu: number, s: number): number => Math.exp(-(((x - mu) / s) ** 2) / 2) / (s * Math.sqrt(2 * Math.PI));

describe('importanceWeights', () => {
  it('is the density ratio p_t(x)/p_s(x), written with the normal pdf', () => {
    const xs = [-3, -1, 0, 0.5, 2, 4];
    const w = importanceWeights(xs, { source: { mean: 0, std: 1 }, target: { mean: 1, std: 0.7 } });
    xs.forEach((x, i) => expect(w[i]).toBeCloseTo(normalPdf(x, 1, 0.7) / normalPdf(x, 0, 1), 12));
    const example = importanceWeights([0, 1, 2], { source: { mean: 0, std: 1 }, target: { mean: 1, std: 1 } });
    [Math.exp(-0.5), Math.exp(0.5), Math.exp(1.5)].forEach((v, i) => expect(example[i]).toBeCloseTo(v, 14));
    // Far in the tails both densities underflow, the ratio does not.
    expect(importanceWeights([60], { source: { mean: 0, std: 1 }, target: { mean: 1, std: 1 } })[0]).toBeCloseTo(Math.exp(59.5), -20);
  });

  it('turns source samples into an estimate of target means (seeded Monte Carlo, 4 standard errors)', () => {
    const n = 100_000;
    const source = seededNormals(n, 42); // N(0, 1)
    const target = { mean: 1, std: 0.8 };
    const w = importanceWeights(source, { source: { mean: 0, std: 1 }, target });
    for (const [f, truth] of [
      [(): number => 1, 1], // E_s[w] = 1
      [(x: number): number => x, 1], // E_t[x]
      [(x: number): number => x * x, 1 + 0.64], // E_t[x²] = μ² + σ²
    ] as const) {
      const terms = source.map((x, i) => w[i]! * f(x));
      expect(Math.abs(mean(terms) - truth)).toBeLessThan(4 * Math.sqrt(sampleVariance(terms) / n));
    }
    // The unweighted source mean is far off: the shift is real.
    expect(Math.abs(mean(source) - 1)).toBeGreaterThan(0.9);
  });

  it('rejects bad options, naming the field', () => {
    const ok = { source: { mean: 0, std: 1 }, target: { mean: 1, std: 1 } };
    expect(catchConfigError(() => importanceWeights([Number.NaN], ok)).path).toBe('xs');
    expect(catchConfigError(() => importanceWeights([0], { ...ok, target: { mean: 0, std: 0 } })).path).toBe('target.std');
    expect(catchConfigError(() => importanceWeights([0], { ...ok, source: { mean: Number.NaN, std: 1 } })).path).toBe('source.mean');
    expect(catchConfigError(() => importanceWeights([0], { ...ok, targt: ok.target } as never)).path).toBe('targt');
  });
});

describe('effectiveSampleSize', () => {
  it('is n for equal weights, 1 for one non-zero weight, and (Σw)²/Σw² in between', () => {
    expect(effectiveSampleSize([2, 2, 2, 2, 2])).toBeCloseTo(5, 14);
    expect(effectiveSampleSize([0, 0, 3, 0])).toBeCloseTo(1, 14);
    expect(effectiveSampleSize([1, 2, 3])).toBeCloseTo(36 / 14, 14);
  });

  it('falls as n · exp(-Δ²) for unit-variance Gaussians shifted by Δ (E_s[w²] = exp(Δ²); seeded, 3%)', () => {
    const n = 200_000;
    const source = seededNormals(n, 7);
    for (const shift of [0.5, 1]) {
      const w = importanceWeights(source, { source: { mean: 0, std: 1 }, target: { mean: shift, std: 1 } });
      expect(Math.abs(effectiveSampleSize(w) / n / Math.exp(-shift * shift) - 1)).toBeLessThan(0.03);
    }
  });

  it('rejects negative or all-zero weights', () => {
    expect(catchConfigError(() => effectiveSampleSize([1, -1])).path).toBe('weights');
    expect(catchConfigError(() => effectiveSampleSize([0, 0])).path).toBe('weights');
  });
});
