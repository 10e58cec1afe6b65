import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { knnPrecisionRecall } from './knn-precision-recall.js';

const real = [[0], [1], [2], [10], [11], [12]];

describe('knnPrecisionRecall', () => {
  it('a generator that covers one of two modes well: precision 1, recall 0.5', () => {
    expect(knnPrecisionRecall(real, [[0.5], [1.5], [1], [0]], 1)).toEqual({ precision: 1, recall: 0.5 });
  });

  it('the real set against itself scores 1 and 1; a far-away set scores 0 and 0', () => {
    expect(knnPrecisionRecall(real, real, 2)).toEqual({ precision: 1, recall: 1 });
    expect(knnPrecisionRecall(real, [[50], [51], [52], [53]], 1)).toEqual({ precision: 0, recall: 0 });
  });

  it('blurry samples between the modes lower precision but not recall', () => {
    // Two generated points sit in the gap (5, 6); the others cover both modes.
    const generated = [[0], [1], [2], [10], [11], [12], [5], [6]];
    const { precision, recall } = knnPrecisionRecall(real, generated, 1);
    expect(precision).toBeCloseTo(6 / 8, 15);
    expect(recall).toBe(1);
  });

  it('rejects k too large and mismatched widths', () => {
    expect(catchConfigError(() => knnPrecisionRecall(real, [[0], [1]], 2)).path).toBe('k');
    expect(catchConfigError(() => knnPrecisionRecall(real, [[0, 1], [1, 1]], 1)).path).toBe('generated');
  });
});
