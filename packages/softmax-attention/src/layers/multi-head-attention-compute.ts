import * as tf from '@tensorflow/tfjs';
import { ShapeError } from '@dl/core';
import { scaledDotProductAttention } from '../ops/attention.js';
import { requireBroadcastable } from '../internal/validate.js';

type Initializer = ReturnType<typeof tf.initializers.glorotUniform>;
type AddWeight = (name: string, shape: number[], dtype: 'float32', initializer: Initializer) => tf.LayerVariable;

/**
 * The trainable tensors of one multi-head attention block in Keras's layout and order: those
 * of {@link MultiHeadAttention}, and the self-attention of {@link TransformerEncoder}.
 */
export interface MultiHeadAttentionWeights {
  /** `[queryDim, heads, keyDim]`, bias `[heads, keyDim]`. */
  readonly queryKernel: tf.LayerVariable;
  readonly queryBias: tf.LayerVariable | undefined;
  /** `[keyDim of the key input, heads, keyDim]`, bias `[heads, keyDim]`. */
  readonly keyKernel: tf.LayerVariable;
  readonly keyBias: tf.LayerVariable | undefined;
  /** `[valueDim of the value input, heads, valueDim]`, bias `[heads, valueDim]`. */
  readonly valueKernel: tf.LayerVariable;
  readonly valueBias: tf.LayerVariable | undefined;
  /** `[heads, valueDim, ...outputShape]`, bias `[...outputShape]` (Keras's EinsumDense `attention_output`). */
  readonly outputKernel: tf.LayerVariable;
  readonly outputBias: tf.LayerVariable | undefined;
}

/** Sizes of the weights of {@link addMultiHeadAttentionWeights}. */
export interface MultiHeadAttentionSizes {
  readonly heads: number;
  readonly keyDim: number;
  readonly valueDim: number;
  readonly queryInputDim: number;
  readonly keyInputDim: number;
  readonly valueInputDim: number;
  readonly outputShape: readonly number[];
  readonly useBias: boolean;
}

/**
 * Adds the eight (or four without biases) weights, named as Keras names them (`query/kernel`,
 * ...) after `prefix`, so that a block nested in a larger layer (`self_attention_layer/`) keeps
 * its names unique and loads by name.
 */
export function addMultiHeadAttentionWeights(addWeight: AddWeight, sizes: MultiHeadAttentionSizes, kernel: Initializer, bias: Initializer, prefix = ''): MultiHeadAttentionWeights {
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
    outputKernel: add('attention_output/kernel', [heads, valueDim, ...sizes.outputShape], kernel),
    outputBias: maybeBias('attention_output/bias', [...sizes.outputShape]),
  };
}

/** What one attention computation needs besides the weights. */
export interface AttendArgs {
  readonly query: tf.Tensor;
  readonly value: tf.Tensor;
  readonly key: tf.Tensor;
  /** Resolved attention axes (in `[1, rank - 2]`). */
  readonly axes: readonly number[];
  /** Keras's `attention_mask`: broadcasts to the scores after Keras's expansion at the head axis. */
  readonly attentionMask?: tf.Tensor | undefined;
  /** Padding masks, shaped as their input without the feature axis. */
  readonly queryMask?: tf.Tensor | undefined;
  readonly valueMask?: tf.Tensor | undefined;
  readonly keyMask?: tf.Tensor | undefined;
  readonly causal: boolean;
  readonly dropout: number;
  /** The layer that errors name. Default `'MultiHeadAttention'`. */
  readonly layer?: string;
}

const product = (dims: readonly number[]) => dims.reduce((a, b) => a * b, 1);
const keep = (mask: tf.Tensor) => tf.cast(tf.notEqual(tf.cast(mask, 'float32'), 0), 'float32');

/** `x [..., d]` times `kernel [d, ...out]` (+ `bias [...out]`) → `[..., ...out]`. */
function project(x: tf.Tensor, kernel: tf.LayerVariable, bias: tf.LayerVariable | undefined, contracted: number): tf.Tensor {
  const inner = product(x.shape.slice(-contracted));
  const out = kernel.shape.slice(contracted) as number[];
  let y = tf.matMul(tf.reshape(x, [-1, inner]), tf.reshape(kernel.read(), [inner, product(out)]));
  if (bias !== undefined) y = tf.add(y, tf.reshape(bias.read(), [product(out)]));
  return tf.reshape(y, [...x.shape.slice(0, -contracted), ...out]);
}

/**
 * Keras's multi-head attention over arbitrary attention axes, as its einsum equations define
 * it: the axes that are not attended (and the batch) act as batch axes, the attention axes of
 * the query and of the key are flattened into one position axis each, and the scores come back
 * in Keras's layout. Returns the output `[batch, ...query positions, ...outputShape]` and the
 * scores (before dropout).
 */
