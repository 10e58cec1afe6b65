import { fail, requireIntegerIn } from './check-args.js';

/** One split of k-fold cross-validation: indices to fit on and indices to predict. */
export interface FoldSplit {
  readonly trainIndices: readonly number[];
  readonly testIndices: readonly number[];
}

/**
 * Deterministic k-fold splits of the indices 0..n-1 into k contiguous folds (like scikit-learn's
 * `KFold` without shuffling): the first `n mod k` folds get ⌈n/k⌉ indices, the rest ⌊n/k⌋. Each
 * index is in exactly one test fold. Shuffle the data beforehand if its order is meaningful.
 *
 * @param n - the number of examples, an integer ≥ 2.
 * @param k - the number of folds, an integer in [2, n].
 * @returns k splits, in fold order.
 * @throws ConfigError when n or k is out of range.
 * @example
 * ```ts
 * import { kFoldSplits } from '@dl/transfer-fusion';
 * kFoldSplits(5, 2);
 * // [{ trainIndices: [3, 4], testIndices: [0, 1, 2] }, { trainIndices: [0, 1, 2], testIndices: [3, 4] }]
 * ```
 */
export function kFoldSplits(n: number, k: number): FoldSplit[] {
  const where = 'kFoldSplits';
  const size = requireIntegerIn(n, 'n', where, 2);
  const folds = requireIntegerIn(k, 'k', where, 2, size);
  const splits: FoldSplit[] = [];
  let start = 0;
  for (let f = 0; f < folds; f += 1) {
    const length = Math.floor(size / folds) + (f < size % folds ? 1 : 0);
    const testIndices = Array.from({ length }, (_, i) => start + i);
    const trainIndices = Array.from({ length: size }, (_, i) => i).filter((i) => i < start || i >= start + length);
    splits.push({ trainIndices, testIndices });
    start += length;
  }
  return splits;
}

/**
 * Out-of-fold predictions for stacking: for each of the k folds of {@link kFoldSplits}, fit on
 * the other folds and predict this one, so that every example's prediction comes from a model
 * that never saw it. A meta-learner (stacking, Wolpert 1992) must be fit on these, not on
 * in-sample predictions: a member that memorizes its training data (a 1-nearest-neighbour
 * classifier, a deep net trained to zero loss) looks perfect in-sample, and a meta-learner fit
 * on in-sample predictions would put all its weight on it.
 *
 * @param k - the number of folds, in [2, n].
 * @param n - the number of examples, ≥ 2.
 * @param fitPredict - fits a model on `trainIndices` and returns one finite prediction per
 *   entry of `testIndices`, in that order.
 * @returns one prediction per example, in example order.
 * @throws ConfigError when k or n is out of range, `fitPredict` is not a function, or it returns
 *   the wrong number of predictions or a non-finite one.
 * @example
 * ```ts
 * import { outOfFoldPredictions } from '@dl/transfer-fusion';
 * const ys = [1, 2, 3, 4];
 * // A "model" that predicts the mean of its training targets:
 * outOfFoldPredictions(2, 4, (train, test) => test.map(() => (ys[train[0]!]! + ys[train[1]!]!) / 2));
 * // [3.5, 3.5, 1.5, 1.5]
 * ```
 */
export function outOfFoldPredictions(
  k: number,
  n: number,
  fitPredict: (trainIndices: readonly number[], testIndices: readonly number[]) => readonly number[],
): number[] {
  const where = 'outOfFoldPredictions';
  const size = requireIntegerIn(n, 'n', where, 2);
  const folds = requireIntegerIn(k, 'k', where, 2, size);
  if (typeof fitPredict !== 'function') fail('fitPredict', fitPredict, `a function (trainIndices, testIndices) => predictions (${where})`);
  const out = new Array<number>(size).fill(Number.NaN);
  for (const { trainIndices, testIndices } of kFoldSplits(size, folds)) {
    const predictions: unknown = fitPredict(trainIndices, testIndices);
    const ok =
      Array.isArray(predictions) &&
      predictions.length === testIndices.length &&
      predictions.every((p: unknown) => typeof p === 'number' && Number.isFinite(p));
    if (!ok) fail('fitPredict', predictions, `a function that returns ${testIndices.length} finite predictions, one per test index (${where})`);
    testIndices.forEach((index, i) => {
      out[index] = (predictions as number[])[i]!;
    });
  }
  return out;
}
