import * as tf from '@tensorflow/tfjs';
import { ShapeError } from '@dl/core';
import { addMultiHeadAttentionWeights, attendOverAxes, type MultiHeadAttentionWeights } from './multi-head-attention-compute.js';
import {
  registrationPackage,
  resolveInitializer,
  serializeInitializer,
  shapeList,
  type InitializerLike,
  type LayerArgs,
} from './internal/serialization.js';
import * as v from 'valibot';
import { gelu } from '../ops/gelu.js';
import { checkCallArgs, initializerSchema, integerAtLeast, parseLayerArgs, rateSchema, requireRank } from '../internal/validate.js';

/** Feed-forward activations of {@link TransformerEncoder} (keras_hub's names). */
export type TransformerEncoderActivation = 'relu' | 'gelu' | 'gelu_approximate';

/** Constructor arguments of {@link TransformerEncoder}. */
export interface TransformerEncoderLayerArgs extends LayerArgs {
  /** Attention heads; must divide the model dimension (keras_hub `num_heads`, PyTorch `nhead`). */
  readonly numHeads: number;
  /** Hidden size of the feed-forward network (keras_hub `intermediate_dim`, PyTorch `dim_feedforward`). */
  readonly intermediateDim: number;
  /**
   * Dropout after attention, after the feed-forward network, and on the attention weights,
   * as keras_hub. Default 0 (keras_hub: 0; PyTorch: 0.1, and PyTorch also drops the
   * feed-forward hidden activations).
   */
  readonly dropout?: number;
  /**
   * Feed-forward activation: `'relu'` (default, as keras_hub and PyTorch), `'gelu'` (exact,
   * x·Φ(x): Keras's `"gelu"`, PyTorch's `activation="gelu"`) or `'gelu_approximate'` (the tanh
   * form: keras_hub's `gelu_approximate`, PyTorch's `F.gelu(approximate="tanh")`).
   */
  readonly activation?: TransformerEncoderActivation;
  /** LayerNormalization epsilon. Default 1e-5 (keras_hub `layer_norm_epsilon`, PyTorch `layer_norm_eps`: both 1e-5). */
  readonly layerNormEpsilon?: number;
  /**
   * Pre-LN (normalise the input of each sublayer, as GPT-2) instead of post-LN (normalise
   * after each residual addition, as the paper and BERT). Default false (keras_hub
   * `normalize_first`, PyTorch `norm_first`: both false).
   */
  readonly normFirst?: boolean;
  /** Initializer of every kernel. Default `'glorotUniform'` (keras_hub: `"glorot_uniform"`). Biases start at zero. */
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
 * It computes what keras_hub's `TransformerEncoder` and PyTorch's
 * `nn.TransformerEncoderLayer(batch_first=True)` compute, with the same defaults
 * (relu, LayerNorm epsilon 1e-5, post-LN; PyTorch's dropout default is 0.1, ours and
 * keras_hub's 0); a test checks it against PyTorch's outputs for both LN placements.
 *
 * **Weights** (`getWeights()` order and names, that of keras_hub's `TransformerEncoder`
 * trainable weights, so Keras weights load in order):
 * `self_attention_layer/{query,key,value}/{kernel [d, heads, d/heads], bias [heads, d/heads]}`,
 * `self_attention_layer/attention_output/{kernel [heads, d/heads, d], bias [d]}`,
 * `self_attention_layer_norm/{gamma,beta}`, `feedforward_layer_norm/{gamma,beta}`,
 * `feedforward_intermediate_dense/{kernel [d, intermediateDim], bias}`,
 * `feedforward_output_dense/{kernel [intermediateDim, d], bias}`.
 * From PyTorch: `in_proj_weight` is `[Wq; Wk; Wv]` (`[3d, d]`), and the query kernel is
 * `Wq.T` reshaped to `[d, heads, d/heads]` (key, value alike; `in_proj_bias` splits the same
 * way into `[heads, d/heads]`); the output kernel is `out_proj.weight.T` reshaped to
 * `[heads, d/heads, d]`; `linear1`/`linear2` kernels are their `weight.T`; `norm1` is the
 * attention LayerNorm and `norm2` the feed-forward one (in both LN placements).
 * `bench/python/transformer_encoder_golden.py` does this mapping.
 *
 * **Padding:** a padding mask from an upstream layer (`maskZero`) keeps padded tokens out of
 * every real token's attention, so real positions give the same outputs as PyTorch with
 * `src_key_padding_mask` and keras_hub with `padding_mask`. A padded position attends to no
 * key (its attention output is the output projection's bias) and then goes through the
 * residual, LayerNorm and feed-forward steps: its output is finite and meaningless, and the
 * mask passes through so mask-aware layers downstream skip it. Frameworks differ only there:
 * PyTorch's `src_key_padding_mask` and keras_hub's explicit `padding_mask` mask keys only,
 * so a padded query attends to the real tokens; Keras's implicit mask also masks the padded
 * queries, which get zero attention (its masked `Softmax` in recent Keras 3, as ours) or uniform
 * attention over all positions (its `ops.dot_product_attention` path, taken without dropout);
 * `nn.TransformerEncoder`'s nested-tensor fast path returns zeros there.
 *
 * **Input shape:** `[batch, time, d]` with `d` divisible by `numHeads`.
 * **Output shape:** `[batch, time, d]` (the padding mask passes through).
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { transformerEncoder } from '@dl/softmax-attention';
 * const x = tf.input({ shape: [32, 64] });
 * const y = transformerEncoder({ numHeads: 4, intermediateDim: 128, activation: 'gelu' }).apply(x); // [null, 32, 64]
 * ```
 */
export class TransformerEncoder extends tf.layers.Layer {
  static className = 'TransformerEncoder';
  readonly numHeads: number;
  readonly intermediateDim: number;
  readonly dropout: number;
  readonly activation: TransformerEncoderActivation;
  readonly layerNormEpsilon: number;
  readonly normFirst: boolean;
  private readonly kernelInitializer: ReturnType<typeof resolveInitializer>;
  private attention: MultiHeadAttentionWeights | undefined;
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
        activation: v.optional(v.picklist(['relu', 'gelu', 'gelu_approximate']), 'relu'),
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
    // keras_hub's order: attention, its LayerNorm, the feed-forward LayerNorm, then the two dense layers.
    this.attention = addMultiHeadAttentionWeights(
      (name, shape, dtype, initializer) => this.addWeight(name, shape, dtype, initializer),
      { heads: this.numHeads, keyDim: dim / this.numHeads, valueDim: dim / this.numHeads, queryInputDim: dim, keyInputDim: dim, valueInputDim: dim, outputShape: [dim], useBias: true },
      this.kernelInitializer,
      zeros,
      'self_attention_layer/',
    );
    this.attentionNorm = { gamma: add('self_attention_layer_norm/gamma', [dim], tf.initializers.ones()), beta: add('self_attention_layer_norm/beta', [dim], zeros) };
    this.feedForwardNorm = { gamma: add('feedforward_layer_norm/gamma', [dim], tf.initializers.ones()), beta: add('feedforward_layer_norm/beta', [dim], zeros) };
    this.dense1 = { kernel: add('feedforward_intermediate_dense/kernel', [dim, this.intermediateDim], this.kernelInitializer), bias: add('feedforward_intermediate_dense/bias', [this.intermediateDim], zeros) };
    this.dense2 = { kernel: add('feedforward_output_dense/kernel', [this.intermediateDim, dim], this.kernelInitializer), bias: add('feedforward_output_dense/bias', [dim], zeros) };
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
      // Self-attention over the time axis; the padding mask masks queries and keys (Keras's implicit mask).
      const attend = (t: tf.Tensor) =>
        attendOverAxes(this.attention as MultiHeadAttentionWeights, {
          query: t,
          value: t,
          key: t,
          axes: [1],
          queryMask: padding,
          valueMask: padding,
          causal: false,
          dropout: training ? this.dropout : 0,
          layer: 'TransformerEncoder',
        }).output;
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
    const hidden = this.activation === 'relu' ? tf.relu(pre) : gelu(pre, { approximate: this.activation === 'gelu_approximate' });
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
