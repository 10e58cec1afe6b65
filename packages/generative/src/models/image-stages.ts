import * as tf from '@tensorflow/tfjs';
import { ConfigError, type SeededInitializers } from '@dl/core';

/** The spatial size at the bottom of a stack of stride-2 stages; see {@link planImageStages}. */
export interface ImageStagesPlan {
  /** `imageShape[0] / 2 ** stages`. */
  readonly baseHeight: number;
  /** `imageShape[1] / 2 ** stages`. */
  readonly baseWidth: number;
}

/**
 * The spatial size at the bottom of `stages` stride-2 stages for images of `imageShape`: a
 * generator or decoder starts there (after its dense projection) and doubles the size at every
 * stage, so it reaches exactly `imageShape` only when height and width are multiples of
 * `2 ** stages`. Anything else is refused here, before a layer is built, with a ConfigError that
 * names `field` and lists sizes that work near the one given.
 *
 * @param imageShape - `[height, width, channels]`.
 * @param stages - how many stride-2 stages (an integer >= 0).
 * @param field - the option to name in the error (e.g. `'imageShape'`).
 * @returns `{ baseHeight, baseWidth }`.
 * @throws ConfigError (path `field`) when height or width is not a multiple of `2 ** stages`, e.g.
 *   "expected height and width multiples of 4 (2 stride-2 stages): 24, 28, 32, 36, got 30x30".
 * @example
 * ```ts
 * import { planImageStages } from '@dl/generative';
 * planImageStages([28, 28, 1], 2, 'imageShape'); // { baseHeight: 7, baseWidth: 7 }
 * planImageStages([64, 32, 3], 3, 'imageShape'); // { baseHeight: 8, baseWidth: 4 }
 * planImageStages([30, 30, 1], 2, 'imageShape'); // throws ConfigError: ... multiples of 4 (2 stride-2 stages): 24, 28, 32, 36 ...
 * ```
 */
export function planImageStages(imageShape: readonly [number, number, number], stages: number, field: string): ImageStagesPlan {
  if (!Number.isInteger(stages) || stages < 0) {
    throw new ConfigError({ package: 'generative', path: 'stages', value: stages, expected: 'an integer >= 0' });
  }
  const [height, width] = imageShape;
  const factor = 2 ** stages;
  if (height % factor === 0 && width % factor === 0 && height >= factor && width >= factor) {
    return { baseHeight: height / factor, baseWidth: width / factor };
  }
  const bad = height % factor !== 0 || height < factor ? height : width;
  throw new ConfigError({
    package: 'generative',
    path: field,
    value: `${height}x${width}`,
    expected: `height and width multiples of ${factor} (${stages} stride-2 stage${stages === 1 ? '' : 's'}, each doubling the size): ${nearbyMultiples(bad, factor).join(', ')}, ...; or change the number of stages`,
  });
}

/** Two multiples of `factor` below `value` (when >= factor) and two above. */
function nearbyMultiples(value: number, factor: number): number[] {
  const below = Math.floor(value / factor);
  const first = Math.max(1, below - 1);
  return Array.from({ length: 4 }, (_, i) => (first + i) * factor);
}

/** Options of {@link upsamplingStack}. */
export interface UpsamplingStackOptions {
  /** Filters of each stride-2 Conv2DTranspose stage, in order; one stage per entry (may be empty). */
  readonly filters: readonly number[];
  /** Channels of the output image (the final layer's filters). */
  readonly channels: number;
  /** BatchNorm after each stage's transposed convolution, before its ReLU (the convolution then has no bias). */
  readonly batchNorm: boolean;
  /** Activation of the final layer: `'tanh'` for data in [-1, 1] (GAN), `'sigmoid'` for [0, 1] (Bernoulli VAE), `'linear'` for logits. */
  readonly outputActivation: 'tanh' | 'sigmoid' | 'linear';
  /** Initializers (see `seededInitializers` of @dl/core); each layer takes the next one. */
  readonly init: SeededInitializers;
  /** Prefix of the layer names: `${namePrefix}_up1`, `${namePrefix}_up1_bn`, ..., `${namePrefix}_output`. */
  readonly namePrefix: string;
  /** Kernel size of every transposed convolution: 4 (default; divisible by the stride, so no checkerboard overlap) or 5 (TensorFlow's DCGAN tutorial). */
  readonly kernelSize?: 4 | 5;
  /** Kernel initializer: `'glorotUniform'` (default) or, as in the DCGAN paper, `'dcgan'` (normal, stddev 0.02). */
  readonly kernelInitializer?: 'glorotUniform' | 'dcgan';
}

