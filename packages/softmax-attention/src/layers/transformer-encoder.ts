import * as tf from '@tensorflow/tfjs';
import { ShapeError } from '@dl/core';
import { addAttentionWeights, maskFromPadding, multiHeadAttend, type AttentionWeights } from './internal/attention-weights.js';
import {
  registrationPackage,
  resolveInitializer,
  serializeInitializer,
  shapeList,
  type InitializerLike,
  type LayerArgs,
} from './internal/serialization.js';
import * as v from 'valibot';
import { checkCallArgs, initializerSchema, integerAtLeast, parseLayerArgs, rateSchema, requireRank } from '../internal/validate.js';

/** Constructor arguments of {@link TransformerEncoder}. */
export interface TransformerEncoderLayerArgs extends LayerArgs {
  /** Attention heads; must divide the model dimension. */
  readonly numHeads: number;
  /** Hidden size of the feed-forward network. */
  readonly intermediateDim: number;
  /** Dropout after attention and after the feed-forward network, and on attention weights. Default 0. */
  readonly dropout?: number;
  /** Feed-forward activation. Default `'relu'`. */
  readonly activation?: 'relu' | 'gelu';
  /** LayerNormalization epsilon. Default 1e-5. */
  readonly layerNormEpsilon?: number;
  /** Pre-LN (normalise before each sublayer) instead of the original post-LN. Default false. */
  readonly normFirst?: boolean;
  /** Default `'glorotUniform'`. */
  readonly kernelInitializer?: InitializerLike;
}

interface NormWeights {
  readonly gamma: tf.LayerVariable;
  readonly beta: tf.LayerVariable;
}

/**
 * A Transformer encoder block (Vaswani et al., 2017): multi-head self-attention and a
 * position-wise feed-forward network, each wrapped in dropout, a residual connection
 * and LayerNormalization. Post-LN by default (as the paper), pre-LN with `normFirst`.
 * Padding masks from upstream layers keep padded tokens out of the attention.
 *
 * **Input shape:** `[batch, time, d]` with `d` divisible by `numHeads`.
 * **Output shape:** `[batch, time, d]` (the padding mask passes through).
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { transformerEncoder } from '@dl/softmax-attention';
 * const x = tf.input({ shape: [32, 64] });
 * const y = transformerEncoder({ numHeads: 4, intermediateDim: 128, dropout: 0.1 }).apply(x); // [null, 32, 64]
 * ```
 */
export class TransformerEncoder extends tf.layers.Layer {
  static className = 'TransformerEncoder';
  readonly numHeads: number;
  readonly intermediateDim: number;
  readonly dropout: number;
  readonly activation: 'relu' | 'gelu';
  readonly layerNormEpsilon: number;
  readonly normFirst: boolean;
  private readonly kernelInitializer: ReturnType<typeof resolveInitializer>;
  private attention: AttentionWeights | undefined;
  private attentionNorm: NormWeights | undefined;
  private feedForwardNorm: NormWeights | undefined;
  private dense1: { kernel: tf.LayerVariable; bias: tf.LayerVariable } | undefined;
  private dense2: { kernel: tf.LayerVariable; bias: tf.LayerVariable } | undefined;

  constructor(args: TransformerEncoderLayerArgs) {
    const parsed = parseLayerArgs(
      {
        numHeads: integerAtLeast(1),
        intermediateDim: integerAtLeast(1),
        dropout: v.optional(rateSchema, 0),
        activation: v.optional(v.picklist(['relu', 'gelu']), 'relu'),
        layerNormEpsilon: v.optional(v.pipe(v.number(), v.gtValue(0, 'a number > 0')), 1e-5),
        normFirst: v.optional(v.boolean(), false),
        kernelInitializer: v.optional(initializerSchema),
      },
      args,
    );
    super(args);
    this.numHeads = parsed.numHeads;
    this.intermediateDim = parsed.intermediateDim;
    this.dropout = parsed.dropout;
    this.activation = parsed.activation;
    this.layerNormEpsilon = parsed.layerNormEpsilon;
    this.normFirst = parsed.normFirst;
    this.kernelInitializer = resolveInitializer(args.kernelInitializer, 'glorotUniform', 'kernelInitializer');
    this.supportsMasking = true;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const dim = this.modelDim(inputShape);
    const zeros = tf.initializers.zeros();
    const add = (name: string, shape: number[], initializer: ReturnType<typeof resolveInitializer>) => this.addWeight(name, shape, 'float32', initializer);
    this.attention = addAttentionWeights(
      (name, shape, dtype, initializer) => this.addWeight(name, shape, dtype, initializer),
      { heads: this.numHeads, keyDim: dim / this.numHeads, valueDim: dim / this.numHeads, queryInputDim: dim, keyInputDim: dim, valueInputDim: dim, outputDim: dim, useBias: true },
      this.kernelInitializer,
      zeros,
      'self_attention/',
    );
    this.attentionNorm = { gamma: add('self_attention_layer_norm/gamma', [dim], tf.initializers.ones()), beta: add('self_attention_layer_norm/beta', [dim], zeros) };
    this.dense1 = { kernel: add('feedforward_intermediate_dense/kernel', [dim, this.intermediateDim], this.kernelInitializer), bias: add('feedforward_intermediate_dense/bias', [this.intermediateDim], zeros) };
    this.dense2 = { kernel: add('feedforward_output_dense/kernel', [this.intermediateDim, dim], this.kernelInitializer), bias: add('feedforward_output_dense/bias', [dim], zeros) };
    this.feedForwardNorm = { gamma: add('feedforward_layer_norm/gamma', [dim], tf.initializers.ones()), beta: add('feedforward_layer_norm/beta', [dim], zeros) };
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    this.modelDim(inputShape);
    return shapeList(inputShape)[0]!;
  }

