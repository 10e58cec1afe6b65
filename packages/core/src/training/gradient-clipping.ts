import * as tf from '@tensorflow/tfjs';
import * as v from 'valibot';
import { parseOptions } from '../validation/parse-options.js';
import { clipByGlobalNorm } from './clip-by-global-norm.js';

/** A named tensor, as optimizers take and give them. */
type NamedTensor = { name: string; tensor: tf.Tensor };

/** Options of {@link withGradientClipping} (Keras's `clipnorm`-style names). */
export interface GradientClippingOptions {
  /** Scale all gradients together so that their global L2 norm is at most this (Pascanu et al. 2013). */
  readonly clipNorm?: number;
  /** Clip every gradient element to `[-clipValue, clipValue]` (after `clipNorm`, when both are set). */
  readonly clipValue?: number;
}

const positive = v.optional(v.pipe(v.number(), v.finite(), v.gtValue(0)));
const OptionsSchema = v.strictObject({ clipNorm: positive, clipValue: positive });

/**
 * An optimizer that clips the gradients before handing them to `optimizer`: what Keras's
 * `clipnorm`/`clipvalue` do, for tfjs, whose optimizers have no such option. Works wherever
 * an optimizer goes (`model.compile`, `optimizer.minimize`, @dl/core's `trainLoop`), because
 * every path ends in `applyGradients`.
 *
 * Clipping is what stops exploding gradients in recurrent networks; gated cells (LSTM, GRU)
 * help gradients survive long spans, they do not bound them.
 *
 * @param optimizer - the optimizer that applies the clipped gradients (its state, learning
 *   rate and weights stay its own).
 * @param options - `clipNorm` and/or `clipValue`; with neither, gradients pass unchanged.
 * @returns a `tf.Optimizer` wrapping `optimizer`.
 * @throws ConfigError for a non-positive or misspelled option.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { withGradientClipping } from '@dl/core';
 * model.compile({ optimizer: withGradientClipping(tf.train.adam(1e-3), { clipNorm: 1 }), loss: 'meanSquaredError' });
 * ```
 */
export function withGradientClipping(optimizer: tf.Optimizer, options: GradientClippingOptions): tf.Optimizer {
  const o = parseOptions(OptionsSchema, options, { package: 'core' });
  return new GradientClippingOptimizer(optimizer, o.clipNorm, o.clipValue);
}

/** See {@link withGradientClipping}. */
class GradientClippingOptimizer extends tf.Optimizer {
  static className = 'GradientClippingOptimizer';

  constructor(
    readonly inner: tf.Optimizer,
    readonly clipNorm: number | undefined,
    readonly clipValue: number | undefined,
  ) {
    super();
  }

  override applyGradients(variableGradients: tf.NamedTensorMap | NamedTensor[]): void {
    const map: tf.NamedTensorMap = Array.isArray(variableGradients) ? Object.fromEntries(variableGradients.map(({ name, tensor }) => [name, tensor])) : variableGradients;
    const clipped = tf.tidy(() => {
      let gradients = map;
      if (this.clipNorm !== undefined) gradients = clipByGlobalNorm(gradients, this.clipNorm).gradients;
      const clipValue = this.clipValue;
      if (clipValue !== undefined) gradients = Object.fromEntries(Object.entries(gradients).map(([name, g]) => [name, tf.clipByValue(g, -clipValue, clipValue)]));
      return gradients;
    });
    this.inner.applyGradients(clipped);
    tf.dispose(Object.values(clipped));
  }

  override get iterations(): number {
    return this.inner.iterations;
  }

  override async getWeights(): Promise<NamedTensor[]> {
    return this.inner.getWeights();
  }

  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    await this.inner.setWeights(weightValues);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...this.inner.getConfig(), clipNorm: this.clipNorm ?? null, clipValue: this.clipValue ?? null };
  }

  override dispose(): void {
    this.inner.dispose();
  }
}
