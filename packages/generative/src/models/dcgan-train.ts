import * as tf from '@tensorflow/tfjs';
import { ConfigError, ShapeError } from '@dl/core';
import { discriminatorLoss, generatorLoss } from '../ops/gan-losses.js';

/** The losses and discriminator outputs of one {@link ganTrainStep}. */
export interface GanStepLogs {
  /** Discriminator loss on the B real and B generated images (before its update). */
  readonly dLoss: tf.Scalar;
  /** Generator loss, non-saturating, through the discriminator after its update. */
  readonly gLoss: tf.Scalar;
  /** Mean `σ(D(x))` over the real images of the D step. */
  readonly dReal: tf.Scalar;
  /** Mean `σ(D(G(z)))` over the generated images of the D step. */
  readonly dFake: tf.Scalar;
}

/** The parts one GAN step works on. */
export interface GanParts {
  readonly generator: tf.LayersModel;
  readonly discriminator: tf.LayersModel;
  readonly generatorOptimizer: tf.Optimizer;
  readonly discriminatorOptimizer: tf.Optimizer;
  readonly latentDim: number;
  readonly labelSmoothing: number;
}

const variablesOf = (model: tf.LayersModel): tf.Variable[] => model.trainableWeights.map((weight) => weight.read() as tf.Variable);

/**
 * Runs `fn` and puts the model's non-trainable weights (BatchNorm moving mean and variance) back
 * as they were: a training-mode forward pass updates them, and the D step's pass through the
 * generator is not the generator's to learn from.
 */
export function keepingStatistics<T>(model: tf.LayersModel, fn: () => T): T {
  const saved = model.nonTrainableWeights.map((weight) => weight.read().clone());
  try {
    return fn();
  } finally {
    model.nonTrainableWeights.forEach((weight, index) => weight.write(saved[index]!));
    tf.dispose(saved);
  }
}

/** The discriminator step alone: B real and B generated images, only D's variables updated. */
export function discriminatorStep(parts: GanParts, real: tf.Tensor4D): Omit<GanStepLogs, 'gLoss'> {
  const { generator, discriminator, discriminatorOptimizer, latentDim, labelSmoothing } = parts;
  const batch = real.shape[0];
  // Batch statistics in the generator, as in training (G's BatchNorm in inference mode would
  // show D images G never makes in its own step), without moving G's running statistics.
  const fake = keepingStatistics(generator, () => tf.tidy(() => generator.apply(tf.randomNormal([batch, latentDim]), { training: true }) as tf.Tensor));
  let dReal: tf.Scalar | undefined;
  let dFake: tf.Scalar | undefined;
  try {
    const dLoss = discriminatorOptimizer.minimize(
      () => {
        // One pass over both halves: the discriminator has no BatchNorm, so mixing them is exact.
        const logits = discriminator.apply(tf.concat([real, fake]), { training: true }) as tf.Tensor;
        const [realLogits, fakeLogits] = tf.split(logits, [batch, batch]);
        dReal = tf.keep(tf.mean(tf.sigmoid(realLogits!)) as tf.Scalar);
        dFake = tf.keep(tf.mean(tf.sigmoid(fakeLogits!)) as tf.Scalar);
        return discriminatorLoss(realLogits!, fakeLogits!, { labelSmoothing });
      },
      true,
      variablesOf(discriminator),
    )!;
    return { dLoss, dReal: dReal!, dFake: dFake! };
  } finally {
    fake.dispose();
  }
}

/**
 * The generator step alone: fresh noise through G and a frozen D (dropout still active, as in
 * training), gradients and updates only for G's variables; G's BatchNorm statistics move.
 */
export function generatorStep(parts: GanParts, batch: number): tf.Scalar {
  const { generator, discriminator, generatorOptimizer, latentDim } = parts;
  return generatorOptimizer.minimize(
    () => {
      const fake = generator.apply(tf.randomNormal([batch, latentDim]), { training: true }) as tf.Tensor;
      return generatorLoss(discriminator.apply(fake, { training: true }) as tf.Tensor);
    },
    true,
    variablesOf(generator),
  )!;
}

/**
 * One step of the alternating scheme (Goodfellow et al. 2014, Algorithm 1, k = 1): a
 * discriminator step on the B real images and B generated ones, then a generator step through
 * the updated, frozen discriminator.
 */
export function ganTrainStep(parts: GanParts, real: tf.Tensor4D): GanStepLogs {
  const d = discriminatorStep(parts, real);
  const gLoss = generatorStep(parts, real.shape[0]);
  return { ...d, gLoss };
}

/**
 * Checks the training images: `[n, ...imageShape]` (ShapeError) and values in [-1, 1] with some
 * below 0 (ConfigError): the generator's tanh makes [-1, 1], and images left in [0, 1] (the seed's
 * bug) would let the discriminator tell real from fake by the sign of the pixels alone.
 */
export async function checkTrainingImages(images: tf.Tensor, imageShape: readonly [number, number, number]): Promise<void> {
  if (!(images instanceof tf.Tensor)) {
    throw new ConfigError({ package: 'generative', path: 'images', value: images, expected: `a tf.Tensor4D [n, ${imageShape.join(', ')}] with values in [-1, 1]` });
  }
  if (images.rank !== 4 || images.shape.slice(1).some((size, axis) => size !== imageShape[axis]) || images.shape[0] === 0) {
    throw new ShapeError({ package: 'generative', argument: 'images', expected: `[n >= 1, ${imageShape.join(', ')}] (imageShape)`, actual: images.shape });
  }
  // Read asynchronously: webgpu in Node has no synchronous read.
  const range = tf.tidy(() => tf.stack([tf.min(images), tf.max(images)]));
  const [min, max] = (await range.data()) as unknown as [number, number];
  range.dispose();
  const scaleHint = 'scale pixels p in [0, 1] with p * 2 - 1 (images.mul(2).sub(1)), or bytes b with b / 127.5 - 1';
  if (!(min >= -1 && max <= 1)) {
    throw new ConfigError({ package: 'generative', path: 'images', value: `values in [${min}, ${max}]`, expected: `values in [-1, 1], the range of the generator's tanh: ${scaleHint}` });
  }
  if (min >= 0) {
    throw new ConfigError({ package: 'generative', path: 'images', value: `values in [${min}, ${max}], none negative`, expected: `images scaled to [-1, 1] (these look like [0, 1] pixels; the generator's tanh makes [-1, 1]): ${scaleHint}` });
  }
}
