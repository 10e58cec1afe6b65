import * as tf from '@tensorflow/tfjs';
import { createSeededRandom, layerValidation, ShapeError, type SeededRandom } from '@dl/core';
import * as v from 'valibot';
import { reparameterize } from '../ops/reparameterize.js';

const { parseLayerArgs, checkCallArgs } = layerValidation('generative');

/** The base arguments of every tfjs layer (name, trainable, ...). */
type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

/** Constructor arguments of {@link Sampling}. */
export interface SamplingLayerArgs extends LayerArgs {
  /**
   * Seeds the layer's own noise stream: a layer built with a seed draws the same sequence of
   * ε on every run (the n-th call of two layers with the same seed gives the same ε), as
   * Keras's `SeedGenerator` does in its VAE example. Without a seed, ε follows `Math.random`
   * (so `withSeededRandom` from @dl/core makes it reproducible). `null` (as read back from a
   * saved model) means none.
   */
  readonly seed?: number | null;
}

/**
 * The sampling step of a variational autoencoder, as the `Sampling` layer of Keras's VAE
 * example: given the encoder's `[mean, logVar]`, it returns `z = mean + exp(½ logVar) ⊙ ε` with
 * fresh `ε ~ N(0, I)` on every call (the reparameterization trick, see `reparameterize`), so
 * gradients reach the encoder through both inputs. It has no weights.
 *
 * It samples in inference too (`training: false`), as the Keras example does: a model that
 * contains it is stochastic. For a deterministic code use the mean (the encoder's first
 * output), as `createVae`'s `encode` does.
 *
 * Serialized as `Sampling` (the name the Keras example registers; tfjs and Keras have no layer
 * of that name), with its `seed`. A reloaded layer starts its noise stream afresh from the seed.
 *
 * **Input shape:** `[mean, logVar]`, two tensors of the same shape `[batch, latentDim]` (or `[batch, ..., latentDim]`).
 * **Output shape:** the same shape.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { sampling } from '@dl/generative';
 * const features = tf.input({ shape: [64] });
 * const mean = tf.layers.dense({ units: 2 }).apply(features) as tf.SymbolicTensor;
 * const logVar = tf.layers.dense({ units: 2 }).apply(features) as tf.SymbolicTensor;
 * const z = sampling({ seed: 1 }).apply([mean, logVar]) as tf.SymbolicTensor; // [null, 2]
 * ```
 */
export class Sampling extends tf.layers.Layer {
  static className = 'Sampling';
  /** The seed of the noise stream, or `undefined` for `Math.random`. */
  readonly seed: number | undefined;
  private readonly random: SeededRandom | undefined;

  constructor(args: SamplingLayerArgs = {}) {
    const parsed = parseLayerArgs({ seed: v.optional(v.nullable(v.pipe(v.number(), v.finite()))) }, args);
    const { seed: _seed, ...base } = args;
    super(base);
    this.seed = parsed.seed ?? undefined;
    this.random = this.seed === undefined ? undefined : createSeededRandom(this.seed);
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const [mean, logVar] = pairOfShapes(inputShape);
    return mean.map((size, i) => size ?? logVar[i] ?? null);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: tf.serialization.ConfigDict = {}): tf.Tensor {
    checkCallArgs(kwargs, [], 'Sampling');
    if (!Array.isArray(inputs) || inputs.length !== 2) {
      throw new ShapeError({ package: 'generative', argument: 'Sampling inputs', expected: 'two tensors [mean, logVar]', actual: Array.isArray(inputs) ? (inputs[0]?.shape ?? []) : inputs.shape });
    }
    const [mean, logVar] = inputs as [tf.Tensor, tf.Tensor];
    // tfjs treats a seed of 0 as "no seed"; the stream's seeds are shifted to stay >= 1.
    const seed = this.random === undefined ? undefined : this.random.nextSeed() + 1;
    return tf.tidy(() => reparameterize(mean, logVar, tf.randomNormal(mean.shape, 0, 1, 'float32', seed)));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), seed: this.seed ?? null };
  }
}
tf.serialization.registerClass(Sampling, '@dl/generative');

function pairOfShapes(inputShape: tf.Shape | tf.Shape[]): [tf.Shape, tf.Shape] {
  const shapes = Array.isArray(inputShape[0]) ? (inputShape as tf.Shape[]) : [inputShape as tf.Shape];
  const [mean, logVar] = shapes;
  if (shapes.length !== 2 || mean === undefined || logVar === undefined) {
    throw new ShapeError({ package: 'generative', argument: 'Sampling inputs', expected: `two inputs [mean, logVar] of the same shape (got ${shapes.length} input${shapes.length === 1 ? '' : 's'})`, actual: shapes[0] ?? [] });
  }
  const same = mean.length === logVar.length && mean.every((size, i) => size === null || logVar[i] === null || size === logVar[i]);
  if (!same || mean.length < 2) {
    throw new ShapeError({ package: 'generative', argument: 'Sampling logVar', expected: `the shape of mean, [${mean.join(',')}], of rank >= 2 ([batch, latentDim])`, actual: logVar });
  }
  return [mean, logVar];
}

/**
 * Creates a {@link Sampling} layer.
 *
 * @param args - see {@link SamplingLayerArgs}.
 * @returns the layer.
 * @example
 * ```ts
 * import { sampling } from '@dl/generative';
 * const z = sampling({ seed: 42 }).apply([mean, logVar]); // mean, logVar: [batch, latentDim]
 * ```
 */
export function sampling(args: SamplingLayerArgs = {}): Sampling {
  return new Sampling(args);
}
