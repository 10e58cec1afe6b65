import * as tf from '@tensorflow/tfjs';
import { ShapeError } from '@dl/core';
import { softmax } from '../ops/softmax.js';
import {
  registrationPackage,
  shapeList,
  tensorList,
  type LayerArgs,
} from './internal/serialization.js';
import * as v from 'valibot';
import { checkCallArgs, parseLayerArgs, rateSchema, requireRank } from '../internal/validate.js';

/** Constructor arguments of {@link AdditiveAttention} (as Keras's `AdditiveAttention`). */
export interface AdditiveAttentionLayerArgs extends LayerArgs {
  /** Learn a per-dimension scale `v` for the scores (Bahdanau's `v`). Default true. */
  readonly useScale?: boolean;
  /** Dropout rate on the attention weights during training. Default 0. */
  readonly dropout?: number;
  /** Also output the attention weights `[batch, Lq, Lv]`. Default false. */
  readonly returnAttentionScores?: boolean;
}

/**
 * Additive (Bahdanau-style) attention with Keras's `AdditiveAttention` semantics:
 * `scores[i, j] = Σ_d v_d · tanh(q[i, d] + k[j, d])`, weights = softmax over j,
 * output = weights · value. Like Keras, the layer has no projections of its own; for
 * Bahdanau et al.'s `vᵀ tanh(W₁q + W₂k)`, put Dense layers on the query and key first.
 *
 * Inputs: `[query, value]` or `[query, value, key]` (key defaults to value). Padding masks
 * (from `Embedding({ maskZero: true })`) act as in Keras: the value's mask excludes padded
 * positions from the softmax, and the query's mask zeroes the output rows of padded
 * queries (the returned attention scores of those rows are left as computed). The output
 * carries the query's mask. In `model.predict`/`fit`, tfjs 4.22 hands a multi-input layer
 * only its first input's mask: there the value's padding mask is applied only when the value
 * is the query tensor itself (self-attention, `apply([x, x])`). One difference from Keras: a query whose values are all padding gets
 * all-zero weights and a zero output here, where Keras (which subtracts 1e9 from masked
 * scores) spreads it uniformly over the padding; Keras documents that case as unsupported.
 *
 * **Input shape:** `[batch, Lq, d]`, `[batch, Lv, d]`(, `[batch, Lv, d]`).
 * **Output shape:** `[batch, Lq, d]` (and `[batch, Lq, Lv]` with `returnAttentionScores`).
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { additiveAttention } from '@dl/softmax-attention';
 * const query = tf.input({ shape: [4, 8] });
 * const value = tf.input({ shape: [10, 8] });
 * const context = additiveAttention().apply([query, value]) as tf.SymbolicTensor; // [null, 4, 8]
 * ```
 */
export class AdditiveAttention extends tf.layers.Layer {
  static className = 'AdditiveAttention';
  readonly useScale: boolean;
  readonly dropout: number;
  readonly returnAttentionScores: boolean;
  private scale: tf.LayerVariable | undefined;

  constructor(args: AdditiveAttentionLayerArgs = {}) {
    const parsed = parseLayerArgs(
      { useScale: v.optional(v.boolean(), true), dropout: v.optional(rateSchema, 0), returnAttentionScores: v.optional(v.boolean(), false) },
      args,
    );
    super(args);
    this.useScale = parsed.useScale;
    this.dropout = parsed.dropout;
    this.returnAttentionScores = parsed.returnAttentionScores;
    this.supportsMasking = true;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const [query] = this.checkShapes(inputShape);
    if (this.useScale) this.scale = this.addWeight('scale', [query![2] as number], 'float32', tf.initializers.glorotUniform({}));
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    const [query, value] = this.checkShapes(inputShape) as [tf.Shape, tf.Shape];
    const output: tf.Shape = [query[0] ?? null, query[1] ?? null, value[2] ?? null];
    return this.returnAttentionScores ? [output, [query[0] ?? null, query[1] ?? null, value[1] ?? null]] : output;
  }

