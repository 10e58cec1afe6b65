import * as tf from '@tensorflow/tfjs';
import { ShapeError } from '@dl/core';
import { addAttentionWeights, maskFromPadding, multiHeadAttend, type AttentionWeights } from './internal/attention-weights.js';
import {
  registrationPackage,
  resolveInitializer,
  serializeInitializer,
  shapeList,
  tensorList,
  type InitializerLike,
  type LayerArgs,
} from './internal/serialization.js';
import * as v from 'valibot';
import { checkCallArgs, initializerSchema, integerAtLeast, parseLayerArgs, rateSchema, requireRank } from '../internal/validate.js';

/** Constructor arguments of {@link MultiHeadAttention} (Keras names, lowerCamel). */
export interface MultiHeadAttentionLayerArgs extends LayerArgs {
  /** Number of attention heads (integer >= 1). */
  readonly numHeads: number;
  /** Size of each head's query/key projection (integer >= 1). */
  readonly keyDim: number;
  /** Size of each head's value projection. Default `keyDim`. */
  readonly valueDim?: number;
  /** Dropout rate on the attention weights, in [0, 1), during training. Default 0. */
  readonly dropout?: number;
  /** Whether the projections have biases. Default true. */
  readonly useBias?: boolean;
  /** Last dimension of the output. Default: the query's last dimension. */
  readonly outputShape?: number;
  /** Mask future positions (query i sees keys j <= i). Default false. */
  readonly useCausalMask?: boolean;
  /** Also output the attention weights `[batch, heads, Lq, Lk]` (a second output). Default false. */
  readonly returnAttentionScores?: boolean;
  /** Default `'glorotUniform'`. */
  readonly kernelInitializer?: InitializerLike;
  /** Default `'zeros'`. */
  readonly biasInitializer?: InitializerLike;
}

const argsEntries = {
  numHeads: integerAtLeast(1),
  keyDim: integerAtLeast(1),
  valueDim: v.optional(integerAtLeast(1)),
  dropout: v.optional(rateSchema, 0),
  useBias: v.optional(v.boolean(), true),
  outputShape: v.optional(v.nullable(integerAtLeast(1))),
  useCausalMask: v.optional(v.boolean(), false),
  returnAttentionScores: v.optional(v.boolean(), false),
  kernelInitializer: v.optional(initializerSchema),
  biasInitializer: v.optional(initializerSchema),
};

/** Call options of {@link MultiHeadAttention} in eager mode: `layer.call(inputs, { attentionMask })`. */
export interface MultiHeadAttentionCallArgs {
  /** `[batch, Lq, Lk]`, 1 = may attend. Combined with padding masks and the causal mask. */
  readonly attentionMask?: tf.Tensor;
  readonly training?: boolean;
  readonly mask?: tf.Tensor | (tf.Tensor | null | undefined)[] | null;
}

/**
 * Multi-head attention (Vaswani et al., 2017) as a tfjs layer with Keras's
 * `MultiHeadAttention` configuration and weight layout. tfjs 4.22 has such a layer
 * internally but does not export it.
 *
 * Inputs: `query` alone (self-attention), `[query, value]` or `[query, value, key]`.
 * Padding masks arriving from an `Embedding({ maskZero: true })` are combined into the
 * attention mask (query i attends to key j only if both are real tokens); in eager calls
 * an explicit `attentionMask` can be passed too.
 *
 * **Input shape:** `[batch, Lq, dq]`, `[batch, Lk, dv]`, `[batch, Lk, dk]`.
 * **Output shape:** `[batch, Lq, outputShape ?? dq]`, and with `returnAttentionScores`
 * also `[batch, numHeads, Lq, Lk]`.
 *
 * Parameters: `H·K·(dq + dk) + H·V·dv + H·V·O`, plus `2·H·K + H·V + O` biases.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { multiHeadAttention } from '@dl/softmax-attention';
 * const tokens = tf.input({ shape: [16, 32] });
 * const attended = multiHeadAttention({ numHeads: 4, keyDim: 8 }).apply(tokens) as tf.SymbolicTensor;
 * attended.shape; // [null, 16, 32]
 * ```
 */
export class MultiHeadAttention extends tf.layers.Layer {
  static className = 'MultiHeadAttention';
  readonly numHeads: number;
  readonly keyDim: number;
  readonly valueDim: number;
  readonly dropout: number;
  readonly useBias: boolean;
  readonly outputDim: number | undefined;
  readonly useCausalMask: boolean;
  readonly returnAttentionScores: boolean;
  private readonly kernelInitializer: ReturnType<typeof resolveInitializer>;
  private readonly biasInitializer: ReturnType<typeof resolveInitializer>;
  private attentionWeights: AttentionWeights | undefined;