/**
 * The upsampling half of a generator or decoder: one stage per entry of `filters`, each a
 * Conv2DTranspose (stride 2, 'same' padding: exactly doubles height and width) followed by
 * BatchNorm (optional) and ReLU, then a final Conv2DTranspose with stride 1 to `channels` with
 * `outputActivation`. From `[h, w, c]` it gives `[h * 2 ** filters.length, w * 2 ** filters.length, channels]`;
 * plan `h` and `w` with {@link planImageStages}.
 *
 * @param x - the input feature map `[batch, h, w, c]` (a symbolic tensor).
 * @param options - see {@link UpsamplingStackOptions}.
 * @param options.filters - filters of each stride-2 stage.
 * @param options.channels - output channels.
 * @param options.batchNorm - BatchNorm after each stage.
 * @param options.outputActivation - the final activation.
 * @param options.init - seeded initializers.
 * @param options.namePrefix - prefix of the layer names.
 * @param options.kernelSize - 4 (default) or 5.
 * @param options.kernelInitializer - `'glorotUniform'` (default) or `'dcgan'`.
 * @returns the output symbolic tensor.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { seededInitializers } from '@dl/core';
 * import { planImageStages, upsamplingStack } from '@dl/generative';
 * const { baseHeight, baseWidth } = planImageStages([28, 28, 1], 2, 'imageShape'); // 7 x 7
 * const z = tf.input({ shape: [16] });
 * const projected = tf.layers.dense({ units: baseHeight * baseWidth * 64 }).apply(z) as tf.SymbolicTensor;
 * const x = tf.layers.reshape({ targetShape: [baseHeight, baseWidth, 64] }).apply(projected) as tf.SymbolicTensor;
 * const image = upsamplingStack(x, { filters: [64, 32], channels: 1, batchNorm: true, outputActivation: 'sigmoid', init: seededInitializers(1), namePrefix: 'decoder' });
 * image.shape; // [null, 28, 28, 1]
 * ```
 */
export function upsamplingStack(x: tf.SymbolicTensor, options: UpsamplingStackOptions): tf.SymbolicTensor {
  const { filters, channels, batchNorm, outputActivation, init, namePrefix } = options;
  const kernelSize = options.kernelSize ?? 4;
  const kernel = (): ReturnType<SeededInitializers['next']> =>
    options.kernelInitializer === 'dcgan' ? init.next('randomNormal', { mean: 0, stddev: 0.02 }) : init.next('glorotUniform');
  let y = x;
  filters.forEach((stageFilters, index) => {
    const name = `${namePrefix}_up${index + 1}`;
    y = tf.layers
      .conv2dTranspose({ filters: stageFilters, kernelSize, strides: 2, padding: 'same', useBias: !batchNorm, kernelInitializer: kernel(), name })
      .apply(y) as tf.SymbolicTensor;
    if (batchNorm) y = tf.layers.batchNormalization({ name: `${name}_bn` }).apply(y) as tf.SymbolicTensor;
    y = tf.layers.reLU({ name: `${name}_relu` }).apply(y) as tf.SymbolicTensor;
  });
  return tf.layers
    .conv2dTranspose({ filters: channels, kernelSize, strides: 1, padding: 'same', activation: outputActivation, kernelInitializer: kernel(), name: `${namePrefix}_output` })
    .apply(y) as tf.SymbolicTensor;
}
