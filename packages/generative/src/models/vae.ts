import * as tf from '@tensorflow/tfjs';
import { ConfigError, parseOptions, type TrainLoopHistory } from '@dl/core';
import * as v from 'valibot';
import { reparameterize } from '../ops/reparameterize.js';
import { evaluateVae, parseEvaluateOptions, type VaeEvaluateOptions, type VaeEvaluation } from './vae-evaluate.js';
import { latentNoise, requireImages, requireLatent, requireUnitRange } from './vae-inputs.js';
import { buildVaeNetworks } from './vae-networks.js';
import { resolveVaeOptions, type VaeOptions } from './vae-options.js';
import { parseTrainOptions, trainVae, type VaeTrainOptions } from './vae-train.js';

export type { VaeOptions } from './vae-options.js';
export type { VaeTrainOptions } from './vae-train.js';
export type { VaeEvaluateOptions, VaeEvaluation } from './vae-evaluate.js';

/** Options of a VAE's `reconstruct`. */
export interface VaeReconstructOptions {
  /** Decode a sample z of q(z|x) instead of its mean. Default false (deterministic). */
  readonly sample?: boolean;
  /** With `sample`, seeds ε (the same ε as `evaluate` with this seed). Default: `Math.random`. */
  readonly seed?: number;
}

/** Options of a VAE's `sample`. */
export interface VaeSampleOptions {
  /** Seeds the latent draws z ~ N(0, I). Default: `Math.random`. */
  readonly seed?: number;
}

/** What {@link createVae} returns. Tensors it returns belong to the caller (dispose them). */
export interface Vae {
  /** images `[n, h, w, c]` → `[mean, logVar, z]` (`[n, latentDim]` each); z comes from the `Sampling` layer and is random on every call. */
  readonly encoder: tf.LayersModel;
  /** z `[n, latentDim]` → images `[n, h, w, c]` in [0, 1] (Bernoulli means). */
  readonly decoder: tf.LayersModel;
  /** Trains on images with pixels in [0, 1]; resolves to the `tf.History` of @dl/core's `trainLoop` (epoch logs `loss`, `reconstruction`, `kl`). */
  train(images: tf.Tensor4D, options?: VaeTrainOptions): Promise<TrainLoopHistory>;
  /** The Gaussian posterior q(z|x) of each image: `mean` and `logVar`, `[n, latentDim]` each (deterministic). */
  encode(images: tf.Tensor4D): { mean: tf.Tensor2D; logVar: tf.Tensor2D };
  /** Decodes latent codes `[n, latentDim]` to images in [0, 1]. */
  decode(z: tf.Tensor2D): tf.Tensor4D;
  /** Encodes and decodes: the decoded posterior mean (default), or a decoded sample. */
  reconstruct(images: tf.Tensor4D, options?: VaeReconstructOptions): tf.Tensor4D;
  /** `n` new images: z ~ N(0, I), decoded. */
  sample(n: number, options?: VaeSampleOptions): tf.Tensor4D;
  /** `steps` images along the straight line between the latent means of two images (both ends included). */
  interpolate(from: tf.Tensor, to: tf.Tensor, steps?: number): tf.Tensor4D;
  /** Mean negative ELBO per image and its two parts on (held-out) images, with fixed noise. */
  evaluate(images: tf.Tensor4D, options?: VaeEvaluateOptions): Promise<VaeEvaluation>;
  /** Frees the models' weights and the optimizer's state. */
  dispose(): void;
}

const ReconstructSchema = v.strictObject({ sample: v.optional(v.boolean(), false), seed: v.optional(v.pipe(v.number(), v.finite())) });
const SampleSchema = v.strictObject({ seed: v.optional(v.pipe(v.number(), v.finite())) });

/**
 * A convolutional variational autoencoder (Kingma & Welling, 2014) for images with pixels in
 * [0, 1], trained on the negative ELBO with a β-weighted KL term.
 *
 * - Encoder: per entry of `encoderFilters` a 4×4 stride-2 'same' convolution with ReLU, flatten,
 *   dense ReLU (`hiddenUnits`), then two dense heads for the mean and the log-variance of
 *   q(z|x) = N(μ, diag σ²), and the serializable {@link Sampling} layer: z = μ + exp(½ log σ²) ε.
 * - Decoder (the mirror): dense ReLU (`hiddenUnits`), dense ReLU projection to the encoder's last
 *   feature map, 4×4 stride-2 transposed convolutions with ReLU (`decoderFilters`), a final
 *   stride-1 transposed convolution to the image's channels and a sigmoid: exactly `imageShape`.
 * - Loss per image: `Σ_pixels BCE(x, x̂) + β · KL`, the Bernoulli negative log-likelihood (from
 *   the logits, stably) plus the closed-form KL `-½ Σ (1 + log σ² - μ² - σ²)`
 *   (see {@link gaussianKlDivergence}); averaged over the batch; Adam.
 *
 * Keras's VAE example is the same design (its 3×3 kernels here are 4×4, divisible by the stride,
 * so the transposed convolutions cover the output evenly). The seed's "VAE" (ERRATA row 26) had
 * no mean, log-variance, sampling or KL.
 *
 * @param options - see {@link VaeOptions}.
 * @param options.latentDim - size of z.
 * @param options.imageShape - `[height, width, channels]`; height and width multiples of `2 ** stages`.
 * @param options.encoderFilters - filters per encoder stage (default `[32, 64]`).
 * @param options.decoderFilters - filters per decoder stage (default: the encoder's, reversed).
 * @param options.hiddenUnits - dense ReLU units on both sides (default 128; 0 for none).
 * @param options.beta - KL weight in the training loss (default 1).
 * @param options.learningRate - Adam's learning rate (default 1e-3).
 * @param options.seed - seeds initializers and the Sampling layer.
 * @returns a {@link Vae}.
 * @throws ConfigError naming the field, before any tensor exists: a misspelled option, a bad
 *   value, a decoder with another number of stages than the encoder, or an image size the
 *   stride-2 stages cannot reach exactly (the message lists sizes that work).
 * @example
 * ```ts
 * import { createVae } from '@dl/generative';
 * const vae = createVae({ latentDim: 2, imageShape: [28, 28, 1], seed: 1 });
 * await vae.train(trainImages, { epochs: 10, batchSize: 64 }); // [n, 28, 28, 1] in [0, 1]
 * const { negativeElbo, reconstruction, kl } = await vae.evaluate(testImages);
 * const { mean } = vae.encode(testImages); // [n, 2]: plot it, coloured by class
 * const samples = vae.sample(16, { seed: 3 }); // [16, 28, 28, 1]
 * ```
 */
