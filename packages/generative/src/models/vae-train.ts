import * as tf from '@tensorflow/tfjs';
import { parseOptions, trainLoop, type TrainCallback, type TrainLoopHistory } from '@dl/core';
import * as v from 'valibot';
import { vaeLossTerms } from './vae-loss.js';
import type { VaeNetworks } from './vae-networks.js';
import type { VaeEvaluation } from './vae-evaluate.js';

/** Options of a VAE's `train`. */
export interface VaeTrainOptions {
  /** Passes over the images. Default 10. */
  readonly epochs?: number;
  /** Images per step. Default 64. */
  readonly batchSize?: number;
  /** Shuffle the images every epoch. Default true. */
  readonly shuffle?: boolean;
  /** Seeds the shuffles (the `Sampling` noise follows the VAE's own `seed`). Default: unseeded. */
  readonly seed?: number;
  /** `model.fit`-style callbacks (progress bars, early stopping...); epoch logs hold `loss`, `reconstruction`, `kl`. */
  readonly callbacks?: TrainCallback | readonly TrainCallback[];
  /**
   * Held-out images evaluated after every epoch (see the VAE's `evaluate`, fixed noise): adds
   * `val_negative_elbo`, `val_reconstruction` and `val_kl` to the epoch logs.
   */
  readonly validationImages?: tf.Tensor4D;
}

const TrainOptionsSchema = v.strictObject({
  epochs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 10),
  batchSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 64),
  shuffle: v.optional(v.boolean(), true),
  seed: v.optional(v.pipe(v.number(), v.finite())),
  callbacks: v.optional(v.unknown()),
  validationImages: v.optional(v.instance(tf.Tensor, 'a tf.Tensor4D of held-out images')),
});

type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
const optionsMatchSchema: SameKeys<VaeTrainOptions, v.InferInput<typeof TrainOptionsSchema>> = true;
void optionsMatchSchema;

/** Parses {@link VaeTrainOptions} (strict keys), throwing a ConfigError naming the field. */
export function parseTrainOptions(options: VaeTrainOptions): v.InferOutput<typeof TrainOptionsSchema> {
  return parseOptions(TrainOptionsSchema, options, { package: 'generative' });
}

/**
 * Trains the encoder and decoder together with Adam on the negative ELBO with a β-weighted KL:
 * per step, the mean over the batch of `Σ_pixels BCE(x, sigmoid(logits)) + β · KL(q(z|x) ‖ N(0, I))`,
 * with z from the encoder's `Sampling` layer (one sample per image), inside @dl/core's `trainLoop`.
 */
export async function trainVae(
  networks: VaeNetworks,
  optimizer: tf.Optimizer,
  beta: number,
  images: tf.Tensor4D,
  options: v.InferOutput<typeof TrainOptionsSchema>,
  evaluate: (images: tf.Tensor4D) => Promise<VaeEvaluation>,
): Promise<TrainLoopHistory> {
  const count = images.shape[0];
  const batches = Math.ceil(count / options.batchSize);
  const variables = [...networks.encoder.trainableWeights, ...networks.decoder.trainableWeights].map((weight) => weight.read() as tf.Variable);
  const betaScalar = tf.scalar(beta);
  const step = (batch: tf.Tensor4D): Record<string, tf.Scalar> => {
    let reconstruction: tf.Scalar | undefined;
    let kl: tf.Scalar | undefined;
    const loss = optimizer.minimize(
      () => {
        const terms = vaeLossTerms(networks, batch, { training: true });
        const meanReconstruction = tf.keep(tf.mean(terms.reconstruction) as tf.Scalar);
        const meanKl = tf.keep(tf.mean(terms.kl) as tf.Scalar);
        reconstruction = meanReconstruction;
        kl = meanKl;
        return tf.add(meanReconstruction, tf.mul(betaScalar, meanKl)) as tf.Scalar;
      },
      true,
      variables,
    )!;
    return { loss, reconstruction: reconstruction!, kl: kl! };
  };
  function* epochBatches(): Generator<tf.Tensor4D> {
    const order = Array.from({ length: count }, (_, i) => i);
    // Math.random, seeded by trainLoop's `seed`.
    if (options.shuffle) tf.util.shuffle(order);
    for (let start = 0; start < count; start += options.batchSize) {
      const indices = tf.tensor1d(order.slice(start, start + options.batchSize), 'int32');
      const batch = tf.gather(images, indices);
      indices.dispose();
      yield batch;
    }
  }
  const validation = options.validationImages;
  try {
    return await trainLoop(step, {
      epochs: options.epochs,
      data: epochBatches,
      batchesPerEpoch: batches,
      batchSize: options.batchSize,
      models: [networks.encoder, networks.decoder],
      ...(options.callbacks === undefined ? {} : { callbacks: options.callbacks as TrainCallback | TrainCallback[] }),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(validation === undefined
        ? {}
        : {
            validate: async () => {
              const result = await evaluate(validation as tf.Tensor4D);
              return { val_negative_elbo: result.negativeElbo, val_reconstruction: result.reconstruction, val_kl: result.kl };
            },
          }),
    });
  } finally {
    betaScalar.dispose();
  }
}