  constructor(args: MultiHeadAttentionLayerArgs) {
    const parsed = parseLayerArgs(argsEntries, args);
    super(args);
    this.numHeads = parsed.numHeads;
    this.keyDim = parsed.keyDim;
    this.valueDim = parsed.valueDim ?? parsed.keyDim;
    this.dropout = parsed.dropout;
    this.useBias = parsed.useBias;
    this.outputDim = parsed.outputShape ?? undefined;
    this.useCausalMask = parsed.useCausalMask;
    this.returnAttentionScores = parsed.returnAttentionScores;
    this.kernelInitializer = resolveInitializer(args.kernelInitializer, 'glorotUniform', 'kernelInitializer');
    this.biasInitializer = resolveInitializer(args.biasInitializer, 'zeros', 'biasInitializer');
    this.supportsMasking = true;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shapes = this.checkShapes(inputShape);
    const query = shapes[0]!;
    const value = shapes[1] ?? query;
    const key = shapes[2] ?? value;
    this.attentionWeights = addAttentionWeights(
      (name, shape, dtype, initializer) => this.addWeight(name, shape, dtype, initializer),
      {
        heads: this.numHeads,
        keyDim: this.keyDim,
        valueDim: this.valueDim,
        queryInputDim: query.at(-1) as number,
        keyInputDim: key.at(-1) as number,
        valueInputDim: value.at(-1) as number,
        outputDim: this.outputDim ?? (query.at(-1) as number),
        useBias: this.useBias,
      },
      this.kernelInitializer,
      this.biasInitializer,
    );
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    const shapes = this.checkShapes(inputShape);
    const query = shapes[0]!;
    const value = shapes[1] ?? query;
    const output: tf.Shape = [query[0] ?? null, query[1] ?? null, this.outputDim ?? (query[2] as number)];
    return this.returnAttentionScores ? [output, [query[0] ?? null, this.numHeads, query[1] ?? null, value[1] ?? null]] : output;
  }

  override computeMask(inputs: tf.Tensor | tf.Tensor[], mask?: tf.Tensor | tf.Tensor[]): tf.Tensor | tf.Tensor[] {
    // The output keeps the query's padding mask (as in Keras); the scores have none.
    const queryMask = (Array.isArray(mask) ? (mask[0] ?? null) : (mask ?? null)) as tf.Tensor;
    return this.returnAttentionScores ? [queryMask, null as unknown as tf.Tensor] : queryMask;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: MultiHeadAttentionCallArgs & tf.serialization.ConfigDict = {}): tf.Tensor | tf.Tensor[] {
    checkCallArgs(kwargs, ['attentionMask'], 'MultiHeadAttention', { value: 'pass the tensors as inputs: layer.apply([query, value]) or layer.apply([query, value, key]); ', key: 'pass the tensors as inputs: layer.apply([query, value]) or layer.apply([query, value, key]); ' });
    return tf.tidy(() => {
      const [query, value = query, key = value] = tensorList(inputs) as [tf.Tensor, tf.Tensor?, tf.Tensor?];
      const masks = Array.isArray(kwargs.mask) ? kwargs.mask : [kwargs.mask ?? undefined];
      const queryMask = masks[0] ?? undefined;
      const valueMask = masks.length > 1 ? (masks[1] ?? undefined) : queryMask;
      const mask = maskFromPadding(queryMask, valueMask, kwargs.attentionMask);
      const { output, scores } = multiHeadAttend(this.attentionWeights as AttentionWeights, query, key, value, {
        ...(mask === undefined ? {} : { mask }),
        causal: this.useCausalMask,
        dropout: kwargs.training === true ? this.dropout : 0,
      });
      return this.returnAttentionScores ? [output, scores] : output;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      numHeads: this.numHeads,
      keyDim: this.keyDim,
      valueDim: this.valueDim,
      dropout: this.dropout,
      useBias: this.useBias,
      outputShape: this.outputDim ?? null,
      useCausalMask: this.useCausalMask,
      returnAttentionScores: this.returnAttentionScores,
      kernelInitializer: serializeInitializer(this.kernelInitializer),
      biasInitializer: serializeInitializer(this.biasInitializer),
    };
  }

  private checkShapes(inputShape: tf.Shape | tf.Shape[]): tf.Shape[] {
    const shapes = shapeList(inputShape);
    if (shapes.length === 0 || shapes.length > 3) {
      throw new ShapeError({ package: 'softmax-attention', argument: 'MultiHeadAttention inputs', expected: 'query, [query, value] or [query, value, key]', actual: [shapes.length] });
    }
    const names = ['query', 'value', 'key'];
    shapes.forEach((shape, i) => requireRank(shape, 3, names[i]!, 'MultiHeadAttention'));
    const [, value, key] = shapes;
    if (value !== undefined && key !== undefined && value[1] !== null && key[1] !== null && value[1] !== key[1]) {
      throw new ShapeError({ package: 'softmax-attention', argument: 'MultiHeadAttention key', expected: `${value[1]} positions, as the value`, actual: key });
    }
    return shapes;
  }
}
tf.serialization.registerClass(MultiHeadAttention, registrationPackage);

/**
 * Creates a {@link MultiHeadAttention} layer (as `tf.layers.dense` creates a Dense).
 *
 * @param args - see {@link MultiHeadAttentionLayerArgs}.
 * @returns the layer.
 * @example
 * ```ts
 * import { multiHeadAttention } from '@dl/softmax-attention';
 * const layer = multiHeadAttention({ numHeads: 2, keyDim: 16, useCausalMask: true });
 * ```
 */
export function multiHeadAttention(args: MultiHeadAttentionLayerArgs): MultiHeadAttention {
  return new MultiHeadAttention(args);
}