export function createVae(options: VaeOptions): Vae {
  const o = resolveVaeOptions(options);
  const networks = buildVaeNetworks(o);
  const optimizer = tf.train.adam(o.learningRate);
  const pack = { package: 'generative' } as const;

  const encode = (images: tf.Tensor4D): { mean: tf.Tensor2D; logVar: tf.Tensor2D } => {
    requireImages(images, o.imageShape, 'images');
    const [mean, logVar] = networks.encoderMoments.predict(images) as [tf.Tensor2D, tf.Tensor2D];
    return { mean, logVar };
  };
  const decode = (z: tf.Tensor2D): tf.Tensor4D => {
    requireLatent(z, o.latentDim, 'z');
    return networks.decoder.predict(z) as tf.Tensor4D;
  };
  const evaluate = async (images: tf.Tensor4D, evaluateOptions: VaeEvaluateOptions = {}): Promise<VaeEvaluation> => {
    const parsed = parseEvaluateOptions(evaluateOptions);
    requireImages(images, o.imageShape, 'images');
    await requireUnitRange(images, 'images');
    return evaluateVae(networks, o.latentDim, images, parsed);
  };
  /** One image `[h, w, c]` or `[1, h, w, c]` → its latent mean `[1, latentDim]`. */
  const latentMean = (image: tf.Tensor, argument: string): tf.Tensor2D =>
    tf.tidy(() => {
      const batch = image instanceof tf.Tensor && image.rank === 3 ? tf.expandDims(image, 0) : image;
      requireImages(batch, o.imageShape, argument);
      if (batch.shape[0] !== 1) {
        throw new ConfigError({ package: 'generative', path: argument, value: `${batch.shape[0]} images`, expected: 'one image, [h, w, c] or [1, h, w, c]' });
      }
      return (networks.encoderMoments.predict(batch) as tf.Tensor[])[0] as tf.Tensor2D;
    });

  return {
    encoder: networks.encoder,
    decoder: networks.decoder,
    async train(images, trainOptions = {}) {
      const parsed = parseTrainOptions(trainOptions);
      requireImages(images, o.imageShape, 'images');
      await requireUnitRange(images, 'images');
      if (parsed.validationImages !== undefined) {
        requireImages(parsed.validationImages, o.imageShape, 'validationImages');
        await requireUnitRange(parsed.validationImages, 'validationImages');
      }
      return trainVae(networks, optimizer, o.beta, images, parsed, (held) => evaluateVae(networks, o.latentDim, held, parseEvaluateOptions({})));
    },
    encode,
    decode,
    reconstruct(images, reconstructOptions = {}) {
      const parsed = parseOptions(ReconstructSchema, reconstructOptions, pack);
      requireImages(images, o.imageShape, 'images');
      return tf.tidy(() => {
        const [mean, logVar] = networks.encoderMoments.predict(images) as [tf.Tensor2D, tf.Tensor2D];
        const z = parsed.sample ? reparameterize(mean, logVar, latentNoise(images.shape[0], o.latentDim, parsed.seed)) : mean;
        return networks.decoder.predict(z) as tf.Tensor4D;
      });
    },
    sample(n, sampleOptions = {}) {
      if (!Number.isInteger(n) || n < 1) throw new ConfigError({ package: 'generative', path: 'n', value: n, expected: 'an integer >= 1' });
      const parsed = parseOptions(SampleSchema, sampleOptions, pack);
      return tf.tidy(() => networks.decoder.predict(latentNoise(n, o.latentDim, parsed.seed)) as tf.Tensor4D);
    },
    interpolate(from, to, steps = 8) {
      if (!Number.isInteger(steps) || steps < 2) throw new ConfigError({ package: 'generative', path: 'steps', value: steps, expected: 'an integer >= 2 (both ends are included)' });
      return tf.tidy(() => {
        const a = latentMean(from, 'from');
        const b = latentMean(to, 'to');
        const t = tf.linspace(0, 1, steps).reshape([steps, 1]);
        const z = tf.add(a, tf.mul(t, tf.sub(b, a)));
        return networks.decoder.predict(z) as tf.Tensor4D;
      });
    },
    evaluate,
    dispose() {
      optimizer.dispose();
      networks.encoder.dispose();
      networks.decoder.dispose();
    },
  };
}
