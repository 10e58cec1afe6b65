import * as tf from '@tensorflow/tfjs';
import { parseOptions } from '@dl/core';
import * as v from 'valibot';
import { latentNoise } from './vae-inputs.js';
import { vaeLossTerms } from './vae-loss.js';
import type { VaeNetworks } from './vae-networks.js';

/** What a VAE's `evaluate` returns: means per image over the evaluated images, in nats. */
export interface VaeEvaluation {
  /** `reconstruction + kl`: the negative ELBO, an upper bound on `-log p(x)` (β plays no part here). */
  readonly negativeElbo: number;
  /** Binary cross-entropy summed over the pixels of an image (one latent sample per image). */
  readonly reconstruction: number;
  /** `KL(q(z|x) ‖ N(0, I))` in closed form. */
  readonly kl: number;
  /** How many images were evaluated. */
  readonly images: number;
}

/** Options of a VAE's `evaluate`. */
export interface VaeEvaluateOptions {
  /** Images per forward pass (memory only; the result does not depend on it). Default 256. */
  readonly batchSize?: number;
  /** Seed of the latent noise ε: the same seed gives the same numbers. Default 0. */
  readonly seed?: number;
}

const EvaluateOptionsSchema = v.strictObject({
  batchSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 256),
  seed: v.optional(v.pipe(v.number(), v.finite()), 0),
});

type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
const optionsMatchSchema: SameKeys<VaeEvaluateOptions, v.InferInput<typeof EvaluateOptionsSchema>> = true;
void optionsMatchSchema;

/** Parses {@link VaeEvaluateOptions} (strict keys), throwing a ConfigError naming the field. */
export function parseEvaluateOptions(options: VaeEvaluateOptions): v.InferOutput<typeof EvaluateOptionsSchema> {
  return parseOptions(EvaluateOptionsSchema, options, { package: 'generative' });
}

/**
 * The negative ELBO per image and its two parts, averaged over `images`, in inference mode, with
 * z = mean + exp(logVar / 2) · ε and ε = `latentNoise(n, latentDim, seed)` drawn once for all
 * images (so the numbers do not depend on `batchSize`). Sums are accumulated in float64.
 */
export async function evaluateVae(networks: VaeNetworks, latentDim: number, images: tf.Tensor4D, options: v.InferOutput<typeof EvaluateOptionsSchema>): Promise<VaeEvaluation> {
  const count = images.shape[0];
  const eps = latentNoise(count, latentDim, options.seed);
  let reconstruction = 0;
  let kl = 0;
  try {
    for (let start = 0; start < count; start += options.batchSize) {
      const size = Math.min(options.batchSize, count - start);
      const terms = tf.tidy(() => {
        const batch = tf.slice(images, [start, 0, 0, 0], [size, -1, -1, -1]);
        const { reconstruction: r, kl: k } = vaeLossTerms(networks, batch, { training: false, eps: tf.slice(eps, [start, 0], [size, -1]) });
        return tf.stack([r, k]);
      });
      const values = await terms.data();
      terms.dispose();
      for (let i = 0; i < size; i += 1) {
        reconstruction += values[i]!;
        kl += values[size + i]!;
      }
    }
  } finally {
    eps.dispose();
  }
  return { negativeElbo: (reconstruction + kl) / count, reconstruction: reconstruction / count, kl: kl / count, images: count };
}
