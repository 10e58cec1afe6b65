import { createSeededRandom } from '@dl/core/random';
import { parseOptions } from '@dl/errors';
import * as v from 'valibot';
import { invalidInput, isArrayOrTypedArray } from './invalid-input.js';

/** A class label: anything compared with `===` (strings, numbers, booleans). */
export type Label = string | number | boolean;

/** Options of {@link stratifiedSplit}. */
export interface StratifiedSplitOptions {
  /** Share of each class that goes to the test set, strictly between 0 and 1. Required. */
  readonly testFraction: number;
  /** Seed of the shuffles; the same labels and seed give the same split. Default: a random seed. */
  readonly seed?: number;
}

/** Indices into the labels, one list per part of a {@link stratifiedSplit}. */
export interface StratifiedSplitResult {
  /** Indices of the training samples, shuffled. */
  readonly train: number[];
  /** Indices of the test samples, shuffled. */
  readonly test: number[];
}

const OptionsSchema = v.strictObject({
  testFraction: v.pipe(v.number(), v.gtValue(0), v.ltValue(1)),
  seed: v.optional(v.pipe(v.number(), v.finite())),
});

/**
 * Splits sample indices into train and test sets with the class proportions of `labels` in both:
 * each class of size `n` puts `Math.round(testFraction * n)` of its samples (computed in floating
 * point; halves round up) in `test` and the rest in `train`. Which samples go where is decided by
 * a seeded shuffle (`createSeededRandom` from `@dl/core`'s tfjs-free entry `@dl/core/random`),
 * and both lists are shuffled, so the same labels and `seed` give the same split on every
 * platform. Every index appears exactly once in `train` or `test`.
 *
 * Small classes round: a class of 1 sample with `testFraction: 0.5` goes wholly to `test`, with
 * `0.2` wholly to `train`.
 *
 * @param labels - the class of each sample: an array (or typed array) of strings, numbers or
 *   booleans, compared as `Map` keys (`===`, except that `NaN` is one class).
 * @param options - see {@link StratifiedSplitOptions}.
 * @param options.testFraction - share of each class in the test set, in (0, 1).
 * @param options.seed - seed for reproducible splits; default: random.
 * @returns shuffled `train` and `test` indices into `labels`.
 * @throws `ConfigError` (from `@dl/errors`, also exported by `@dl/core`; message `[@dl/data] ...`) when `testFraction` is missing or outside (0, 1),
 *   `seed` is not finite, or `labels` is not an array of strings, numbers or booleans.
 * @example
 * ```ts
 * import { stratifiedSplit } from '@dl/data';
 * const labels = ['ham', 'ham', 'ham', 'ham', 'spam', 'spam', 'ham', 'ham', 'spam', 'ham'];
 * const { train, test } = stratifiedSplit(labels, { testFraction: 0.3, seed: 42 });
 * test.length; // 3: round(0.3 * 7) = 2 'ham' + round(0.3 * 3) = 1 'spam'
 * train.length; // 7
 * const testLabels = test.map((i) => labels[i]);
 * ```
 */
export function stratifiedSplit(labels: ArrayLike<Label>, options: StratifiedSplitOptions): StratifiedSplitResult {
  const parsed = parseOptions(OptionsSchema, options, { package: 'data' });
  if (!isArrayOrTypedArray(labels)) throw invalidInput('labels', labels, 'an array of class labels');
  // Map keeps classes in order of first appearance, so the random draws happen in a fixed order.
  const classes = new Map<Label, number[]>();
  for (let index = 0; index < labels.length; index++) {
    const label = labels[index];
    if (typeof label !== 'string' && typeof label !== 'number' && typeof label !== 'boolean') {
      throw invalidInput(`labels.${index}`, label, 'a string, number or boolean label');
    }
    const members = classes.get(label);
    if (members === undefined) classes.set(label, [index]);
    else members.push(index);
  }

  const random = createSeededRandom(parsed.seed);
  const train: number[] = [];
  const test: number[] = [];
  for (const members of classes.values()) {
    random.shuffle(members);
    const testCount = Math.round(parsed.testFraction * members.length);
    members.forEach((index, position) => (position < testCount ? test : train).push(index));
  }
  return { train: random.shuffle(train), test: random.shuffle(test) };
}