  override computeMask(inputs: tf.Tensor | tf.Tensor[], mask?: tf.Tensor | tf.Tensor[]): tf.Tensor | tf.Tensor[] {
    const queryMask = (Array.isArray(mask) ? (mask[0] ?? null) : null) as tf.Tensor;
    return this.returnAttentionScores ? [queryMask, null as unknown as tf.Tensor] : queryMask;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: tf.serialization.ConfigDict = {}): tf.Tensor | tf.Tensor[] {
    checkCallArgs(kwargs, [], 'AdditiveAttention', { value: 'pass the tensors as inputs: layer.apply([query, value]) or layer.apply([query, value, key]); ', key: 'pass the tensors as inputs: layer.apply([query, value]) or layer.apply([query, value, key]); ' });
    return tf.tidy(() => {
      const [query, value, key = value] = tensorList(inputs) as [tf.Tensor, tf.Tensor, tf.Tensor?];
      const { queryMask, valueMask } = paddingMasks(kwargs.mask, query, value, key);
      // [B, Lq, 1, d] + [B, 1, Lv, d] → tanh → · v → sum over d: [B, Lq, Lv]
      const summed = tf.tanh(tf.add(tf.expandDims(query, 2), tf.expandDims(key as tf.Tensor, 1)));
      const scores = this.scale === undefined ? tf.sum(summed, -1) : tf.sum(tf.mul(summed, this.scale.read()), -1);
      const weights = softmax(scores, valueMask === undefined ? {} : { mask: tf.expandDims(tf.cast(valueMask, 'float32'), 1) });
      const used = kwargs.training === true && this.dropout > 0 ? tf.dropout(weights, this.dropout) : weights;
      const attended = tf.matMul(used, value);
      // Keras: `result *= query_mask[..., None]`, so padded query rows output zeros (the weights are not masked).
      const output = queryMask === undefined ? attended : tf.mul(attended, tf.expandDims(tf.cast(queryMask, attended.dtype), -1));
      return this.returnAttentionScores ? [output, weights] : output;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), useScale: this.useScale, dropout: this.dropout, returnAttentionScores: this.returnAttentionScores };
  }

  private checkShapes(inputShape: tf.Shape | tf.Shape[]): tf.Shape[] {
    const shapes = shapeList(inputShape);
    if (shapes.length < 2 || shapes.length > 3) {
      throw new ShapeError({ package: 'softmax-attention', argument: 'AdditiveAttention inputs', expected: '[query, value] or [query, value, key]', actual: [shapes.length] });
    }
    ['query', 'value', 'key'].slice(0, shapes.length).forEach((name, i) => requireRank(shapes[i]!, 3, name, 'AdditiveAttention'));
    const [query, value, key = value] = shapes as [tf.Shape, tf.Shape, tf.Shape?];
    if (query[2] !== (key as tf.Shape)[2]) {
      throw new ShapeError({ package: 'softmax-attention', argument: 'AdditiveAttention key', expected: `last dimension ${query[2]} (the query's)`, actual: key as tf.Shape });
    }
    return shapes;
  }
}
tf.serialization.registerClass(AdditiveAttention, registrationPackage);

/**
 * The query and value padding masks from a call's `mask`. Eager calls and nested models pass
 * one mask per input; tfjs 4.22's `model.predict`/`fit` executor passes only the first
 * input's mask as a lone tensor (executor.ts: `kwargs['mask'] = inputMasks[0]`). A lone mask
 * is the query's; it is also the value's when the value (and key) is the query tensor itself
 * (self-attention), and otherwise the value's mask is lost.
 */
function paddingMasks(
  mask: unknown,
  query: tf.Tensor,
  value: tf.Tensor,
  key: tf.Tensor,
): { queryMask: tf.Tensor | undefined; valueMask: tf.Tensor | undefined } {
  if (Array.isArray(mask)) {
    const masks = mask as (tf.Tensor | null | undefined)[];
    return { queryMask: masks[0] ?? undefined, valueMask: masks[1] ?? undefined };
  }
  const lone = mask instanceof tf.Tensor ? mask : undefined;
  return { queryMask: lone, valueMask: value === query && key === query ? lone : undefined };
}

/**
 * Creates an {@link AdditiveAttention} layer.
 *
 * @param args - see {@link AdditiveAttentionLayerArgs}.
 * @returns the layer.
 * @example
 * ```ts
 * import { additiveAttention } from '@dl/softmax-attention';
 * const layer = additiveAttention({ useScale: true });
 * ```
 */
export function additiveAttention(args: AdditiveAttentionLayerArgs = {}): AdditiveAttention {
  return new AdditiveAttention(args);
}
