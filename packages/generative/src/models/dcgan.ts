import * as tf from '@tensorflow/tfjs';
import { parseOptions, seededInitializers, trainLoop, type TrainCallback, type TrainLoopHistory } from '@dl/core';
import * as v from 'valibot';
import { buildDiscriminator, buildGenerator } from './dcgan-networks.js';
import { checkTrainingImages, ganTrainStep, type GanParts } from './dcgan-train.js';

/** Options of {@link createDcgan}. */
export interface DcganOptions {
  /** Size of the noise vector z ~ N(0, I). Default 100 (the DCGAN paper). */
  readonly latentDim?: number;
  /** `[height, width, channels]` of the images; height and width multiples of `2 ** generatorFilters.length`. Default `[28, 28, 1]`. */
  readonly imageShape?: readonly [number, number, number];
  /**
   * Filters of the generator's stride-2 Conv2DTranspose stages, one stage (doubling the size) per
   * entry; the dense projection has `2 * generatorFilters[0]` channels. Default `[64, 32]`
   * (7×7×128 → 14×14×64 → 28×28×32 → 28×28×channels for 28×28 images).
   */
  readonly generatorFilters?: readonly number[];
  /** Filters of the discriminator's stride-2 convolutions, one per entry. Default `[64, 128]`. */
  readonly discriminatorFilters?: readonly number[];
  /** One-sided label smoothing: real images' target `1 - labelSmoothing`, in [0, 1). Default 0.1. */
  readonly labelSmoothing?: number;
  /** Adam's learning rate, both networks. Default 2e-4 (the DCGAN paper). */
  readonly learningRate?: number;
  /** Adam's beta1, both networks. Default 0.5 (the DCGAN paper: 0.9 made training oscillate). */
  readonly beta1?: number;
  /** Dropout after each discriminator convolution, in [0, 1). Default 0.3. */
  readonly dropout?: number;
  /** Seeds the initial weights, and, unless `train` gets its own, training's noise, dropout and shuffles. */
  readonly seed?: number;
}

/** Options of {@link Dcgan.train}. */
export interface DcganTrainOptions {
  /** Passes over the images. Default 1. */
  readonly epochs?: number;
  /** B: real images per step (and as many generated ones). Default 64. */
  readonly batchSize?: number;
  /** Shuffle the images every epoch. Default true. */
  readonly shuffle?: boolean;
  /** `model.fit`-style callbacks (e.g. `progressBar()` from @dl/core/node): epoch logs are `dLoss`, `gLoss`, `dReal`, `dFake`. */
  readonly callbacks?: TrainCallback | readonly TrainCallback[];
  /** Seeds noise, dropout and shuffles of this run. Default: the factory's `seed` (unseeded without one). */
  readonly seed?: number;
}

/** Options of {@link Dcgan.sample}. */
export interface DcganSampleOptions {
  /** Seed of the noise z; the same seed gives the same images. Default: unseeded. */
  readonly seed?: number;
}

/** What {@link createDcgan} returns. */
export interface Dcgan {
  /** Latent `[batch, latentDim]` → images `[batch, ...imageShape]` in [-1, 1]. A plain `tf.LayersModel` (saves and loads with tfjs). */
  readonly generator: tf.LayersModel;
  /** Images `[batch, ...imageShape]` → one logit per image `[batch, 1]` (real when > 0). */
  readonly discriminator: tf.LayersModel;
  /**
   * Trains with the alternating scheme inside @dl/core's `trainLoop`: per batch one discriminator
   * step on B real and B generated images, then one generator step through the frozen
   * discriminator. `images` are `[n, ...imageShape]` with values in [-1, 1].
   */
  train(images: tf.Tensor4D, options?: DcganTrainOptions): Promise<TrainLoopHistory>;
  /** `n` images `[n, ...imageShape]` in [-1, 1] from the generator in inference mode; the caller disposes them. */
  sample(n: number, options?: DcganSampleOptions): tf.Tensor4D;
  /** Disposes both models and both optimizers (their Adam moments). */
  dispose(): void;
}

