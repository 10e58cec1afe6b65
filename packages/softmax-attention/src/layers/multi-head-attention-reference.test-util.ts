import type * as tf from '@tensorflow/tfjs';
import { softmaxRow } from '../ops/reference.test-util.js';

/** A row-major float64 array with its shape. */
export interface NdArray {
  readonly data: readonly number[];
  readonly shape: readonly number[];
}

/** A tensor's values as an {@link NdArray} (float64). */
export function ndArray(tensor: tf.Tensor): NdArray {
  return { data: Array.from(tensor.dataSync()), shape: tensor.shape };
}

/** Every multi-index of `shape`, in row-major order. */
export function indices(shape: readonly number[]): number[][] {
  return shape.reduce<number[][]>((acc, size) => acc.flatMap((prefix) => Array.from({ length: size }, (_, i) => [...prefix, i])), [[]]);
}

/** Row-major offset of a multi-index. */
export function offset(shape: readonly number[], index: readonly number[]): number {
  return index.reduce((flat, i, axis) => flat * shape[axis]! + i, 0);
}

/** Sizes of the reference: heads H, per-head sizes K and V, and the output feature shape. */
export interface ReferenceSizes {
  readonly heads: number;
  readonly keyDim: number;
  readonly valueDim: number;
  readonly outputShape: readonly number[];
}

/**
 * float64 multi-head attention from the definition of Keras's `MultiHeadAttention` (its einsum
 * equations), written position by position: a query position (a multi-index over the query's
 * shape without features) attends to the key positions that share its batch index and its index
 * on every axis that is not an attention axis; the scores are `q·k/√K` over the projected heads,
 * softmaxed over those key positions (a query with no visible key gets zero weights), the
 * context is the weighted sum of the projected values, and the output is `Σ context·Wo + bo`.
 *
 * `weights` are Keras's eight arrays in order (query, key, value, attention_output; kernel then
 * bias), flat. `visible(queryPosition, keyPosition, head)` says whether a pair may attend.
 * Returns the output `[...query positions, ...outputShape]` and the scores in Keras's layout
 * `[batch, ...non-attention axes, H, ...query attention axes, ...key attention axes]`.
 */
export function multiHeadAttentionNdReference(
  inputs: { readonly query: NdArray; readonly value: NdArray; readonly key?: NdArray },
  weights: readonly (readonly number[])[],
  sizes: ReferenceSizes,
  axes: readonly number[],
  visible: (queryPosition: number[], keyPosition: number[], head: number) => boolean = () => true,
): { output: NdArray; scores: NdArray } {
  const { query, value } = inputs;
  const key = inputs.key ?? value;
  const [wq, bq, wk, bk, wv, bv, wo, bo] = weights as [number[], number[], number[], number[], number[], number[], number[], number[]];
  const { heads: H, keyDim: K, valueDim: V } = sizes;
  const O = sizes.outputShape.reduce((a, b) => a * b, 1);
  const rank = query.shape.length;
  const positionShape = (x: NdArray) => x.shape.slice(0, -1);
  const project = (x: NdArray, kernel: number[], bias: number[], size: number) => {
    const depth = x.shape.at(-1)!;
    return indices(positionShape(x)).map((position) => {
      const base = offset(positionShape(x), position) * depth;
      return Array.from({ length: H * size }, (_, hc) => {
        let sum = bias[hc]!;
        for (let d = 0; d < depth; d++) sum += x.data[base + d]! * kernel[d * H * size + hc]!;
        return sum;
      });
    });
  };
  const q = project(query, wq, bq, K);
  const k = project(key, wk, bk, K);
  const v = project(value, wv, bv, V);
  const keyPositions = indices(positionShape(key));
  const others = Array.from({ length: rank - 2 }, (_, i) => i + 1).filter((axis) => !axes.includes(axis));
  const scoresShape = [query.shape[0]!, ...others.map((a) => query.shape[a]!), H, ...axes.map((a) => query.shape[a]!), ...axes.map((a) => key.shape[a]!)];
  const scores = new Array<number>(scoresShape.reduce((a, b) => a * b, 1)).fill(0);
  const output: number[] = [];
  indices(positionShape(query)).forEach((qp, qi) => {
    const row = bo.slice(0, O);
    const keys = keyPositions.map((kp, ki) => ({ kp, ki })).filter(({ kp }) => kp[0] === qp[0] && others.every((a) => kp[a] === qp[a]));
    for (let h = 0; h < H; h++) {
      const logits = keys.map(({ ki }) => {
        let dot = 0;
        for (let c = 0; c < K; c++) dot += q[qi]![h * K + c]! * k[ki]![h * K + c]!;
        return dot / Math.sqrt(K);
      });
      const attention = softmaxRow(logits, keys.map(({ kp }) => (visible(qp, kp, h) ? 1 : 0)));
      keys.forEach(({ kp }, j) => {
        const at = [qp[0]!, ...others.map((a) => qp[a]!), h, ...axes.map((a) => qp[a]!), ...axes.map((a) => kp[a]!)];
        scores[offset(scoresShape, at)] = attention[j]!;
      });
      for (let c = 0; c < V; c++) {
        const context = keys.reduce((sum, { ki }, j) => sum + attention[j]! * v[ki]![h * V + c]!, 0);
        for (let o = 0; o < O; o++) row[o]! += context * wo[(h * V + c) * O + o]!;
      }
    }
    output.push(...row);
  });
  return { output: { data: output, shape: [...positionShape(query), ...sizes.outputShape] }, scores: { data: scores, shape: scoresShape } };
}