export function attendOverAxes(weights: MultiHeadAttentionWeights, args: AttendArgs): { output: tf.Tensor; scores: tf.Tensor } {
  const { query, key, value, axes } = args;
  const rank = query.rank;
  const [, heads, keyDim] = weights.queryKernel.shape as [number, number, number];
  const valueDim = weights.valueKernel.shape[2] as number;
  const others = Array.from({ length: rank - 2 }, (_, i) => i + 1).filter((axis) => !axes.includes(axis));
  const batchDims = [query.shape[0], ...others.map((axis) => query.shape[axis]!)];
  const queryDims = axes.map((axis) => query.shape[axis]!);
  const keyDims = axes.map((axis) => key.shape[axis]!);
  const [batch, lq, lk] = [product(batchDims), product(queryDims), product(keyDims)];
  // Projected tensors are [batch, ...positions, heads, size]; heads sit at rank - 1.
  const order = [0, ...others, rank - 1, ...axes, rank];
  const toHeads = (x: tf.Tensor, length: number, size: number) => tf.reshape(tf.transpose(x, order), [batch, heads, length, size]);
  const q = toHeads(project(query, weights.queryKernel, weights.queryBias, 1), lq, keyDim);
  const k = toHeads(project(key, weights.keyKernel, weights.keyBias, 1), lk, keyDim);
  const v = toHeads(project(value, weights.valueKernel, weights.valueBias, 1), lk, valueDim);
  const scoresShape = [...batchDims, heads, ...queryDims, ...keyDims];
  const mask = attentionMaskFor(args, { order, scoresShape, batch, heads, lq, lk });
  const { output, weights: scores } = scaledDotProductAttention(q, k, v, {
    ...(mask === undefined ? {} : { mask }),
    causal: args.causal,
    dropout: args.dropout,
  });
  const back = Array.from({ length: rank + 1 }, (_, axis) => order.indexOf(axis));
  const context = tf.transpose(tf.reshape(output, [...batchDims, heads, ...queryDims, valueDim]), back);
  return { output: project(context, weights.outputKernel, weights.outputBias, 2), scores: tf.reshape(scores, scoresShape) };
}

interface MaskLayout {
  readonly order: readonly number[];
  readonly scoresShape: readonly number[];
  readonly batch: number;
  readonly heads: number;
  readonly lq: number;
  readonly lk: number;
}

/**
 * The 0/1 mask `[batch, heads | 1, Lq | 1, Lk]` from the explicit attention mask (expanded at
 * the head axis as Keras does, then broadcast to the scores) and the padding masks (query
 * position i attends to key position j only if the query, the value and the key are all real
 * there: Keras's `query_mask & value_mask & key_mask`).
 */
function attentionMaskFor(args: AttendArgs, layout: MaskLayout): tf.Tensor | undefined {
  const { query, value, key, axes } = args;
  const { order, scoresShape, batch, heads, lq, lk } = layout;
  const positions = order.filter((axis) => axis < query.rank - 1);
  const padding = (mask: tf.Tensor | undefined, input: tf.Tensor, name: string, shape: number[]) => {
    if (mask === undefined) return undefined;
    const expected = input.shape.slice(0, -1);
    if (mask.rank !== expected.length || mask.shape.some((size, i) => size !== expected[i])) {
      throw new ShapeError({ package: 'softmax-attention', argument: `${args.layer ?? 'MultiHeadAttention'} ${name} mask`, expected: `[${expected.join(',')}], the ${name}'s shape without its feature axis`, actual: mask.shape });
    }
    return tf.reshape(tf.transpose(keep(mask), positions), shape);
  };
  const parts = [
    padding(args.queryMask, query, 'query', [batch, 1, lq, 1]),
    padding(args.valueMask, value, 'value', [batch, 1, 1, lk]),
    padding(args.keyMask, key, 'key', [batch, 1, 1, lk]),
  ];
  if (args.attentionMask !== undefined) {
    let explicit = args.attentionMask;
    while (explicit.rank < scoresShape.length) explicit = tf.expandDims(explicit, -2 * axes.length - 1);
    requireBroadcastable(explicit, scoresShape, 'attentionMask');
    parts.push(tf.reshape(tf.broadcastTo(keep(explicit), scoresShape as number[]), [batch, heads, lq, lk]));
  }
  const present = parts.filter((part): part is tf.Tensor => part !== undefined);
  return present.length === 0 ? undefined : present.reduce((a, b) => tf.mul(a, b));
}
