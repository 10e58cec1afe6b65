import * as tf from '@tensorflow/tfjs';
import type { SeededInitializers } from '@dl/core';
import { planImageStages, upsamplingStack } from './image-stages.js';

/** What {@link buildGenerator} and {@link buildDiscriminator} need (parsed DCGAN options). */
export interface DcganNetworkSettings {
  readonly latentDim: number;
  readonly imageShape: readonly [number, number, number];
  readonly generatorFilters: readonly number[];
  readonly discriminatorFilters: readonly number[];
  readonly dropout: number;
}

/** The DCGAN paper's initialisation (Radford et al. 2016): every kernel from N(0, 0.02). */
const dcganKernel = (init: SeededInitializers): ReturnType<SeededInitializers['next']> => init.next('randomNormal', { mean: 0, stddev: 0.02 });

/**
 * Generator: latent `[batch, latentDim]` → dense (no bias) → BatchNorm → ReLU → reshape to
 * `[h / 2^k, w / 2^k, 2 * generatorFilters[0]]` → k Conv2DTranspose stages (stride 2, BatchNorm,
 * ReLU) → Conv2DTranspose to the image's channels with tanh: exactly `imageShape`, in [-1, 1].
 * The size is checked first (ConfigError on `imageShape`).
 */
export function buildGenerator(settings: DcganNetworkSettings, init: SeededInitializers): tf.LayersModel {
  const { latentDim, imageShape, generatorFilters } = settings;
  const { baseHeight, baseWidth } = planImageStages(imageShape, generatorFilters.length, 'imageShape');
  const projected = 2 * generatorFilters[0]!;
  const latent = tf.input({ shape: [latentDim], name: 'latent' });
  let x = tf.layers.dense({ units: baseHeight * baseWidth * projected, useBias: false, kernelInitializer: dcganKernel(init), name: 'generator_project' }).apply(latent) as tf.SymbolicTensor;
  x = tf.layers.batchNormalization({ name: 'generator_project_bn' }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.reLU({ name: 'generator_project_relu' }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.reshape({ targetShape: [baseHeight, baseWidth, projected], name: 'generator_reshape' }).apply(x) as tf.SymbolicTensor;
  const image = upsamplingStack(x, { filters: generatorFilters, channels: imageShape[2], batchNorm: true, outputActivation: 'tanh', init, namePrefix: 'generator', kernelInitializer: 'dcgan' });
  return tf.model({ inputs: latent, outputs: image, name: 'generator' });
}

/**
 * Discriminator: images `imageShape` → per entry of `discriminatorFilters` a 4×4 conv with
 * stride 2 ('same') → LeakyReLU(0.2) → dropout, then flatten → dense to one logit (no sigmoid:
 * the losses take logits). No BatchNorm, so a batch of real and generated images can go through
 * it together and its only state is its trainable weights.
 */
export function buildDiscriminator(settings: DcganNetworkSettings, init: SeededInitializers): tf.LayersModel {
  const { imageShape, discriminatorFilters, dropout } = settings;
  const images = tf.input({ shape: [...imageShape], name: 'images' });
  let x: tf.SymbolicTensor = images;
  discriminatorFilters.forEach((filters, index) => {
    const name = `discriminator_conv${index + 1}`;
    x = tf.layers.conv2d({ filters, kernelSize: 4, strides: 2, padding: 'same', kernelInitializer: dcganKernel(init), name }).apply(x) as tf.SymbolicTensor;
    x = tf.layers.leakyReLU({ alpha: 0.2, name: `${name}_leaky_relu` }).apply(x) as tf.SymbolicTensor;
    // No seed: a tfjs dropout layer with a seed draws the same mask on every call. Unseeded, it
    // follows Math.random, which `train` seeds.
    if (dropout > 0) x = tf.layers.dropout({ rate: dropout, name: `${name}_dropout` }).apply(x) as tf.SymbolicTensor;
  });
  x = tf.layers.flatten({ name: 'discriminator_flatten' }).apply(x) as tf.SymbolicTensor;
  const logit = tf.layers.dense({ units: 1, kernelInitializer: dcganKernel(init), name: 'discriminator_logit' }).apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: images, outputs: logit, name: 'discriminator' });
}
