import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { frechetGaussianDistance } from './frechet-distance.js';

const rotation = (angle: number): number[][] => [
  [Math.cos(angle), -Math.sin(angle)],
  [Math.sin(angle), Math.cos(angle)],
];
const multiply = (a: number[][], b: number[][]): number[][] => a.map((row) => b[0]!.map((_, j) => row.reduce((s, x, k) => s + x * b[k]![j]!, 0)));
const transpose = (a: number[][]): number[][] => a[0]!.map((_, j) => a.map((row) => row[j]!));
const det2 = (m: number[][]): number => m[0]![0]! * m[1]![1]! - m[0]![1]! * m[1]![0]!;

describe('frechetGaussianDistance', () => {
  it('is (μ₁ - μ₂)² + (σ₁ - σ₂)² in one dimension: a collapsed variance costs even with the right mean', () => {
    expect(frechetGaussianDistance([0], [[1]], [0], [[0.25]])).toBeCloseTo(0.25, 14);
    expect(frechetGaussianDistance([1], [[4]], [-2], [[9]])).toBeCloseTo(9 + 1, 13);
    expect(frechetGaussianDistance([0], [[1]], [0], [[0.01]])).toBeCloseTo(0.81, 13);
  });

  it('for diagonal covariances sums the per-dimension terms, and is invariant under a shared rotation', () => {
    const m1 = [1, 2];
    const m2 = [0, -1];
    const v1 = [4, 0.5];
    const v2 = [1, 2];
    const diagonal = (v: number[]): number[][] => [[v[0]!, 0], [0, v[1]!]];
    const expected = (1 + 9) + (2 - 1) ** 2 + (Math.sqrt(0.5) - Math.sqrt(2)) ** 2;
    expect(frechetGaussianDistance(m1, diagonal(v1), m2, diagonal(v2))).toBeCloseTo(expected, 12);
    const q = rotation(0.7);
    const rotate = (m: number[][]): number[][] => multiply(multiply(q, m), transpose(q));
    const rotateMean = (m: number[]): number[] => q.map((row) => row[0]! * m[0]! + row[1]! * m[1]!);
    expect(frechetGaussianDistance(rotateMean(m1), rotate(diagonal(v1)), rotateMean(m2), rotate(diagonal(v2)))).toBeCloseTo(expected, 11);
  });

  it('matches tr((Σ₁Σ₂)^½) = √(tr(Σ₁Σ₂) + 2√(det Σ₁ det Σ₂)) for non-commuting 2 x 2 covariances, and is symmetric', () => {
    const s1 = [[2, 0.6], [0.6, 1]];
    const s2 = [[0.5, -0.2], [-0.2, 1.5]];
    const product = multiply(s1, s2);
    const traceRoot = Math.sqrt(product[0]![0]! + product[1]![1]! + 2 * Math.sqrt(det2(s1) * det2(s2)));
    const expected = 1 + (2 + 1 + 0.5 + 1.5) - 2 * traceRoot;
    expect(frechetGaussianDistance([1, 0], s1, [0, 0], s2)).toBeCloseTo(expected, 12);
    expect(frechetGaussianDistance([0, 0], s2, [1, 0], s1)).toBeCloseTo(expected, 12);
    expect(frechetGaussianDistance([0.3, 0.3], s1, [0.3, 0.3], s1)).toBeCloseTo(0, 12);
  });

  it('rejects a non-symmetric covariance and mismatched sizes', () => {
    expect(catchConfigError(() => frechetGaussianDistance([0, 0], [[1, 0.5], [0, 1]], [0, 0], [[1, 0], [0, 1]])).path).toBe('cov1');
    expect(catchConfigError(() => frechetGaussianDistance([0], [[1]], [0, 0], [[1]])).path).toBe('mean2');
  });
});
