import * as tf from '@tensorflow/tfjs';
import { ConfigError, parseOptions } from '@dl/core';
import * as v from 'valibot';

/** Options of {@link discriminatorLoss}. */
export interface DiscriminatorLossOptions {
  /**
   * One-sided label smoothing (Salimans et al. 2016): the real images' target is
   * `1 - labelSmoothing` instead of 1; the generated images' target stays 0. In [0, 1). Default 0.
   */
  readonly labelSmoothing?: number;
}

const OptionsSchema = v.strictObject({
  labelSmoothing: v.optional(v.pipe(v.number(), v.minValue(0), v.ltValue(1, 'a number in [0, 1)')), 0),
});

/**
 * Sigmoid cross-entropy of `target` against `sigmoid(logits)`, computed from the logits as
 * `softplus(x) - t * x`, which equals `-t log σ(x) - (1 - t) log(1 - σ(x))` and stays finite
 * for logits of any size (no `log(0)`); its gradient is `σ(x) - t` everywhere, 0 included.
 */
function sigmoidCrossEntropy(logits: tf.Tensor, target: number): tf.Tensor {
  return tf.sub(tf.softplus(logits), tf.mul(logits, target));
}

function checkLogits(logits: tf.Tensor, field: string): void {
  if (!(logits instanceof tf.Tensor) || logits.size === 0) {
    throw new ConfigError({ package: 'generative', path: field, value: logits instanceof tf.Tensor ? `a tensor of shape [${logits.shape.join(', ')}]` : logits, expected: 'a non-empty tensor of discriminator logits' });
  }
}

/**
 * The discriminator's loss of a GAN (Goodfellow et al. 2014), from logits `D(x)` (before the
 * sigmoid): binary cross-entropy with target 1 (or `1 - labelSmoothing`) for the real images and
 * 0 for the generated ones, each averaged over its batch and the two added:
 * `mean(-log σ(D(x_real))) + mean(-log(1 - σ(D(G(z)))))` without smoothing. Computed with
 * `softplus`, so huge logits give large finite losses, never NaN or Infinity. A discriminator that
 * cannot tell the two apart (σ = 1/2 everywhere) scores `2 ln 2 ≈ 1.386`.
 *
 * @param realLogits - `D(x)` for real images, any shape (usually `[batch, 1]`).
 * @param fakeLogits - `D(G(z))` for generated images, any shape.
 * @param options - see {@link DiscriminatorLossOptions}.
 * @param options.labelSmoothing - one-sided smoothing of the real target, in [0, 1). Default 0.
 * @returns the loss, a scalar.
 * @throws ConfigError for an empty or non-tensor input or a bad option.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { discriminatorLoss } from '@dl/generative';
 * console.log(await discriminatorLoss(tf.tensor2d([[0]]), tf.tensor2d([[0]])).data()); // [1.3863] = 2 ln 2
 * console.log(await discriminatorLoss(tf.tensor2d([[5]]), tf.tensor2d([[-5]]), { labelSmoothing: 0.1 }).data()); // [0.5134]
 * ```
 */
export function discriminatorLoss(realLogits: tf.Tensor, fakeLogits: tf.Tensor, options: DiscriminatorLossOptions = {}): tf.Scalar {
  const { labelSmoothing } = parseOptions(OptionsSchema, options, { package: 'generative' });
  checkLogits(realLogits, 'realLogits');
  checkLogits(fakeLogits, 'fakeLogits');
  return tf.tidy(() => tf.add(tf.mean(sigmoidCrossEntropy(realLogits, 1 - labelSmoothing)), tf.mean(sigmoidCrossEntropy(fakeLogits, 0))) as tf.Scalar);
}

/**
 * The generator's non-saturating loss (Goodfellow et al. 2014, section 3):
 * `mean(-log σ(D(G(z))))`, from the discriminator's logits on generated images. Minimising it
 * instead of the minimax `log(1 - σ(D(G(z))))` keeps the gradient large exactly when the
 * discriminator confidently rejects the samples (early in training), where the minimax loss
 * saturates. Computed as `softplus(-logits)`: finite for logits of any size.
 *
 * @param fakeLogits - `D(G(z))`, any shape (usually `[batch, 1]`).
 * @returns the loss, a scalar.
 * @throws ConfigError for an empty or non-tensor input.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { generatorLoss } from '@dl/generative';
 * console.log(await generatorLoss(tf.tensor2d([[0], [2]])).data()); // [0.4100] = mean(ln 2, ln(1 + e^-2))
 * console.log(await generatorLoss(tf.tensor2d([[-1000]])).data()); // [1000]: large, finite, gradient -1
 * ```
 */
export function generatorLoss(fakeLogits: tf.Tensor): tf.Scalar {
  checkLogits(fakeLogits, 'fakeLogits');
  return tf.tidy(() => tf.mean(sigmoidCrossEntropy(fakeLogits, 1)) as tf.Scalar);
}
