import * as tf from '@tensorflow/tfjs';
import { scaledDotProductAttention } from '../../ops/attention.js';

type Initializer = ReturnType<typeof tf.initializers.glorotUniform>;

/** The trainable tensors of one multi-head attention block (Keras MultiHeadAttention layout). */
export interface AttentionWeights {
  /** [queryDim, heads, keyDim] and bias [heads, keyDim]. */
  readonly queryKernel: tf.LayerVariable;
  readonly queryBias: tf.LayerVariable | undefined;
  /** [keyInputDim, heads, keyDim] and bias [heads, keyDim]. */
  readonly keyKernel: tf.LayerVariable;
  readonly keyBias: tf.LayerVariable | undefined;
  /** [valueInputDim, heads, valueDim] and bias [heads, valueDim]. */
  readonly valueKernel: tf.LayerVariable;
  readonly valueBias: tf.LayerVariable | undefined;
  /** [heads, valueDim, outputDim] and bias [outputDim]. */
  readonly outputKernel: tf.LayerVariable;
  readonly outputBias: tf.LayerVariable | undefined;
}

/** Sizes of a multi-head attention block. */
export interface AttentionSizes {
  readonly heads: number;
  readonly keyDim: number;
  readonly valueDim: number;
  readonly queryInputDim: number;
  readonly keyInputDim: number;
  readonly valueInputDim: number;
  readonly outputDim: number;
  readonly useBias: boolean;
}

type AddWeight = (name: string, shape: number[], dtype: 'float32', initializer: Initializer) => tf.LayerVariable;

/**
 * Adds the weights of a multi-head attention block to a layer, named `<prefix>query/kernel`
 * and so on (Keras's names), so that nested blocks stay unique and load by name.
 */
export function addAttentionWeights(addWeight: AddWeight, sizes: AttentionSizes, kernel: Initializer, bias: Initializer, prefix = ''): AttentionWeights {
  const { heads, keyDim, valueDim } = sizes;
  const add = (name: string, shape: number[], init: Initializer) => addWeight(`${prefix}${name}`, shape, 'float32', init);
  const maybeBias = (name: string, shape: number[]) => (sizes.useBias ? add(name, shape, bias) : undefined);
  return {
    queryKernel: add('query/kernel', [sizes.queryInputDim, heads, keyDim], kernel),
    queryBias: maybeBias('query/bias', [heads, keyDim]),
    keyKernel: add('key/kernel', [sizes.keyInputDim, heads, keyDim], kernel),
    keyBias: maybeBias('key/bias', [heads, keyDim]),
    valueKernel: add('value/kernel', [sizes.valueInputDim, heads, valueDim], kernel),
    valueBias: maybeBias('value/bias', [heads, valueDim]),
    outputKernel: add('attention_output/kernel', [heads, valueDim, sizes.outputDim], kernel),
    outputBias: maybeBias('attention_output/bias', [sizes.outputDim]),
  };
}

/** x [B, L, D] times kernel [D, H, K] (+ bias [H, K]) → [B, H, L, K]. */
function projectToHeads(x: tf.Tensor, kernel: tf.LayerVariable, bias: tf.LayerVariable | undefined): tf.Tensor {
  const [batch, length, dim] = x.shape as [number, number, number];
  const [, heads, size] = kernel.shape as [number, number, number];
  let y = tf.matMul(tf.reshape(x, [batch * length, dim]), tf.reshape(kernel.read(), [dim, heads * size]));
  if (bias !== undefined) y = tf.add(y, tf.reshape(bias.read(), [heads * size]));
  return tf.transpose(tf.reshape(y, [batch, length, heads, size]), [0, 2, 1, 3]);
}

/** Options of {@link multiHeadAttend}. */
export interface AttendOptions {
  /** 1 = query i may attend to key j: [B, Lq, Lk] (or broadcastable). */
  readonly mask?: tf.Tensor;
  readonly causal?: boolean;
  /** Dropout on the attention weights (only when training). */
  readonly dropout?: number;
}

/**
 * Multi-head attention with the weights of {@link addAttentionWeights}: project query,
 * key and value to heads, scaled dot-product attention per head, concatenate, project.
 * Returns the output [B, Lq, outputDim] and the weights [B, H, Lq, Lk].
 */
export function multiHeadAttend(
  weights: AttentionWeights,
  query: tf.Tensor,
  key: tf.Tensor,
  value: tf.Tensor,
  options: AttendOptions = {},
): { output: tf.Tensor; scores: tf.Tensor } {
  const q = projectToHeads(query, weights.queryKernel, weights.queryBias);
  const k = projectToHeads(key, weights.keyKernel, weights.keyBias);
  const v = projectToHeads(value, weights.valueKernel, weights.valueBias);
  const mask = options.mask === undefined ? undefined : options.mask.rank === 3 ? tf.expandDims(options.mask, 1) : options.mask;
  const { output, weights: scores } = scaledDotProductAttention(q, k, v, {
    ...(mask === undefined ? {} : { mask }),
    causal: options.causal === true,
    dropout: options.dropout ?? 0,
  });
  const [batch, heads, length, valueDim] = output.shape as [number, number, number, number];
  const outputDim = weights.outputKernel.shape[2] as number;
  const merged = tf.reshape(tf.transpose(output, [0, 2, 1, 3]), [batch * length, heads * valueDim]);
  let y = tf.matMul(merged, tf.reshape(weights.outputKernel.read(), [heads * valueDim, outputDim]));
  if (weights.outputBias !== undefined) y = tf.add(y, weights.outputBias.read());
  return { output: tf.reshape(y, [batch, length, outputDim]), scores };
}

/**
 * The attention mask Keras derives from padding masks: query i may attend to key j when
 * both are real tokens ([B, Lq] and [B, Lk] → [B, Lq, Lk]); either may be absent.
 */
export function maskFromPadding(queryMask: tf.Tensor | undefined, keyMask: tf.Tensor | undefined, explicit: tf.Tensor | undefined): tf.Tensor | undefined {
  let mask: tf.Tensor | undefined = explicit === undefined ? undefined : tf.cast(explicit, 'float32');
  if (keyMask !== undefined) {
    const keys = tf.expandDims(tf.cast(keyMask, 'float32'), 1);
    mask = mask === undefined ? keys : tf.mul(mask, keys);
  }
  if (queryMask !== undefined) {
    const queries = tf.expandDims(tf.cast(queryMask, 'float32'), 2);
    mask = mask === undefined ? queries : tf.mul(mask, queries);
  }
  return mask;
}
