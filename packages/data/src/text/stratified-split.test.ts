import { describe, expect, it } from 'vitest';
import { catchConfigError } from '@dl/core/testing';
import { stratifiedSplit, type Label } from './stratified-split.js';

/** 50 'a', 30 'b', 20 'c', interleaved. */
const labels: string[] = Array.from({ length: 100 }, (_, i) => (i % 10 < 5 ? 'a' : i % 10 < 8 ? 'b' : 'c'));

function countBy(indices: readonly number[], of: ArrayLike<Label>): Map<Label, number> {
  const counts = new Map<Label, number>();
  for (const index of indices) counts.set(of[index] as Label, (counts.get(of[index] as Label) ?? 0) + 1);
  return counts;
}

describe('stratifiedSplit', () => {
  it('puts round(testFraction x class size) of each class in test', () => {
    const { train, test } = stratifiedSplit(labels, { testFraction: 0.2, seed: 1 });
    expect(countBy(test, labels)).toEqual(new Map([['a', 10], ['b', 6], ['c', 4]]));
    expect(countBy(train, labels)).toEqual(new Map([['a', 40], ['b', 24], ['c', 16]]));
  });

  it('rounds per class, halves up', () => {
    const small = ['x', 'x', 'x', 'x', 'x', 'x', 'x', 'y', 'y', 'y', 'z'];
    const { test } = stratifiedSplit(small, { testFraction: 0.3, seed: 3 });
    // x: round(2.1) = 2, y: round(0.9) = 1, z: round(0.3) = 0
    expect(countBy(test, small)).toEqual(new Map([['x', 2], ['y', 1]]));
    expect(stratifiedSplit(['only'], { testFraction: 0.5, seed: 3 })).toEqual({ train: [], test: [0] });
    expect(stratifiedSplit(['only'], { testFraction: 0.4, seed: 3 })).toEqual({ train: [0], test: [] });
  });

  it('gives disjoint train and test sets that cover every index once', () => {
    const { train, test } = stratifiedSplit(labels, { testFraction: 0.25, seed: 7 });
    expect(train.length + test.length).toBe(labels.length);
    expect(new Set([...train, ...test]).size).toBe(labels.length);
    expect([...train, ...test].sort((a, b) => a - b)).toEqual(labels.map((_, i) => i));
  });

  it('is reproducible with a seed and changes with the seed', () => {
    const first = stratifiedSplit(labels, { testFraction: 0.2, seed: 42 });
    expect(stratifiedSplit(labels, { testFraction: 0.2, seed: 42 })).toEqual(first);
    const other = stratifiedSplit(labels, { testFraction: 0.2, seed: 43 });
    expect(other.test).not.toEqual(first.test);
    expect(other.train).not.toEqual(first.train);
  });

  it('shuffles both lists instead of grouping them by class or index', () => {
    const { train, test } = stratifiedSplit(labels, { testFraction: 0.2, seed: 5 });
    expect(train).not.toEqual([...train].sort((a, b) => a - b));
    expect(test).not.toEqual([...test].sort((a, b) => a - b));
    expect(new Set(test.slice(0, 10).map((i) => labels[i])).size).toBeGreaterThan(1);
  });

  it('accepts number, boolean and typed-array labels and leaves the labels unchanged', () => {
    const numbers = new Int32Array(Array.from({ length: 40 }, (_, i) => i % 4));
    expect(countBy(stratifiedSplit(numbers, { testFraction: 0.5, seed: 1 }).test, numbers)).toEqual(
      new Map([[0, 5], [1, 5], [2, 5], [3, 5]]),
    );
    const flags = [true, false, true, false, true, true];
    const copy = [...flags];
    expect(stratifiedSplit(flags, { testFraction: 0.5, seed: 1 }).test).toHaveLength(3);
    expect(flags).toEqual(copy);
    expect(stratifiedSplit([], { testFraction: 0.5, seed: 1 })).toEqual({ train: [], test: [] });
  });

  it('rejects bad options and labels with a ConfigError naming the field', () => {
    for (const testFraction of [0, 1, -0.1, 1.5, Number.NaN]) {
      const error = catchConfigError(() => stratifiedSplit(labels, { testFraction, seed: 1 }));
      expect(error.path).toBe('testFraction');
      expect(error.message).toMatch(/^\[@dl\/data\] Invalid option 'testFraction'/);
    }
    expect(catchConfigError(() => stratifiedSplit(labels, undefined as never)).path).toBe('testFraction');
    expect(catchConfigError(() => stratifiedSplit(labels, { testFraction: 0.2, seed: Number.NaN })).path).toBe('seed');
    expect(catchConfigError(() => stratifiedSplit(labels, { testFraction: 0.2, seed: '1' as never })).path).toBe('seed');
    expect(catchConfigError(() => stratifiedSplit(labels, { testFraction: 0.2, shuffle: false } as never)).path).toBe('shuffle');
    expect(catchConfigError(() => stratifiedSplit('abc' as never, { testFraction: 0.2 })).path).toBe('labels');
    expect(catchConfigError(() => stratifiedSplit(['a', null] as never, { testFraction: 0.2 })).path).toBe('labels.1');
  });
});
