import { createSeededRandom } from '@dl/core/random';
import { parseOptions } from '@dl/errors';
import * as v from 'valibot';

/** Options of {@link addingProblem}. */
export interface AddingProblemOptions {
  /** Timesteps per sequence, T: an integer >= 2 (the markers need a first and a second half). Required. */
  readonly length: number;
  /** Number of sequences: an integer >= 1. Required. */
  readonly count: number;
  /** Seed of the draws; the same options give the same data on every platform. Default: a random seed. */
  readonly seed?: number;
}

/** Sequences and targets of the adding problem, as plain typed arrays (row-major). */
export interface AddingProblemData {
  /**
   * `[count, length, 2]`: step `t` of sequence `i` is `(value, marker)` at
   * `inputs[(i * length + t) * 2]` and `inputs[(i * length + t) * 2 + 1]`.
   */
  readonly inputs: Float32Array;
  /** `[count]`: the sum of the two marked values of each sequence. */
  readonly targets: Float32Array;
  /** Shape of `inputs`, `[count, length, 2]`, e.g. for `tf.tensor3d(inputs, shape)`. */
  readonly shape: readonly [count: number, length: number, features: 2];
}

/** Typed arrays index with 32-bit lengths in some engines: stay below 2^31 elements. */
const maxElements = 2 ** 31 - 1;

const OptionsSchema = v.pipe(
  v.strictObject({
    length: v.pipe(v.number(), v.integer(), v.minValue(2)),
    count: v.pipe(v.number(), v.integer(), v.minValue(1)),
    seed: v.optional(v.pipe(v.number(), v.finite())),
  }),
  v.forward(
    v.check((o) => o.count * o.length * 2 <= maxElements, `a count with count * length * 2 <= ${maxElements} (one typed array holds the inputs)`),
    ['count'],
  ),
);

/**
 * Generates the adding problem, the standard test of memory over long sequences
 * (Hochreiter & Schmidhuber 1997, "Long short-term memory", Experiment 4), in the form of
 * Le, Jaitly & Hinton 2015 ("A Simple Way to Initialize Recurrent Networks of Rectified Linear
 * Units", section 4.1): each sequence has `length` steps of two features, a value drawn
 * uniformly from [0, 1) and a marker that is 0 except at exactly two steps, one drawn uniformly
 * from the first half of the sequence (steps `0 .. floor(length / 2) - 1`) and one from the
 * second half (steps `floor(length / 2) .. length - 1`). The target is the sum of the two marked
 * values.
 *
 * A model must remember the first marked value across at least `length / 2` steps to do better
 * than predicting the mean: the constant prediction 1.0 has an expected mean squared error of
 * 1/6 (about 0.167, the variance of the sum of two independent U(0, 1) draws), the baseline that
 * Le et al. quote. (Hochreiter & Schmidhuber's original draws values from [-1, 1], puts the first
 * marker in the first ten steps and scales the target to 0.5 + (x1 + x2) / 4; this is the variant
 * that later papers, and Keras and PyTorch examples, use.)
 *
 * Plain TypeScript, no tfjs: draws come from `createSeededRandom` (`@dl/core/random`), per
 * sequence the `length` values in step order, then the first marker's step, then the second's.
 * Values are multiples of 2^-24 (exact in float32, so never rounded up to 1); targets are the
 * float32 sum of the two stored values.
 *
 * @param options - see {@link AddingProblemOptions}.
 * @param options.length - timesteps per sequence (T), an integer >= 2.
 * @param options.count - number of sequences, an integer >= 1.
 * @param options.seed - seed for reproducible data; default: random.
 * @returns `inputs` (`[count, length, 2]`), `targets` (`[count]`) and `shape`.
 * @throws `ConfigError` (from `@dl/errors`; message `[@dl/data] ...`) naming the option when
 *   `length` or `count` is missing, not an integer or too small, `seed` is not finite, the data
 *   would not fit one typed array, or an option is misspelled.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { addingProblem } from '@dl/data';
 *
 * const { inputs, targets, shape } = addingProblem({ length: 100, count: 1000, seed: 1 });
 * shape; // [1000, 100, 2]
 * const x = tf.tensor3d(inputs, [...shape]); // values and markers
 * const y = tf.tensor2d(targets, [shape[0], 1]); // one sum per sequence, in [0, 2)
 * // Predicting 1.0 for every sequence: mean squared error close to 1/6.
 * targets.reduce((sum, t) => sum + (t - 1) ** 2, 0) / targets.length; // about 0.167
 * ```
 */
export function addingProblem(options: AddingProblemOptions): AddingProblemData {
  const { length, count, seed } = parseOptions(OptionsSchema, options, { package: 'data' });
  const random = createSeededRandom(seed);
  const inputs = new Float32Array(count * length * 2);
  const targets = new Float32Array(count);
  const half = Math.floor(length / 2);
  for (let sample = 0; sample < count; sample++) {
    const offset = sample * length * 2;
    // A multiple of 2^-24 is exact in float32: rounding a double near 1 would give 1.0, outside [0, 1).
    for (let step = 0; step < length; step++) inputs[offset + step * 2] = Math.floor(random.next() * 2 ** 24) / 2 ** 24;
    const first = random.nextInt(half);
    const second = half + random.nextInt(length - half);
    inputs[offset + first * 2 + 1] = 1;
    inputs[offset + second * 2 + 1] = 1;
    targets[sample] = (inputs[offset + first * 2] as number) + (inputs[offset + second * 2] as number);
  }
  return { inputs, targets, shape: [count, length, 2] };
}