const positive = v.pipe(v.number(), v.integer(), v.minValue(1));
const filterList = v.pipe(v.array(positive), v.minLength(1, 'at least one entry'));
const fraction = v.pipe(v.number(), v.minValue(0), v.ltValue(1, 'a number in [0, 1)'));
const OptionsSchema = v.strictObject({
  latentDim: v.optional(positive, 100),
  imageShape: v.optional(v.tuple([positive, positive, positive]), [28, 28, 1]),
  generatorFilters: v.optional(filterList, [64, 32]),
  discriminatorFilters: v.optional(filterList, [64, 128]),
  labelSmoothing: v.optional(fraction, 0.1),
  learningRate: v.optional(v.pipe(v.number(), v.finite(), v.gtValue(0)), 2e-4),
  beta1: v.optional(fraction, 0.5),
  dropout: v.optional(fraction, 0.3),
  seed: v.optional(v.pipe(v.number(), v.finite())),
});
const TrainSchema = v.strictObject({
  epochs: v.optional(positive, 1),
  batchSize: v.optional(positive, 64),
  shuffle: v.optional(v.boolean(), true),
  callbacks: v.optional(v.unknown()),
  seed: v.optional(v.pipe(v.number(), v.finite())),
});
const SampleSchema = v.strictObject({ seed: v.optional(v.pipe(v.number(), v.finite())) });

type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
const optionsMatchSchema: SameKeys<DcganOptions, v.InferInput<typeof OptionsSchema>> = true;
const trainMatchSchema: SameKeys<DcganTrainOptions, v.InferInput<typeof TrainSchema>> = true;
void optionsMatchSchema;
void trainMatchSchema;

/**
 * A DCGAN (Radford et al. 2016) that builds and trains. The generator maps z ~ N(0, I) through a
 * dense projection, BatchNorm and ReLU to a small feature map, then doubles it with stride-2
 * Conv2DTranspose stages (BatchNorm, ReLU) to exactly `imageShape`, ending in tanh; the
 * discriminator is stride-2 convolutions with LeakyReLU(0.2) and dropout down to one logit.
 * Kernels start from N(0, 0.02); both networks train with Adam(2e-4, beta1 0.5).
 *
 * Data is in [-1, 1], the range of tanh: `train` refuses images outside it, or with no negative
 * value (unscaled [0, 1] pixels, the bug of the seed's GAN), rather than silently learning to
 * tell real from fake by the pixel range. Map [0, 1] pixels with `images.mul(2).sub(1)`, and
 * samples back with `sample(n).add(1).div(2)`.
 *
 * Training is the real alternating scheme, one step per batch of B real images:
 * 1. discriminator step: B images from G (noise z, G in training mode: batch statistics, its
 *    BatchNorm running statistics left as they were), and the B real images, through D in one
 *    batch; {@link discriminatorLoss} (one-sided label smoothing); gradients and Adam update
 *    for D's variables only;
 * 2. generator step: fresh noise through G and D (D frozen: it gets no gradient or update;
 *    dropout stays on, as in Keras's combined model); the non-saturating {@link generatorLoss};
 *    gradients and Adam update for G's variables only, and G's BatchNorm running statistics
 *    move (they are what `sample` uses).
 * So a D step changes exactly D's weights, and a G step exactly G's weights and statistics.
 * The loop is @dl/core's `trainLoop`: callbacks, `History`, progress bars and early stopping work
 * as with `model.fit`, and a NaN loss stops training with the last good weights. Epoch logs:
 * `dLoss`, `gLoss`, `dReal` and `dFake` (mean σ(D) on real and on generated images; both near 0.5
 * when D cannot tell them apart, `dReal` → 1 and `dFake` → 0 when D wins).
 *
 * @param options - see {@link DcganOptions}; every option has a default (28×28×1 images).
 * @param options.latentDim - noise size, default 100.
 * @param options.imageShape - `[h, w, c]`, default `[28, 28, 1]`.
 * @param options.generatorFilters - generator stage filters, default `[64, 32]`.
 * @param options.discriminatorFilters - discriminator conv filters, default `[64, 128]`.
 * @param options.labelSmoothing - one-sided, default 0.1.
 * @param options.learningRate - Adam's, default 2e-4.
 * @param options.beta1 - Adam's, default 0.5.
 * @param options.dropout - discriminator dropout, default 0.3.
 * @param options.seed - initial weights (and default training seed).
 * @returns `{ generator, discriminator, train, sample, dispose }`.
 * @throws ConfigError naming the option: a misspelled or out-of-range one, or an `imageShape`
 *   the generator cannot reach (height and width must be multiples of `2 ** generatorFilters.length`;
 *   the message lists sizes that work).
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { createDcgan } from '@dl/generative';
 * import { loadFashionMnist } from '@dl/data/node';
 *
 * const { images, shape } = await loadFashionMnist({ split: 'train', normalize: true });
 * const x = tf.tidy(() => tf.tensor4d(images as Float32Array, [...shape, 1]).mul(2).sub(1)) as tf.Tensor4D; // [0, 1] -> [-1, 1]
 * const gan = createDcgan({ imageShape: [28, 28, 1], seed: 1 });
 * const history = await gan.train(x, { epochs: 5, batchSize: 64 });
 * history.history.dLoss; // one mean per epoch, likewise gLoss, dReal, dFake
 * const samples = gan.sample(16, { seed: 7 }); // [16, 28, 28, 1] in [-1, 1]
 * ```
 */
