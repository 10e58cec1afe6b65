import * as tf from '@tensorflow/tfjs';
import { ConfigError, createSeededRandom, ShapeError } from '@dl/core';

/** Throws unless `images` is a float tensor `[n, ...imageShape]` with n >= 1 (ConfigError for a non-tensor, ShapeError for a wrong shape). */
export function requireImages(images: unknown, imageShape: readonly [number, number, number], argument: string): asserts images is tf.Tensor4D {
  if (!(images instanceof tf.Tensor)) {
    throw new ConfigError({ package: 'generative', path: argument, value: images, expected: `a tf.Tensor4D [n, ${imageShape.join(', ')}]` });
  }
  const [, ...rest] = images.shape;
  if (images.rank !== 4 || images.shape[0] === 0 || rest.some((size: number, i: number) => size !== imageShape[i])) {
    throw new ShapeError({ package: 'generative', argument, expected: `[n, ${imageShape.join(', ')}] with n >= 1 (the VAE's imageShape)`, actual: images.shape });
  }
}

/**
 * Rejects (ConfigError) unless every pixel is in [0, 1]: the Bernoulli likelihood's cross-entropy
 * is meaningless outside. Reads the range asynchronously (webgpu in Node has no synchronous read).
 */
export async function requireUnitRange(images: tf.Tensor, argument: string): Promise<void> {
  const range = tf.tidy(() => tf.stack([tf.min(images), tf.max(images)]));
  const [low, high] = await range.data();
  range.dispose();
  if (!(low! >= 0 && high! <= 1)) {
    throw new ConfigError({ package: 'generative', path: argument, value: `pixels in [${low}, ${high}]`, expected: 'pixel values in [0, 1] (the decoder models Bernoulli pixels: divide 8-bit images by 255)' });
  }
}

/** Throws unless `z` is a tensor `[n, latentDim]`. */
export function requireLatent(z: unknown, latentDim: number, argument: string): asserts z is tf.Tensor2D {
  if (!(z instanceof tf.Tensor)) {
    throw new ConfigError({ package: 'generative', path: argument, value: z, expected: `a tf.Tensor2D [n, ${latentDim}]` });
  }
  if (z.rank !== 2 || z.shape[1] !== latentDim) {
    throw new ShapeError({ package: 'generative', argument, expected: `[n, ${latentDim}] (the VAE's latentDim)`, actual: z.shape });
  }
}

/**
 * Standard-normal latent noise `[n, latentDim]`: seeded (`seed` any finite number; tfjs reads a
 * seed of 0 as none, so the seed passes through a seeded stream first) or, without a seed,
 * from `Math.random`.
 */
export function latentNoise(n: number, latentDim: number, seed: number | undefined): tf.Tensor2D {
  const tfSeed = seed === undefined ? undefined : createSeededRandom(seed).nextSeed() + 1;
  return tf.randomNormal([n, latentDim], 0, 1, 'float32', tfSeed);
}
