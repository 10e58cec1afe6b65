import * as tf from '@tensorflow/tfjs';
import { gaussianKlDivergence } from '../ops/gaussian-kl.js';
import { reparameterize } from '../ops/reparameterize.js';
import type { VaeNetworks } from './vae-networks.js';

/** The two parts of the negative ELBO, one value per image. */
export interface VaeLossTerms {
  /** `-log p(x | z)` under independent Bernoulli pixels: binary cross-entropy summed over pixels, `[batch]`. */
  readonly reconstruction: tf.Tensor1D;
  /** `KL(q(z | x) ‖ N(0, I))` in closed form, `[batch]`. */
  readonly kl: tf.Tensor1D;
}

/**
 * Binary cross-entropy of `images` (targets in [0, 1]) under the Bernoulli probabilities
 * `sigmoid(logits)`, summed over all pixels of each image: `Σ softplus(l) - x·l`, which equals
 * `-Σ [x log p + (1 - x) log(1 - p)]` without the overflow of `log(sigmoid(l))` for large |l|.
 */
export function bernoulliReconstructionLoss(images: tf.Tensor, logits: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => {
    const perPixel = tf.sub(tf.softplus(logits), tf.mul(images, logits));
    return tf.sum(tf.reshape(perPixel, [images.shape[0]!, -1]), 1) as tf.Tensor1D;
  });
}

/**
 * Both terms of the negative ELBO for a batch, with a one-sample estimate of the
 * reconstruction term. With `eps` the latent sample is `mean + exp(logVar / 2) · eps` (fixed
 * noise, for evaluation); without, it is the encoder's own `Sampling` output (training).
 */
export function vaeLossTerms(networks: VaeNetworks, images: tf.Tensor, options: { training: boolean; eps?: tf.Tensor }): VaeLossTerms {
  return tf.tidy(() => {
    let mean: tf.Tensor;
    let logVar: tf.Tensor;
    let z: tf.Tensor;
    if (options.eps === undefined) {
      [mean, logVar, z] = networks.encoder.apply(images, { training: options.training }) as [tf.Tensor, tf.Tensor, tf.Tensor];
    } else {
      [mean, logVar] = networks.encoderMoments.apply(images, { training: options.training }) as [tf.Tensor, tf.Tensor];
      z = reparameterize(mean, logVar, options.eps);
    }
    const logits = networks.decoderLogits.apply(z, { training: options.training }) as tf.Tensor;
    return { reconstruction: bernoulliReconstructionLoss(images, logits), kl: gaussianKlDivergence(mean, logVar) as tf.Tensor1D };
  });
}
