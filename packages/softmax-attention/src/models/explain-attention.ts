import * as tf from '@tensorflow/tfjs';
import { ConfigError, ShapeError } from '@dl/core';
import { rejectUnknownKeys } from '../internal/validate.js';
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
 * const weights = explainAttention(model, ids); // [batch, time], rows sum to 1 over real tokens
 * const [first = []] = await weights.array();
 * const [firstIds = []] = await ids.array();
 * topAttendedTokens(first, firstIds, 5, { vocabulary }); // [{ id, weight, positions, token }, ...]
 * weights.dispose();
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

/** One token of {@link topAttendedTokens}: a word and the attention it got. */
export interface AttendedToken {
  /** The token id. */
  readonly id: number;
  /** Its attention weight, summed over `positions` (one position when `merge: false`). */
  readonly weight: number;
  /** Where it occurs in the row, ascending. */
  readonly positions: readonly number[];
  /** The word, when a `vocabulary` is given. */
  readonly token?: string;
}

/** Something that turns ids into words, such as `Vocabulary` of `@dl/data`. */
export interface TokenLookup {
  tokenAt(id: number): string | undefined;
}

/** Options of {@link topAttendedTokens}. */
export interface TopAttendedTokensOptions {
  /** Sum the weights of a token that occurs at several positions into one entry. Default true. */
  readonly merge?: boolean;
  /** Fills in `token` for each entry (`Vocabulary` of `@dl/data`, or any `{ tokenAt(id) }`). */
  readonly vocabulary?: TokenLookup;
}

/**
 * The `k` tokens that got the most attention in one row, largest first (ties: earliest first),
 * padding (id 0) excluded. By default a token that occurs several times is one entry whose
 * weight is the sum over its positions (the attention the word got in all); `merge: false`
 * lists each position on its own.
 *
 * @param weights - one row of {@link explainAttention}'s output.
 * @param ids - the token ids of that row, as many as `weights`.
 * @param k - how many entries to return, an integer >= 1.
 * @param options - `merge` (default true) and `vocabulary`.
 * @returns ids, summed weights and positions (and words, with a vocabulary), by descending weight.
 * @throws ShapeError when `weights` and `ids` differ in length; ConfigError for a bad `k` or
 *   option, or an id the vocabulary does not have.
 * @example
 * ```ts
 * import { explainAttention, topAttendedTokens } from '@dl/softmax-attention';
 * topAttendedTokens([0.3, 0.1, 0.4, 0.2, 0], [7, 9, 7, 3, 0], 2);
 * // [{ id: 7, weight: 0.7, positions: [0, 2] }, { id: 3, weight: 0.2, positions: [3] }]
 * topAttendedTokens([0.3, 0.1, 0.4, 0.2, 0], [7, 9, 7, 3, 0], 2, { merge: false });
 * // [{ id: 7, weight: 0.4, positions: [2] }, { id: 7, weight: 0.3, positions: [0] }]
 *
 * // With a model, its token ids and the Vocabulary (@dl/data) that encoded them:
 * const attention = explainAttention(model, ids); // [batch, time]
 * const [row = []] = await attention.array();
 * const [rowIds = []] = await ids.array();
 * topAttendedTokens(row, rowIds, 5, { vocabulary }).map((t) => `${t.token} ${(t.weight * 100).toFixed(1)}%`);
 * attention.dispose();
 * ```
 */
export function topAttendedTokens(
  weights: ArrayLike<number>,
  ids: ArrayLike<number>,
  k: number,
  options: TopAttendedTokensOptions = {},
): AttendedToken[] {
  if (!isArrayLike(weights) || !isArrayLike(ids)) {
    throw new ConfigError({ package: 'softmax-attention', path: isArrayLike(weights) ? 'ids' : 'weights', value: isArrayLike(weights) ? ids : weights, expected: 'an array of numbers (one row)' });
  }
  if (weights.length !== ids.length) {
    throw new ShapeError({ package: 'softmax-attention', argument: 'topAttendedTokens weights and ids', expected: `as many weights as ids (${ids.length})`, actual: [weights.length] });
  }
  if (!Number.isInteger(k) || k < 1) {
    throw new ConfigError({ package: 'softmax-attention', path: 'k', value: k, expected: 'an integer >= 1' });
  }
  rejectUnknownKeys(options, ['merge', 'vocabulary'], { kind: 'option', where: 'topAttendedTokens' });
  const { merge = true, vocabulary } = options;
  if (typeof merge !== 'boolean') {
    throw new ConfigError({ package: 'softmax-attention', path: 'merge', value: merge, expected: 'a boolean' });
  }
  if (vocabulary !== undefined && typeof vocabulary?.tokenAt !== 'function') {
    throw new ConfigError({ package: 'softmax-attention', path: 'vocabulary', value: vocabulary, expected: 'a Vocabulary (@dl/data) or an object with tokenAt(id)' });
  }
  const entries = new Map<number, { id: number; weight: number; positions: number[] }>();
  const listed: { id: number; weight: number; positions: number[] }[] = [];
  for (let position = 0; position < ids.length; position++) {
    const id = ids[position]!;
    if (id === 0) continue;
    const weight = weights[position]!;
    const entry = merge ? entries.get(id) : undefined;
    if (entry === undefined) {
      const created = { id, weight, positions: [position] };
      listed.push(created);
      if (merge) entries.set(id, created);
    } else {
      entry.weight += weight;
      entry.positions.push(position);
    }
  }
  // A stable sort keeps first occurrence first among equal weights.
  return listed
    .sort((a, b) => b.weight - a.weight)
    .slice(0, k)
    .map((entry) => (vocabulary === undefined ? entry : { ...entry, token: wordOf(vocabulary, entry.id) }));
}

function isArrayLike(value: unknown): value is ArrayLike<number> {
  return Array.isArray(value) || ArrayBuffer.isView(value);
}

function wordOf(vocabulary: TokenLookup, id: number): string {
  const token = vocabulary.tokenAt(id);
  if (token === undefined) {
    throw new ConfigError({ package: 'softmax-attention', path: 'vocabulary', value: id, expected: `a vocabulary that has id ${id} (the one that encoded these ids)` });
  }
  return token;
}
