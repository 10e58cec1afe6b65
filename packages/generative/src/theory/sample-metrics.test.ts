import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { classCoverageFromProbabilities, inceptionScoreFromProbabilities } from './sample-metrics.js';
import { seededDistribution } from './normals.test-util.js';

const entropy = (p: readonly number[]): number => -p.reduce((s, x) => s + (x > 0 ? x * Math.log(x) : 0), 0);
const oneHot = (k: number, j: number, confidence = 1): number[] => Array.from({ length: k }, (_, i) => (i === j ? confidence : (1 - confidence) / (k - 1)));

describe('inceptionScoreFromProbabilities', () => {
  it('equals exp(H(p(y)) - mean H(p(y|x))), the exponentiated mutual information', () => {
    const rows = Array.from({ length: 12 }, (_, i) => seededDistribution(5, i + 1, i % 3));
    const marginal = [0, 1, 2, 3, 4].map((j) => rows.reduce((s, r) => s + r[j]!, 0) / rows.length);
    const expected = Math.exp(entropy(marginal) - rows.reduce((s, r) => s + entropy(r), 0) / rows.length);
    expect(inceptionScoreFromProbabilities(rows)).toBeCloseTo(expected, 12);
  });

  it('is K for confident balanced predictions, m when collapsed onto m classes, 1 for identical predictions', () => {
    const all = Array.from({ length: 100 }, (_, i) => oneHot(10, i % 10));
    expect(inceptionScoreFromProbabilities(all)).toBeCloseTo(10, 12);
    const two = Array.from({ length: 100 }, (_, i) => oneHot(10, i % 2));
    expect(inceptionScoreFromProbabilities(two)).toBeCloseTo(2, 12);
    expect(inceptionScoreFromProbabilities(Array.from({ length: 5 }, () => [0.2, 0.3, 0.5]))).toBeCloseTo(1, 14);
  });

  it('the worked example: 10 classes at 0.91 confidence, balanced (≈ 6.06) vs collapsed onto 3 classes (≈ 2.49)', () => {
    const balanced = Array.from({ length: 1000 }, (_, i) => oneHot(10, i % 10, 0.91));
    const h = entropy(oneHot(10, 0, 0.91));
    expect(inceptionScoreFromProbabilities(balanced)).toBeCloseTo(Math.exp(Math.log(10) - h), 10);
    expect(inceptionScoreFromProbabilities(balanced)).toBeCloseTo(6.0636, 4);
    const collapsed = Array.from({ length: 999 }, (_, i) => oneHot(10, i % 3, 0.91));
    const marginal = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((j) => (j < 3 ? 0.91 / 3 + (2 * 0.01) / 3 : 0.01));
    expect(inceptionScoreFromProbabilities(collapsed)).toBeCloseTo(Math.exp(entropy(marginal) - h), 10);
    expect(inceptionScoreFromProbabilities(collapsed)).toBeCloseTo(2.4875, 4);
    expect(classCoverageFromProbabilities(balanced)).toBe(10);
    expect(classCoverageFromProbabilities(collapsed)).toBe(3);
  });
});

describe('classCoverageFromProbabilities', () => {
  it('counts classes among samples above the confidence threshold', () => {
    expect(classCoverageFromProbabilities([[0.95, 0.05], [0.97, 0.03], [0.6, 0.4]])).toBe(1);
    expect(classCoverageFromProbabilities([[0.95, 0.05], [0.03, 0.97]])).toBe(2);
    expect(classCoverageFromProbabilities([[0.6, 0.4], [0.4, 0.6]], 0.5)).toBe(2);
    expect(classCoverageFromProbabilities([[0.6, 0.4], [0.4, 0.6]])).toBe(0);
  });

  it('rejects rows that are not distributions and a threshold of 1', () => {
    expect(catchConfigError(() => classCoverageFromProbabilities([[0.5, 0.6]])).path).toBe('probabilities.0');
    expect(catchConfigError(() => classCoverageFromProbabilities([[1, 0]], 1)).path).toBe('threshold');
    expect(catchConfigError(() => inceptionScoreFromProbabilities([[1, 0], [1, 0, 0]])).path).toBe('probabilities.1');
  });
});
