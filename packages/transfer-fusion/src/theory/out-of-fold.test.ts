import { createSeededRandom } from '@dl/core';
import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { kFoldSplits, outOfFoldPredictions } from './out-of-fold.js';

/** A noisy 1-D toy task: x uniform in [-1, 1], y = [x > 0], with 20% of the labels flipped. */
function noisyTask(n: number, seed: number): { xs: number[]; ys: number[] } {
  const random = createSeededRandom(seed);
  const xs = Array.from({ length: n }, () => 2 * random.next() - 1);
  const ys = xs.map((x) => ((x > 0) !== random.next() < 0.2 ? 1 : 0));
  return { xs, ys };
}

/** k-nearest-neighbour regression on 1-D points: the mean label of the k nearest training points. */
function knnPredict(xs: readonly number[], ys: readonly number[], train: readonly number[], queries: readonly number[], k: number): number[] {
  return queries.map((q) => {
    const nearest = [...train].sort((a, b) => Math.abs(xs[a]! - q) - Math.abs(xs[b]! - q)).slice(0, k);
    return nearest.reduce((s, i) => s + ys[i]!, 0) / k;
  });
}

const accuracy = (predictions: readonly number[], ys: readonly number[]): number =>
  predictions.filter((p, i) => (p >= 0.5 ? 1 : 0) === ys[i]).length / ys.length;

/** The meta-learner: the weight w on member a in w·a + (1 - w)·b that minimizes squared error (grid of 101). */
function fitBlendWeight(a: readonly number[], b: readonly number[], ys: readonly number[]): number {
  let best = { w: 0, loss: Number.POSITIVE_INFINITY };
  for (let step = 0; step <= 100; step += 1) {
    const w = step / 100;
    const loss = ys.reduce((s, y, i) => s + (w * a[i]! + (1 - w) * b[i]! - y) ** 2, 0);
    if (loss < best.loss - 1e-12) best = { w, loss };
  }
  return best.w;
}

describe('kFoldSplits', () => {
  it('covers every index exactly once as a test index, with disjoint train/test and sizes ⌈n/k⌉ then ⌊n/k⌋', () => {
    for (const [n, k] of [[10, 3], [7, 7], [23, 5], [2, 2]] as const) {
      const splits = kFoldSplits(n, k);
      expect(splits).toHaveLength(k);
      const tested = splits.flatMap((s) => s.testIndices).sort((a, b) => a - b);
      expect(tested).toEqual(Array.from({ length: n }, (_, i) => i));
      for (const [f, { trainIndices, testIndices }] of splits.entries()) {
        expect(testIndices.length).toBe(Math.floor(n / k) + (f < n % k ? 1 : 0));
        expect(trainIndices.length + testIndices.length).toBe(n);
        expect(trainIndices.some((i) => testIndices.includes(i))).toBe(false);
      }
    }
    expect(kFoldSplits(5, 2)).toEqual([
      { trainIndices: [3, 4], testIndices: [0, 1, 2] },
      { trainIndices: [0, 1, 2], testIndices: [3, 4] },
    ]);
  });
});

describe('outOfFoldPredictions', () => {
  it('never lets a model predict an example it was fit on, and returns predictions in example order', () => {
    const seen: string[] = [];
    const predictions = outOfFoldPredictions(4, 10, (train, test) => {
      expect(train.some((i) => test.includes(i))).toBe(false);
      seen.push(test.join(','));
      return test.map((i) => 100 + i);
    });
    expect(predictions).toEqual(Array.from({ length: 10 }, (_, i) => 100 + i));
    expect(seen).toEqual(['0,1,2', '3,4,5', '6,7', '8,9']);
    const ys = [1, 2, 3, 4];
    expect(outOfFoldPredictions(2, 4, (train, test) => test.map(() => (ys[train[0]!]! + ys[train[1]!]!) / 2))).toEqual([3.5, 3.5, 1.5, 1.5]);
  });

  it('a 1-NN member is perfect in-sample but not out-of-fold, so a meta-learner fit in-sample trusts it fully and does worse on new data', () => {
    const { xs, ys } = noisyTask(200, 31);
    const all = xs.map((_, i) => i);
    const oneNn = (train: readonly number[], test: readonly number[]): number[] => knnPredict(xs, ys, train, test.map((i) => xs[i]!), 1);
    const smooth = (train: readonly number[], test: readonly number[]): number[] => knnPredict(xs, ys, train, test.map((i) => xs[i]!), 25);

    const inSampleOneNn = oneNn(all, all);
    expect(inSampleOneNn).toEqual(ys); // its nearest neighbour is the point itself
    const oofOneNn = outOfFoldPredictions(5, xs.length, oneNn);
    const oofSmooth = outOfFoldPredictions(5, xs.length, smooth);
    expect(accuracy(oofOneNn, ys)).toBeLessThan(0.8);

    const leakyWeight = fitBlendWeight(inSampleOneNn, smooth(all, all), ys);
    const honestWeight = fitBlendWeight(oofOneNn, oofSmooth, ys);
    expect(leakyWeight).toBe(1);
    expect(honestWeight).toBeLessThan(0.5);

    // On fresh data from the same task, the honest blend beats the leaky one (which is plain 1-NN).
    const fresh = noisyTask(2000, 77);
    const blendOnFresh = (w: number): number => {
      const a = knnPredict(xs, ys, all, fresh.xs, 1);
      const b = knnPredict(xs, ys, all, fresh.xs, 25);
      return accuracy(a.map((ai, i) => w * ai + (1 - w) * b[i]!), fresh.ys);
    };
    expect(blendOnFresh(honestWeight)).toBeGreaterThan(blendOnFresh(leakyWeight) + 0.05);
    // Pinned seeded values, quoted in the chapter's question: 1-NN out-of-fold accuracy 0.61, the
    // honest meta-learner gives it weight 0, and on fresh data 0.8005 (blend) vs 0.68 (1-NN).
    expect(accuracy(oofOneNn, ys)).toBeCloseTo(0.61, 12);
    expect(honestWeight).toBe(0);
    expect(accuracy(oofSmooth, ys)).toBeCloseTo(0.78, 12);
    expect(blendOnFresh(honestWeight)).toBeCloseTo(0.8005, 12);
    expect(blendOnFresh(leakyWeight)).toBeCloseTo(0.68, 12);
  });

  it('rejects bad arguments and bad fitPredict results, naming them', () => {
    const ok = (_: readonly number[], test: readonly number[]): number[] => test.map(() => 0);
    expect(catchConfigError(() => outOfFoldPredictions(1, 10, ok)).path).toBe('k');
    expect(catchConfigError(() => outOfFoldPredictions(11, 10, ok)).path).toBe('k');
    expect(catchConfigError(() => outOfFoldPredictions(2, 1, ok)).path).toBe('n');
    expect(catchConfigError(() => outOfFoldPredictions(2, 10, 'fit' as never)).path).toBe('fitPredict');
    expect(catchConfigError(() => outOfFoldPredictions(2, 10, () => [0])).path).toBe('fitPredict');
    expect(catchConfigError(() => outOfFoldPredictions(2, 4, (_, test) => test.map(() => Number.NaN))).path).toBe('fitPredict');
    expect(catchConfigError(() => kFoldSplits(4, 5)).path).toBe('k');
  });
});