  override computeMask(inputs: tf.Tensor | tf.Tensor[], mask?: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return ((Array.isArray(mask) ? mask[0] : mask) ?? null) as tf.Tensor;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: tf.serialization.ConfigDict = {}): tf.Tensor {
    checkCallArgs(kwargs, [], 'TransformerEncoder');
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs;
      const padding = ((Array.isArray(kwargs.mask) ? kwargs.mask[0] : kwargs.mask) ?? undefined) as tf.Tensor | undefined;
      const training = kwargs.training === true;
      const drop = (t: tf.Tensor) => (training && this.dropout > 0 ? tf.dropout(t, this.dropout) : t);
      const mask = maskFromPadding(padding, padding, undefined);
      const attend = (t: tf.Tensor) =>
        multiHeadAttend(this.attention as AttentionWeights, t, t, t, { ...(mask === undefined ? {} : { mask }), dropout: training ? this.dropout : 0 }).output;
      const norm1 = (t: tf.Tensor) => this.layerNorm(t, this.attentionNorm as NormWeights);
      const norm2 = (t: tf.Tensor) => this.layerNorm(t, this.feedForwardNorm as NormWeights);
      if (this.normFirst) {
        const h = tf.add(x, drop(attend(norm1(x))));
        return tf.add(h, drop(this.feedForward(norm2(h))));
      }
      const h = norm1(tf.add(x, drop(attend(x))));
      return norm2(tf.add(h, drop(this.feedForward(h))));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      numHeads: this.numHeads,
      intermediateDim: this.intermediateDim,
      dropout: this.dropout,
      activation: this.activation,
      layerNormEpsilon: this.layerNormEpsilon,
      normFirst: this.normFirst,
      kernelInitializer: serializeInitializer(this.kernelInitializer),
    };
  }

  private feedForward(x: tf.Tensor): tf.Tensor {
    const [batch, time, dim] = x.shape as [number, number, number];
    const d1 = this.dense1 as { kernel: tf.LayerVariable; bias: tf.LayerVariable };
    const d2 = this.dense2 as { kernel: tf.LayerVariable; bias: tf.LayerVariable };
    const pre = tf.add(tf.matMul(tf.reshape(x, [batch * time, dim]), d1.kernel.read()), d1.bias.read());
    const hidden = this.activation === 'relu' ? tf.relu(pre) : gelu(pre);
    return tf.reshape(tf.add(tf.matMul(hidden, d2.kernel.read()), d2.bias.read()), [batch, time, dim]);
  }

  private layerNorm(x: tf.Tensor, weights: NormWeights): tf.Tensor {
    const { mean, variance } = tf.moments(x, -1, true);
    const normalised = tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, this.layerNormEpsilon)));
    return tf.add(tf.mul(normalised, weights.gamma.read()), weights.beta.read());
  }

  private modelDim(inputShape: tf.Shape | tf.Shape[]): number {
    const shape = shapeList(inputShape)[0]!;
    requireRank(shape, 3, 'input', 'TransformerEncoder');
    const dim = shape[2] as number;
    if (dim % this.numHeads !== 0) {
      throw new ShapeError({ package: 'softmax-attention', argument: 'TransformerEncoder input', expected: `a last dimension divisible by numHeads (${this.numHeads})`, actual: shape });
    }
    return dim;
  }
}
tf.serialization.registerClass(TransformerEncoder, registrationPackage);

/** GELU, tanh approximation (Hendrycks & Gimpel, 2016). */
function gelu(x: tf.Tensor): tf.Tensor {
  const inner = tf.mul(Math.sqrt(2 / Math.PI), tf.add(x, tf.mul(0.044715, tf.pow(x, 3))));
  return tf.mul(tf.mul(0.5, x), tf.add(1, tf.tanh(inner)));
}

/**
 * Creates a {@link TransformerEncoder} block.
 *
 * @param args - see {@link TransformerEncoderLayerArgs}.
 * @returns the layer.
 * @example
 * ```ts
 * import { transformerEncoder } from '@dl/softmax-attention';
 * const block = transformerEncoder({ numHeads: 2, intermediateDim: 64 });
 * ```
 */
export function transformerEncoder(args: TransformerEncoderLayerArgs): TransformerEncoder {
  return new TransformerEncoder(args);
}
