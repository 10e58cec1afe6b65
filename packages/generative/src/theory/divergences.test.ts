import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { jensenShannonDivergence, klDivergence } from './divergences.js';
import { seededDistribution } from './normals.test-util.js';

/** Shannon entropy in nats, from its definition. */
const entropy = (p: readonly number[]): number => -p.reduce((s, x) => s + (x > 0 ? x * Math.log(x) : 0), 0);

describe('klDivergence', () => {
  it('matches the definition term by term and is asymmetric', () => {
    expect(klDivergence([0.5, 0.5], [0.9, 0.1])).toBeCloseTo(0.5 * Math.log(0.5 / 0.9) + 0.5 * Math.log(0.5 / 0.1), 14);
    expect(klDivergence([0.9, 0.1], [0.5, 0.5])).toBeCloseTo(0.9 * Math.log(1.8) + 0.1 * Math.log(0.2), 14);
    expect(klDivergence([0.5, 0.5], [0.9, 0.1])).not.toBeCloseTo(klDivergence([0.9, 0.1], [0.5, 0.5]), 3);
  });

  it('is >= 0, 0 for equal inputs, +Infinity when p has mass where q has none, and skips 0 · log 0', () => {
    for (let seed = 1; seed <= 20; seed += 1) {
      const p = seededDistribution(6, seed, seed % 3);
      const q = seededDistribution(6, seed + 100);
      expect(klDivergence(p, q)).toBeGreaterThanOrEqual(0);
      expect(klDivergence(p, p)).toBeCloseTo(0, 14);
    }
    expect(klDivergence([0.5, 0.5], [1, 0])).toBe(Number.POSITIVE_INFINITY);
    expect(klDivergence([1, 0], [0.5, 0.5])).toBeCloseTo(Math.log(2), 14);
  });

  it('rejects non-distributions and mismatched lengths, naming the argument', () => {
    expect(catchConfigError(() => klDivergence([0.5, 0.6], [0.5, 0.5])).path).toBe('p');
    expect(catchConfigError(() => klDivergence([0.5, 0.5], [-0.5, 1.5])).path).toBe('q');
    expect(catchConfigError(() => klDivergence([0.5, 0.5], [1])).path).toBe('q');
  });
});

describe('forward vs reverse KL on a two-mode mixture ½N(-3, 1) + ½N(3, 1) (discretized)', () => {
  const xs = Array.from({ length: 2001 }, (_, i) => -20 + i * 0.02);
  const discretize = (density: (x: number) => number): number[] => {
    const raw = xs.map(density);
    const total = raw.reduce((a, b) => a + b, 0);
    return raw.map((v) => v / total);
  };
  const normal = (m: number, s: number) => (x: number): number => Math.exp(-((x - m) ** 2) / (2 * s * s)) / s;
  const mixture = discretize((x) => 0.5 * normal(-3, 1)(x) + 0.5 * normal(3, 1)(x));

  it('the forward KL(p ‖ q) is minimized by moment matching, N(0, 10), which covers both modes', () => {
    let best = { value: Number.POSITIVE_INFINITY, m: 0, s: 0 };
    for (let m = -4; m <= 4; m += 0.25) {
      for (let s = 0.5; s <= 4.001; s += 0.05) {
        const value = klDivergence(mixture, discretize(normal(m, s)));
        if (value < best.value) best = { value, m, s };
      }
    }
    expect(best.m).toBeCloseTo(0, 10);
    expect(Math.abs(best.s - Math.sqrt(10))).toBeLessThanOrEqual(0.03);
    expect(best.value).toBeCloseTo(0.462, 2);
  });

  it('the reverse KL(q ‖ p) prefers one mode, N(3, 1), over the moment-matched Gaussian (0.69 vs 0.94), which the forward KL punishes (7.9)', () => {
    const mode = discretize(normal(2.984, 1.023));
    const covering = discretize(normal(0, Math.sqrt(10)));
    expect(klDivergence(mode, mixture)).toBeCloseTo(0.689, 2);
    expect(klDivergence(covering, mixture)).toBeCloseTo(0.938, 2);
    expect(klDivergence(mixture, mode)).toBeGreaterThan(7.8);
    expect(klDivergence(mixture, mode)).toBeLessThan(7.95);
  });
});

describe('jensenShannonDivergence', () => {
  it('equals the entropy form H(m) - (H(p) + H(q))/2 and is symmetric', () => {
    for (let seed = 1; seed <= 20; seed += 1) {
      const p = seededDistribution(5, seed, seed % 2);
      const q = seededDistribution(5, seed + 50);
      const m = p.map((x, i) => (x + q[i]!) / 2);
      expect(jensenShannonDivergence(p, q)).toBeCloseTo(entropy(m) - (entropy(p) + entropy(q)) / 2, 13);
      expect(jensenShannonDivergence(q, p)).toBeCloseTo(jensenShannonDivergence(p, q), 15);
    }
  });

  it('is log 2 for any disjoint supports, however far apart, and 0 for equal inputs', () => {
    const near = [0.5, 0.5, 0, 0, 0, 0, 0, 0];
    const adjacent = [0, 0, 0.3, 0.7, 0, 0, 0, 0];
    const far = [0, 0, 0, 0, 0, 0, 0.2, 0.8];
    expect(jensenShannonDivergence(near, adjacent)).toBeCloseTo(Math.LN2, 15);
    expect(jensenShannonDivergence(near, far)).toBeCloseTo(Math.LN2, 15);
    expect(jensenShannonDivergence(near, near)).toBe(0);
    // Finite even where KL is infinite.
    expect(klDivergence(near, far)).toBe(Number.POSITIVE_INFINITY);
  });

  it('stays in [0, log 2] on random inputs', () => {
    for (let seed = 1; seed <= 30; seed += 1) {
      const value = jensenShannonDivergence(seededDistribution(4, seed, seed % 4), seededDistribution(4, seed + 7, (seed + 1) % 4));
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(Math.LN2);
    }
  });

  it('rejects what is not a distribution', () => {
    expect(catchConfigError(() => jensenShannonDivergence([0.2, 0.2], [0.5, 0.5])).path).toBe('p');
    expect(catchConfigError(() => jensenShannonDivergence([1, 0], [Number.NaN, 1])).path).toBe('q');
  });
});
