import * as tf from '@tensorflow/tfjs';
import { ConfigError, ShapeError } from '@dl/core';
import { AttentionPooling } from '../layers/attention-pooling.js';

/**
 * The attention weights an {@link AttentionPooling} layer gives each token, for a batch
 * of token ids: which words decided the prediction. Padding (id 0, when the model's
 * embedding masks zeros) gets weight 0; each row sums to 1 over the real tokens.
 *
 * Works on any model with one AttentionPooling layer, such as those of
 * `createAttentionTextClassifier`.
 *
 * @param model - a model containing an AttentionPooling layer.
 * @param tokenIds - int32 ids `[batch, sequenceLength]`.
 * @returns weights `[batch, sequenceLength]`; the caller disposes them.
 * @throws ConfigError when the model has no AttentionPooling layer; ShapeError for ids of the wrong shape.
 * @example
 * ```ts
 * import { explainAttention, topAttendedTokens } from '@dl/softmax-attention';
 * const weights = explainAttention(model, ids); // [batch, time]
 * topAttendedTokens(weights.arraySync()[0], ids.arraySync()[0], 5); // [{ position, id, weight }, ...]
 * ```
 */
export function explainAttention(model: tf.LayersModel, tokenIds: tf.Tensor): tf.Tensor2D {
  const pooling = model.layers.find((layer): layer is AttentionPooling => layer instanceof AttentionPooling);
  if (pooling === undefined) {
    throw new ConfigError({ package: 'softmax-attention', path: 'model', value: model.name, expected: 'a model with an AttentionPooling layer' });
  }
  const expected = model.inputs[0]?.shape ?? [];
  if (tokenIds.rank !== 2 || (expected[1] !== null && expected[1] !== undefined && tokenIds.shape[1] !== expected[1])) {
    throw new ShapeError({ package: 'softmax-attention', argument: 'tokenIds', expected: `[batch, ${expected[1] ?? 'time'}] token ids`, actual: tokenIds.shape });
  }
  const masksZero = model.layers.some((layer) => (layer.getConfig() as { maskZero?: boolean }).maskZero === true);
  const features = tf.model({ inputs: model.inputs, outputs: pooling.input as tf.SymbolicTensor });
  return tf.tidy(() => {
    const x = features.predict(tokenIds) as tf.Tensor;
    const mask = masksZero ? tf.notEqual(tokenIds, 0) : undefined;
    return pooling.attentionWeights(x, mask) as tf.Tensor2D;
  });
}

/** One token of {@link topAttendedTokens}. */
export interface AttendedToken {
  readonly position: number;
  readonly id: number;
  readonly weight: number;
}

/**
 * The `k` tokens with the largest attention weights in one row, largest first,
 * padding (id 0) excluded.
 *
 * @param weights - one row of {@link explainAttention}'s output.
 * @param ids - the token ids of that row.
 * @param k - how many to return.
 * @returns positions, ids and weights, by descending weight.
 * @example
 * ```ts
 * import { topAttendedTokens } from '@dl/softmax-attention';
 * topAttendedTokens([0.1, 0.7, 0.2, 0], [5, 9, 3, 0], 2); // [{ position: 1, id: 9, weight: 0.7 }, { position: 2, id: 3, weight: 0.2 }]
 * ```
 */
export function topAttendedTokens(weights: readonly number[], ids: readonly number[], k: number): AttendedToken[] {
  return weights
    .map((weight, position) => ({ position, id: ids[position] ?? 0, weight }))
    .filter((token) => token.id !== 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, k);
}
