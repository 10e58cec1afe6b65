import { createSeededRandom } from '@dl/core';
import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { spectralNorm } from './spectral-norm.js';

const random = createSeededRandom(17);
const randomMatrix = (rows: number, columns: number): number[][] => Array.from({ length: rows }, () => Array.from({ length: columns }, () => 2 * random.next() - 1));
const apply = (w: number[][], x: number[]): number[] => w.map((row) => row.reduce((s, v, j) => s + v * x[j]!, 0));
const norm = (x: number[]): number => Math.sqrt(x.reduce((s, v) => s + v * v, 0));

/** The power iteration of spectral normalization: v ← Wᵀu/‖·‖, u ← Wv/‖·‖, σ ≈ uᵀWv. */
function powerIteration(w: number[][], u0: number[], steps: number): number[] {
  const estimates: number[] = [];
  let u = u0;
  const wt = w[0]!.map((_, j) => w.map((row) => row[j]!));
  for (let k = 0; k < steps; k += 1) {
    let v = apply(wt, u);
    v = v.map((x) => x / norm(v));
    const wv = apply(w, v);
    u = wv.map((x) => x / norm(wv));
    estimates.push(u.reduce((s, x, i) => s + x * wv[i]!, 0));
  }
  return estimates;
}

describe('spectralNorm', () => {
  it('is 3 for [[2, 1], [1, 2]], which power iteration from u = (1, 0) approaches as 2.864, 2.998, 3.000', () => {
    expect(spectralNorm([[2, 1], [1, 2]])).toBeCloseTo(3, 13);
    const steps = powerIteration([[2, 1], [1, 2]], [1, 0], 3);
    expect(steps[0]).toBeCloseTo(Math.sqrt(41 / 5), 12);
    expect(steps[1]).toBeCloseTo(2.998, 3);
    expect(steps[2]).toBeCloseTo(3, 4);
  });

  it('matches the 2 x 2 closed form σ² = (‖W‖_F² + √(‖W‖_F⁴ - 4 det²))/2 and long power iteration on random matrices', () => {
    for (let trial = 0; trial < 10; trial += 1) {
      const w = randomMatrix(2, 2);
      const f2 = w.flat().reduce((s, x) => s + x * x, 0);
      const det = w[0]![0]! * w[1]![1]! - w[0]![1]! * w[1]![0]!;
      expect(spectralNorm(w)).toBeCloseTo(Math.sqrt((f2 + Math.sqrt(f2 * f2 - 4 * det * det)) / 2), 12);
      const tall = randomMatrix(5, 3);
      expect(spectralNorm(tall)).toBeCloseTo(powerIteration(tall, [1, 0.5, -0.3, 0.2, 0.9], 500).at(-1)!, 9);
    }
  });

  it('bounds the Lipschitz constant of a ReLU network by the product of the layers\' norms; normalized layers give ≤ 1', () => {
    const w1 = randomMatrix(6, 3);
    const w2 = randomMatrix(1, 6);
    const relu = (x: number[]): number[] => x.map((v) => Math.max(v, 0));
    const net = (x: number[], a: number[][], b: number[][]): number => apply(b, relu(apply(a, x)))[0]!;
    const bound = spectralNorm(w1) * spectralNorm(w2);
    const n1 = w1.map((row) => row.map((x) => x / spectralNorm(w1)));
    const n2 = w2.map((row) => row.map((x) => x / spectralNorm(w2)));
    let largest = 0;
    for (let trial = 0; trial < 2000; trial += 1) {
      const x = [random.next(), random.next(), random.next()].map((v) => 4 * v - 2);
      const y = x.map((v) => v + 0.1 * (2 * random.next() - 1));
      const ratio = Math.abs(net(x, w1, w2) - net(y, w1, w2)) / norm(x.map((v, i) => v - y[i]!));
      largest = Math.max(largest, ratio);
      expect(Math.abs(net(x, n1, n2) - net(y, n1, n2)) / norm(x.map((v, i) => v - y[i]!))).toBeLessThanOrEqual(1 + 1e-12);
    }
    expect(largest).toBeLessThanOrEqual(bound + 1e-12);
    expect(largest).toBeGreaterThan(0);
  });

  it('a weight-clipped m x n layer has norm at most c√(mn), reached by the all-c matrix', () => {
    const c = 0.01;
    expect(spectralNorm([[c, c], [c, c]])).toBeCloseTo(2 * c, 15);
    expect(spectralNorm(Array.from({ length: 4 }, () => Array.from({ length: 9 }, () => c)))).toBeCloseTo(c * 6, 14);
    for (let trial = 0; trial < 20; trial += 1) {
      const clipped = randomMatrix(4, 9).map((row) => row.map((x) => Math.max(-c, Math.min(c, x))));
      expect(spectralNorm(clipped)).toBeLessThanOrEqual(c * 6 + 1e-15);
    }
  });

  it('rejects ragged and empty matrices', () => {
    expect(catchConfigError(() => spectralNorm([[1, 2], [3]])).path).toBe('matrix');
    expect(catchConfigError(() => spectralNorm([])).path).toBe('matrix');
  });
});
