import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { jensenShannonDivergence, klDivergence } from './divergences.js';
import { seededDistribution } from './normals.test-util.js';
import { ganValueFunction, optimalDiscriminator } from './optimal-discriminator.js';

/** p_θ = softmax(θ), the generator of a discrete toy GAN. */
const softmax = (theta: readonly number[]): number[] => {
  const top = Math.max(...theta);
  const e = theta.map((t) => Math.exp(t - top));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
};

describe('optimalDiscriminator', () => {
  it('gives p_data / (p_data + p_g), ½ at equilibrium and 1/0 on disjoint supports', () => {
    const d = optimalDiscriminator([0.3, 0.7, 0], [0.1, 0.5, 0.4]);
    expect(d[0]).toBeCloseTo(0.75, 15);
    expect(d[1]).toBeCloseTo(0.7 / 1.2, 15);
    expect(d[2]).toBe(0);
    expect(optimalDiscriminator([0.2, 0.8], [0.2, 0.8])).toEqual([0.5, 0.5]);
    expect(optimalDiscriminator([0.5, 0.5, 0, 0], [0, 0, 0.5, 0.5])).toEqual([1, 1, 0, 0]);
  });

  it('maximizes V(D) = E_p log D + E_q log(1 - D): a fine grid search per outcome lands on D*', () => {
    for (let seed = 1; seed <= 5; seed += 1) {
      const p = seededDistribution(4, seed);
      const q = seededDistribution(4, seed + 30);
      const best = optimalDiscriminator(p, q);
      // V separates over outcomes: maximize a log y + b log(1 - y) on a grid of step 1e-4.
      p.forEach((a, i) => {
        let argmax = 0;
        let top = Number.NEGATIVE_INFINITY;
        for (let k = 1; k < 10_000; k += 1) {
          const y = k / 10_000;
          const value = a * Math.log(y) + q[i]! * Math.log(1 - y);
          if (value > top) [top, argmax] = [value, y];
        }
        expect(Math.abs(argmax - best[i]!)).toBeLessThanOrEqual(1e-4);
      });
      const atBest = ganValueFunction(best, p, q);
      for (let k = 0; k < 50; k += 1) {
        const perturbed = best.map((x, i) => Math.min(1 - 1e-9, Math.max(1e-9, x + 0.05 * Math.sin(7 * k + 3 * i + seed))));
        expect(ganValueFunction(perturbed, p, q)).toBeLessThanOrEqual(atBest + 1e-15);
      }
    }
  });

  it('reaches V(D*) = -log 4 + 2 JSD(p_data, p_g): -log 4 at equilibrium, 0 for disjoint supports', () => {
    for (let seed = 1; seed <= 20; seed += 1) {
      const p = seededDistribution(6, seed, seed % 3);
      const q = seededDistribution(6, seed + 60);
      expect(ganValueFunction(optimalDiscriminator(p, q), p, q)).toBeCloseTo(-Math.log(4) + 2 * jensenShannonDivergence(p, q), 13);
    }
    const p = [0.2, 0.3, 0.5];
    expect(ganValueFunction(optimalDiscriminator(p, p), p, p)).toBeCloseTo(-Math.log(4), 15);
    const disjoint = { p: [0.5, 0.5, 0, 0], q: [0, 0, 0.5, 0.5] };
    expect(ganValueFunction(optimalDiscriminator(disjoint.p, disjoint.q), disjoint.p, disjoint.q)).toBe(0);
  });

  it('under a frozen D*, the non-saturating generator gradient is ∇[KL(p_g ‖ p_data) - 2 JSD] and the minimax one ∇[2 JSD]', () => {
    const pData = [0.1, 0.2, 0.3, 0.4];
    const theta0 = [0.3, -0.2, 0.5, 0.1];
    const d0 = optimalDiscriminator(pData, softmax(theta0));
    const h = 1e-6;
    for (let i = 0; i < theta0.length; i += 1) {
      const plus = theta0.map((t, j) => (j === i ? t + h : t));
      const minus = theta0.map((t, j) => (j === i ? t - h : t));
      const centered = (f: (p: number[]) => number): number => (f(softmax(plus)) - f(softmax(minus))) / (2 * h);
      // E_{x ~ p_θ}[-log D0(x)] and E_{x ~ p_θ}[log(1 - D0(x))] with D0 held fixed.
      const nonSaturating = centered((pg) => pg.reduce((s, x, k) => s - x * Math.log(d0[k]!), 0));
      const minimax = centered((pg) => pg.reduce((s, x, k) => s + x * Math.log(1 - d0[k]!), 0));
      const klMinusJsd = centered((pg) => klDivergence(pg, pData) - 2 * jensenShannonDivergence(pg, pData));
      const jsd = centered((pg) => 2 * jensenShannonDivergence(pg, pData));
      expect(nonSaturating).toBeCloseTo(klMinusJsd, 7);
      expect(minimax).toBeCloseTo(jsd, 7);
    }
  });

  it('rejects mismatched lengths and D outside [0, 1]', () => {
    expect(catchConfigError(() => optimalDiscriminator([1], [0.5, 0.5])).path).toBe('pModel');
    expect(catchConfigError(() => ganValueFunction([1.5, 0], [0.5, 0.5], [0.5, 0.5])).path).toBe('discriminator');
    expect(catchConfigError(() => ganValueFunction([0.5], [0.5, 0.5], [0.5, 0.5])).path).toBe('pData');
  });
});
