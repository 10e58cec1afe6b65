import * as tf from '@tensorflow/tfjs';
import { softmax } from '../ops/softmax.js';
import {
  registrationPackage,
  resolveInitializer,
  serializeInitializer,
  shapeList,
  type InitializerLike,
  type LayerArgs,
} from './internal/serialization.js';
import * as v from 'valibot';
import { checkCallArgs, initializerSchema, integerAtLeast, parseLayerArgs, requireRank } from '../internal/validate.js';

/** Constructor arguments of {@link AttentionPooling}. */
export interface AttentionPoolingLayerArgs extends LayerArgs {
  /**
   * Size of the scoring network's hidden layer: scores are `uᵀ tanh(W x_t + b)` (Yang et
   * al., 2016). Omit for a linear score `wᵀ x_t` (no bias: a bias is the same at every step,
   * and the softmax over steps ignores it, so it could never learn).
   */
  readonly units?: number;
  /**
   * Independent attention distributions over time (Lin et al., 2017); their pooled
   * vectors are concatenated, so the output has `heads × features` values. Default 1.
   */
  readonly heads?: number;
  /** Default `'glorotUniform'`. */
  readonly kernelInitializer?: InitializerLike;
}

/**
 * Attention pooling over time: a learned score per time step, a softmax over the steps
 * (padded steps, marked by an incoming mask, get weight exactly 0), and the weighted
 * sum of the step vectors. This is the "simple attention mechanism" of a text
 * classifier done right: the weights depend on the input, are learned, and respect
 * padding. {@link AttentionPooling.attentionWeights} gives the weights, to see which
 * tokens decided a prediction.
 *
 * With `heads > 1`, several score vectors attend independently (each can pick different
 * evidence) and the pooled vectors are concatenated.
 *
 * **Input shape:** `[batch, time, features]` (with an optional `[batch, time]` mask).
 * **Output shape:** `[batch, heads × features]`.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { attentionPooling } from '@dl/softmax-attention';
 * const tokens = tf.input({ shape: [50], dtype: 'int32' });
 * const embedded = tf.layers.embedding({ inputDim: 1000, outputDim: 32, maskZero: true }).apply(tokens);
 * const pooled = attentionPooling({ units: 16 }).apply(embedded) as tf.SymbolicTensor; // [null, 32]
 * ```
 */
export class AttentionPooling extends tf.layers.Layer {
  static className = 'AttentionPooling';
  readonly units: number | undefined;
  readonly heads: number;
  private readonly kernelInitializer: ReturnType<typeof resolveInitializer>;
  private hiddenKernel: tf.LayerVariable | undefined;
  private hiddenBias: tf.LayerVariable | undefined;
  private scoreKernel: tf.LayerVariable | undefined;

  constructor(args: AttentionPoolingLayerArgs = {}) {
    const parsed = parseLayerArgs(
      { units: v.optional(v.nullable(integerAtLeast(1))), heads: v.optional(integerAtLeast(1), 1), kernelInitializer: v.optional(initializerSchema) },
      args,
    );
    super(args);
    this.units = parsed.units ?? undefined;
    this.heads = parsed.heads;
    this.kernelInitializer = resolveInitializer(args.kernelInitializer, 'glorotUniform', 'kernelInitializer');
    this.supportsMasking = true;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = shapeList(inputShape)[0]!;
    requireRank(shape, 3, 'input', 'AttentionPooling');
    const features = shape[2] as number;
    if (this.units === undefined) {
      this.scoreKernel = this.addWeight('score/kernel', [features, this.heads], 'float32', this.kernelInitializer);
    } else {
      this.hiddenKernel = this.addWeight('hidden/kernel', [features, this.units], 'float32', this.kernelInitializer);
      this.hiddenBias = this.addWeight('hidden/bias', [this.units], 'float32', tf.initializers.zeros());
      this.scoreKernel = this.addWeight('score/kernel', [this.units, this.heads], 'float32', this.kernelInitializer);
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = shapeList(inputShape)[0]!;
    requireRank(shape, 3, 'input', 'AttentionPooling');
    return [shape[0] ?? null, shape[2] === null || shape[2] === undefined ? null : this.heads * shape[2]];
  }

  override computeMask(): tf.Tensor {
    // Time is pooled away, and the padding mask with it.
    return null as unknown as tf.Tensor;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: tf.serialization.ConfigDict = {}): tf.Tensor {
    checkCallArgs(kwargs, [], 'AttentionPooling');
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs;
      const weights = this.headWeights(x, (kwargs.mask as tf.Tensor | undefined) ?? undefined);
      const [batch, , features] = x.shape as [number, number, number];
      return tf.reshape(tf.matMul(weights, x), [batch, this.heads * features]);
    });
  }

  /**
   * The attention weights over time, `[batch, time]`, each row summing to 1 over the
   * unmasked steps (0 on masked steps); with several heads, their mean.
   *
   * @param x - step vectors `[batch, time, features]`.
   * @param mask - optional `[batch, time]` padding mask (1 = real step).
   * @returns the weights; the caller disposes them.
   * @example
   * ```ts
   * const weights = poolingLayer.attentionWeights(features, tokens.notEqual(0));
   * ```
   */
  attentionWeights(x: tf.Tensor, mask?: tf.Tensor): tf.Tensor {
    return tf.tidy(() => tf.mean(this.headWeights(x, mask), 1));
  }

  /**
   * The attention weights of each head, `[batch, heads, time]`.
   *
   * @param x - step vectors `[batch, time, features]`.
   * @param mask - optional `[batch, time]` padding mask (1 = real step).
   * @returns the weights; the caller disposes them.
   * @example
   * ```ts
   * const perHead = poolingLayer.headWeights(features); // [batch, heads, time]
   * ```
   */
  headWeights(x: tf.Tensor, mask?: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      const [batch, time, features] = x.shape as [number, number, number];
      const flat = tf.reshape(x, [batch * time, features]);
      const hidden =
        this.hiddenKernel === undefined ? flat : tf.tanh(tf.add(tf.matMul(flat, this.hiddenKernel.read()), (this.hiddenBias as tf.LayerVariable).read()));
      const scores = tf.matMul(hidden, (this.scoreKernel as tf.LayerVariable).read());
      const byHead = tf.transpose(tf.reshape(scores, [batch, time, this.heads]), [0, 2, 1]);
      return softmax(byHead, mask === undefined ? {} : { mask: tf.expandDims(tf.cast(mask, 'float32'), 1) });
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units ?? null, heads: this.heads, kernelInitializer: serializeInitializer(this.kernelInitializer) };
  }
}
tf.serialization.registerClass(AttentionPooling, registrationPackage);

/**
 * Creates an {@link AttentionPooling} layer.
 *
 * @param args - see {@link AttentionPoolingLayerArgs}.
 * @returns the layer.
 * @example
 * ```ts
 * import { attentionPooling } from '@dl/softmax-attention';
 * const pool = attentionPooling({ units: 32 });
 * ```
 */
export function attentionPooling(args: AttentionPoolingLayerArgs = {}): AttentionPooling {
  return new AttentionPooling(args);
}
