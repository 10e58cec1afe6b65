import * as tf from '@tensorflow/tfjs';
import { ConfigError, parseOptions, ShapeError } from '@dl/core';
import * as v from 'valibot';
import { inceptionScoreFromProbabilities } from '../theory/sample-metrics.js';

/** Anything with a `predict` that gives class probabilities: a `tf.LayersModel` ending in softmax, a `tf.GraphModel`. */
export interface ProbabilityClassifier {
  predict(x: tf.Tensor): tf.Tensor | tf.Tensor[];
}

/** Options of {@link classifierScores}. */
export interface ClassifierScoresOptions {
  /** A class counts as covered by an image whose top probability is above this, in [0, 1). Default 0.9. */
  readonly confidence?: number;
  /** Images per `predict` call. Default 256. */
  readonly batchSize?: number;
}

/** What {@link classifierScores} returns. */
export interface ClassifierScores {
  /**
   * The Inception-Score analogue `exp(E_x[KL(p(y|x) || p(y))])`, with `p(y)` the mean of
   * `p(y|x)` over the images: between 1 (every image gets the same distribution) and the number
   * of classes (every image confidently one class, and the classes equally often).
   */
  readonly inceptionScore: number;
  /** How many classes are the confident top class (probability > `confidence`) of at least one image. */
  readonly coverage: number;
  /** Per class: images whose top class it is with probability > `confidence`. Sums to at most the number of images. */
  readonly classCounts: number[];
}

const OptionsSchema = v.strictObject({
  confidence: v.optional(v.pipe(v.number(), v.minValue(0), v.ltValue(1, 'a number in [0, 1)')), 0.9),
  batchSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 256),
});

/**
 * Sample quality measured with a classifier, for generators of labelled kinds of images (the
 * Inception Score of Salimans et al. 2016 with a domain classifier in place of Inception, as is
 * usual for MNIST-like data). Two numbers, each with a failure it shows:
 * - `inceptionScore = exp(E_x[KL(p(y|x) || p(y))])`: high when each image is clearly one class
 *   (sharp `p(y|x)`) and the classes are varied (flat `p(y)`);
 * - `coverage`, the number of classes that appear with confidence > `confidence`: mode collapse
 *   (a generator making a few kinds of images) shows as low coverage and skewed `classCounts`.
 * Compare with the same scores on real images of the same count: a classifier scores real data
 * below the number of classes too.
 *
 * The probabilities are accumulated in float64; `0 · log 0` counts as 0. The classifier sees
 * `images` as given: scale them to what it was trained on (generator output in [-1, 1] to
 * [0, 1] pixels: `images.add(1).div(2)`).
 *
 * @param classifier - gives `[n, classes]` probabilities (rows summing to 1) for `images`.
 * @param images - a batch the classifier takes, e.g. `[n, 28, 28, 1]`; not disposed.
 * @param options - see {@link ClassifierScoresOptions}.
 * @param options.confidence - threshold of `coverage` and `classCounts`, default 0.9.
 * @param options.batchSize - images per `predict` call, default 256.
 * @returns `{ inceptionScore, coverage, classCounts }`.
 * @throws ConfigError for a bad option, or when the classifier's outputs are not probabilities
 *   (negative, or rows not summing to 1 within 1e-3: end it in softmax); ShapeError when they
 *   are not `[n, classes >= 2]`.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { createConvClassifier } from '@dl/conv';
 * import { classifierScores, createDcgan } from '@dl/generative';
 * const classifier = createConvClassifier({ inputShape: [28, 28, 1], numClasses: 10, seed: 1 });
 * await classifier.fit(trainPixels, trainLabels, { epochs: 3, batchSize: 64 }); // Fashion-MNIST, pixels in [0, 1]
 * const gan = createDcgan({ seed: 1 });
 * await gan.train(trainPixels.mul(2).sub(1), { epochs: 10 });
 * const samples = tf.tidy(() => gan.sample(1000, { seed: 1 }).add(1).div(2));
 * classifierScores(classifier, samples, { confidence: 0.9 });
 * // { inceptionScore: 6.1, coverage: 10, classCounts: [71, 80, ...] } (numbers for illustration)
 * ```
 */
export function classifierScores(classifier: ProbabilityClassifier, images: tf.Tensor, options: ClassifierScoresOptions = {}): ClassifierScores {
  const { confidence, batchSize } = parseOptions(OptionsSchema, options, { package: 'generative' });
  if (typeof (classifier as ProbabilityClassifier | undefined)?.predict !== 'function') {
    throw new ConfigError({ package: 'generative', path: 'classifier', value: classifier, expected: 'a model with predict(images) giving class probabilities (a tf.LayersModel ending in softmax)' });
  }
  if (!(images instanceof tf.Tensor) || images.rank < 1 || images.shape[0] === 0) {
    throw new ConfigError({ package: 'generative', path: 'images', value: images instanceof tf.Tensor ? `a tensor of shape [${images.shape.join(', ')}]` : images, expected: 'a non-empty batch of images (a tf.Tensor)' });
  }
  const rows = predictProbabilities(classifier, images, batchSize);
  return scoresFromProbabilities(rows, confidence);
}

/** `p(y|x)` for every image, as float64 rows, checked. */
function predictProbabilities(classifier: ProbabilityClassifier, images: tf.Tensor, batchSize: number): Float64Array[] {
  const count = images.shape[0]!;
  const rows: Float64Array[] = [];
  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start);
    const probabilities = tf.tidy(() => {
      const output = classifier.predict(tf.slice(images, start, size));
      return Array.isArray(output) ? output[0]! : output;
    });
    try {
      if (probabilities.rank !== 2 || probabilities.shape[0] !== size || probabilities.shape[1]! < 2) {
        throw new ShapeError({ package: 'generative', argument: 'classifier output', expected: `[${size}, classes >= 2] class probabilities`, actual: probabilities.shape });
      }
      const classes = probabilities.shape[1]!;
      const values = probabilities.dataSync();
      for (let i = 0; i < size; i += 1) {
        const row = Float64Array.from(values.subarray(i * classes, (i + 1) * classes));
        const sum = row.reduce((total, p) => total + p, 0);
        if (row.some((p) => !(p >= 0)) || Math.abs(sum - 1) > 1e-3) {
          throw new ConfigError({ package: 'generative', path: 'classifier', value: `an output row [${Array.from(row, (p) => p.toPrecision(3)).join(', ')}] (sum ${sum.toPrecision(4)})`, expected: 'class probabilities: non-negative rows summing to 1 (end the model in softmax)' });
        }
        rows.push(row);
      }
    } finally {
      probabilities.dispose();
    }
  }
  return rows;
}

/**
 * The scores of probability rows (each already checked to sum to 1 within 1e-3): the
 * Inception-Score analogue from {@link inceptionScoreFromProbabilities} (rows renormalized
 * in float64), and the confident top class of each row counted per class.
 */
function scoresFromProbabilities(rows: readonly Float64Array[], confidence: number): ClassifierScores {
  const classCounts = Array.from({ length: rows[0]!.length }, () => 0);
  const normalized = rows.map((row) => {
    const sum = row.reduce((total, p) => total + p, 0);
    let top = 0;
    row.forEach((p, k) => {
      if (p > row[top]!) top = k;
    });
    if (row[top]! > confidence) classCounts[top]! += 1;
    return Array.from(row, (p) => p / sum);
  });
  return {
    inceptionScore: inceptionScoreFromProbabilities(normalized),
    coverage: classCounts.filter((count) => count > 0).length,
    classCounts,
  };
}