export function createDcgan(options: DcganOptions = {}): Dcgan {
  const o = parseOptions(OptionsSchema, options, { package: 'generative' });
  const init = seededInitializers(o.seed);
  const generator = buildGenerator(o, init);
  const discriminator = buildDiscriminator(o, init);
  const parts: GanParts = {
    generator,
    discriminator,
    generatorOptimizer: tf.train.adam(o.learningRate, o.beta1, 0.999),
    discriminatorOptimizer: tf.train.adam(o.learningRate, o.beta1, 0.999),
    latentDim: o.latentDim,
    labelSmoothing: o.labelSmoothing,
  };

  async function train(images: tf.Tensor4D, trainOptions: DcganTrainOptions = {}): Promise<TrainLoopHistory> {
    const t = parseOptions(TrainSchema, trainOptions, { package: 'generative' });
    await checkTrainingImages(images, o.imageShape);
    const count = images.shape[0];
    const batchesPerEpoch = Math.ceil(count / t.batchSize);
    function* batches(): Generator<tf.Tensor4D> {
      const order = Array.from({ length: count }, (_, i) => i);
      // Math.random: seeded by trainLoop's seed.
      if (t.shuffle) tf.util.shuffle(order);
      for (let start = 0; start < count; start += t.batchSize) {
        yield tf.tidy(() => tf.gather(images, tf.tensor1d(order.slice(start, start + t.batchSize), 'int32')) as tf.Tensor4D);
      }
    }
    const seed = t.seed ?? o.seed;
    return trainLoop((real: tf.Tensor4D) => ({ ...ganTrainStep(parts, real) }), {
      epochs: t.epochs,
      data: batches,
      batchesPerEpoch,
      batchSize: t.batchSize,
      models: [generator, discriminator],
      ...(t.callbacks === undefined ? {} : { callbacks: t.callbacks as TrainCallback | readonly TrainCallback[] }),
      ...(seed === undefined ? {} : { seed }),
    });
  }

  function sample(n: number, sampleOptions: DcganSampleOptions = {}): tf.Tensor4D {
    const count = parseOptions(v.strictObject({ n: positive }), { n }, { package: 'generative' }).n;
    const { seed } = parseOptions(SampleSchema, sampleOptions, { package: 'generative' });
    return tf.tidy(() => generator.predict(tf.randomNormal([count, o.latentDim], 0, 1, 'float32', seed)) as tf.Tensor4D);
  }

  return {
    generator,
    discriminator,
    train,
    sample,
    dispose() {
      generator.dispose();
      discriminator.dispose();
      parts.generatorOptimizer.dispose();
      parts.discriminatorOptimizer.dispose();
    },
  };
}
