import { createSeededRandom } from '@dl/core';
import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { ambiguityDecomposition } from './ambiguity-decomposition.js';

describe('ambiguityDecomposition', () => {
  it('ensemble error = weighted member error - ambiguity on random members, weights and targets', () => {
    const random = createSeededRandom(5);
    for (let trial = 0; trial < 50; trial += 1) {
      const members = 1 + random.nextInt(7);
      const examples = 1 + random.nextInt(20);
      const f = Array.from({ length: members }, () => Array.from({ length: examples }, () => 10 * random.next() - 5));
      const raw = Array.from({ length: members }, () => random.next());
      const total = raw.reduce((a, b) => a + b, 0);
      const w = raw.map((x) => x / total);
      const y = Array.from({ length: examples }, () => 4 * random.next() - 2);
      const d = ambiguityDecomposition(f, w, y);
      expect(d.ensembleError).toBeCloseTo(d.averageMemberError - d.ambiguity, 10);
      expect(d.ambiguity).toBeGreaterThanOrEqual(0);
      // Directly: the ensemble's error, computed here without the function.
      let direct = 0;
      for (let k = 0; k < examples; k += 1) direct += (f.reduce((s, row, m) => s + w[m]! * row[k]!, 0) - y[k]!) ** 2;
      expect(d.ensembleError).toBeCloseTo(direct / examples, 10);
    }
  });

  it('gives the worked example and zero ambiguity for identical members', () => {
    expect(ambiguityDecomposition([[1], [3]], [0.5, 0.5], [2.5])).toEqual({ ensembleError: 0.25, averageMemberError: 1.25, ambiguity: 1 });
    const same = ambiguityDecomposition([[1, 2], [1, 2], [1, 2]], [0.2, 0.3, 0.5], [0, 0]);
    expect(same.ambiguity).toBeCloseTo(0, 14);
    expect(same.ensembleError).toBeCloseTo(same.averageMemberError, 14);
  });

  it('rejects bad shapes and weights, naming the argument', () => {
    expect(catchConfigError(() => ambiguityDecomposition([[1, 2], [3]], [0.5, 0.5], [0, 0])).path).toBe('memberPredictions');
    expect(catchConfigError(() => ambiguityDecomposition([[1], [3]], [0.6, 0.6], [0])).path).toBe('weights');
    expect(catchConfigError(() => ambiguityDecomposition([[1], [3]], [1], [0])).path).toBe('weights');
    expect(catchConfigError(() => ambiguityDecomposition([[1], [3]], [0.5, 0.5], [0, 1])).path).toBe('targets');
  });
});
