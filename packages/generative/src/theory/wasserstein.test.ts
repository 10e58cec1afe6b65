import { catchConfigError } from '@dl/core/testing';
import { createSeededRandom } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { jensenShannonDivergence } from './divergences.js';
import { wasserstein1d } from './wasserstein.js';

const grid = (n: number, step: number): number[] => Array.from({ length: n }, (_, i) => i * step);

describe('wasserstein1d', () => {
  it('moving a point mass by θ costs |θ| while the JS divergence is stuck at log 2', () => {
    const points = grid(11, 0.5);
    const at = (i: number): number[] => points.map((_, j) => (j === i ? 1 : 0));
    for (const shift of [1, 2, 5, 10]) {
      expect(wasserstein1d(points, at(0), at(shift))).toBeCloseTo(shift * 0.5, 14);
      expect(jensenShannonDivergence(at(0), at(shift))).toBeCloseTo(Math.LN2, 15);
    }
  });

  it('uniforms on [0, 1] and [θ, θ + 1]: JSD = θ log 2 until the supports separate, then flat; W₁ = θ throughout', () => {
    const h = 0.01;
    const points = grid(301, h); // [0, 3]
    const uniform = (start: number): number[] => points.map((_, i) => (i >= start && i < start + 100 ? 0.01 : 0));
    for (const cells of [0, 10, 25, 50, 100, 150, 200]) {
      const theta = cells * h;
      expect(wasserstein1d(points, uniform(0), uniform(cells))).toBeCloseTo(theta, 12);
      expect(jensenShannonDivergence(uniform(0), uniform(cells))).toBeCloseTo(Math.min(theta, 1) * Math.LN2, 12);
    }
  });

  it('agrees with sorted matching of equal-weight samples (the primal optimal coupling in 1-D)', () => {
    const random = createSeededRandom(3);
    for (let trial = 0; trial < 10; trial += 1) {
      const xs = Array.from({ length: 8 }, () => Math.round(random.next() * 40) / 4);
      const ys = Array.from({ length: 8 }, () => Math.round(random.next() * 40) / 4);
      const sortedX = [...xs].sort((a, b) => a - b);
      const sortedY = [...ys].sort((a, b) => a - b);
      const matched = sortedX.reduce((s, x, i) => s + Math.abs(x - sortedY[i]!), 0) / 8;
      const points = [...new Set([...xs, ...ys])].sort((a, b) => a - b);
      const histogram = (samples: number[]): number[] => points.map((x) => samples.filter((s) => s === x).length / 8);
      expect(wasserstein1d(points, histogram(xs), histogram(ys))).toBeCloseTo(matched, 12);
    }
  });

  it('equals the Kantorovich-Rubinstein dual: the critic with slope sign(F_q - F_p) attains it and no 1-Lipschitz critic beats it', () => {
    const points = [0, 1, 1.5, 3, 4];
    const p = [0.1, 0.4, 0.1, 0.3, 0.1];
    const q = [0.3, 0.1, 0.3, 0.1, 0.2];
    const w = wasserstein1d(points, p, q);
    const gap = (f: number[]): number => f.reduce((s, v, i) => s + v * (p[i]! - q[i]!), 0);
    const best = [0];
    let cdfP = 0;
    let cdfQ = 0;
    for (let i = 0; i + 1 < points.length; i += 1) {
      cdfP += p[i]!;
      cdfQ += q[i]!;
      best.push(best[i]! + Math.sign(cdfQ - cdfP) * (points[i + 1]! - points[i]!));
    }
    expect(gap(best)).toBeCloseTo(w, 14);
    const random = createSeededRandom(11);
    for (let trial = 0; trial < 200; trial += 1) {
      const f = [random.next()];
      for (let i = 0; i + 1 < points.length; i += 1) f.push(f[i]! + (2 * random.next() - 1) * (points[i + 1]! - points[i]!));
      expect(gap(f)).toBeLessThanOrEqual(w + 1e-12);
    }
  });

  it('rejects unsorted points and distributions of the wrong length', () => {
    expect(catchConfigError(() => wasserstein1d([0, 0], [0.5, 0.5], [0.5, 0.5])).path).toBe('points');
    expect(catchConfigError(() => wasserstein1d([0, 1], [1], [0.5, 0.5])).path).toBe('p');
  });
});
