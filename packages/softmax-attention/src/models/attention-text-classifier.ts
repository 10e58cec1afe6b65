import * as tf from '@tensorflow/tfjs';
import { classificationModel, parseOptions, seededInitializers } from '@dl/core';
import * as v from 'valibot';
import { attentionPooling } from '../layers/attention-pooling.js';
import { tokenAndPositionEmbedding } from '../layers/token-and-position-embedding.js';
import { transformerEncoder } from '../layers/transformer-encoder.js';

const integer = (min: number) => v.pipe(v.number(), v.integer(), v.minValue(min));
const rate = v.pipe(v.number(), v.minValue(0), v.maxValue(0.99));

const OptionsSchema = v.pipe(
  v.strictObject({
    vocabularySize: integer(2),
    sequenceLength: integer(1),
    numClasses: v.optional(integer(2), 2),
    embeddingDim: v.optional(integer(1), 64),
    positionEncoding: v.optional(v.picklist(['none', 'learned', 'sinusoidal'])),
    transformerLayers: v.optional(integer(0), 0),
    numHeads: v.optional(integer(1), 4),
    intermediateDim: v.optional(integer(1)),
    dropout: v.optional(rate, 0.1),
    poolingUnits: v.optional(integer(0), 32),
    poolingHeads: v.optional(integer(1), 1),
    hiddenUnits: v.optional(integer(0), 0),
    learningRate: v.optional(v.pipe(v.number(), v.gtValue(0)), 1e-3),
    compile: v.optional(v.boolean(), true),
    seed: v.optional(v.pipe(v.number(), v.finite())),
  }),
  v.forward(
    v.check((o) => o.transformerLayers === 0 || (o.embeddingDim ?? 64) % (o.numHeads ?? 4) === 0, 'a divisor of embeddingDim (heads split the embedding)'),
    ['numHeads'],
  ),
);

/** Options of {@link createAttentionTextClassifier}; see the function for defaults. */
export interface AttentionTextClassifierOptions {
  /** Number of token ids, including 0 (padding) and 1 (unknown). */
  readonly vocabularySize: number;
  /** Tokens per example. */
  readonly sequenceLength: number;
  /** Default 2 (one sigmoid output); more gives a softmax head. */
  readonly numClasses?: number;
  /** Default 64. */
  readonly embeddingDim?: number;
  /** Default `learned` with Transformer blocks, else `none`. */
  readonly positionEncoding?: 'none' | 'learned' | 'sinusoidal';
  /** Transformer encoder blocks before pooling. Default 0. */
  readonly transformerLayers?: number;
  /** Heads per Transformer block; must divide embeddingDim. Default 4. */
  readonly numHeads?: number;
  /** Feed-forward size of each block. Default 2 × embeddingDim. */
  readonly intermediateDim?: number;
  /** Dropout in the blocks and before the head, in [0, 0.99]. Default 0.1. */
  readonly dropout?: number;
  /** Hidden size of the attention scorer; 0 for a linear score. Default 32. */
  readonly poolingUnits?: number;
  /** Independent attention distributions, concatenated. Default 1. */
  readonly poolingHeads?: number;
  /** A ReLU layer before the head; 0 for none. Default 0. */
  readonly hiddenUnits?: number;
  /** Adam learning rate. Default 1e-3. */
  readonly learningRate?: number;
  /** Compile the model (Adam, cross-entropy, accuracy). Default true. */
  readonly compile?: boolean;
  /** Seeds every initializer: the same seed gives the same initial weights. */
  readonly seed?: number;
}

// The interface and the schema must describe the same options.
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
const optionsMatchSchema: SameKeys<AttentionTextClassifierOptions, v.InferInput<typeof OptionsSchema>> = true;
void optionsMatchSchema;

/**
 * A text classifier built around attention: token ids → Embedding (id 0 is padding and
 * masked everywhere downstream) → optional position embedding and Transformer encoder
 * blocks → {@link AttentionPooling} (learned, masked attention over the tokens) →
 * optional hidden layer → Dense head (sigmoid for 2 classes, softmax otherwise).
 *
 * This is what the seed's "attention text classifier" meant, done right: the embedding
 * is used, attention scores are learned and depend on the input, padding gets zero
 * weight, and the pooled vector has the rank a Dense layer expects.
 *
 * The model is compiled (Adam, binary or sparse categorical cross-entropy, accuracy)
 * unless `compile: false`. Inputs are int32 token ids `[batch, sequenceLength]`, e.g.
 * from `padSequences` of `@dl/data`; labels are `[batch, 1]` class indices.
 *
 * @param options - the options below.
 * @param options.vocabularySize - number of token ids, including 0 (padding) and 1 (unknown).
 * @param options.sequenceLength - tokens per example.
 * @param options.numClasses - default 2 (one sigmoid output).
 * @param options.embeddingDim - default 64.
 * @param options.positionEncoding - `none` | `learned` | `sinusoidal`; default `learned` with Transformer blocks, else `none`.
 * @param options.transformerLayers - Transformer encoder blocks before pooling; default 0.
 * @param options.numHeads - heads per block; must divide embeddingDim; default 4.
 * @param options.intermediateDim - feed-forward size of each block; default 2 × embeddingDim.
 * @param options.dropout - dropout in the blocks and before the head; default 0.1.
 * @param options.poolingUnits - hidden size of the attention scorer (0: linear score); default 32.
 * @param options.poolingHeads - independent attention distributions, concatenated; default 1.
 * @param options.hiddenUnits - a ReLU layer before the head (0: none); default 0.
 * @param options.learningRate - Adam learning rate; default 1e-3.
 * @param options.compile - compile the model; default true.
 * @param options.seed - seeds every initializer: same seed, same initial weights.
 * @returns a `tf.LayersModel` (compiled unless `compile: false`).
 * @throws ConfigError naming the first invalid option, before any tensor is created.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { createAttentionTextClassifier, explainAttention } from '@dl/softmax-attention';
 * const model = createAttentionTextClassifier({ vocabularySize: 20000, sequenceLength: 200, seed: 1 });
 * await model.fit(ids, labels, { epochs: 3, batchSize: 64, validationSplit: 0.1 });
 * const weights = explainAttention(model, ids.slice([0, 0], [1, -1])); // [1, 200], sums to 1 over real tokens
 * ```
 */
export function createAttentionTextClassifier(options: AttentionTextClassifierOptions): tf.LayersModel {
  const o = parseOptions(OptionsSchema, options, { package: 'softmax-attention' });
  const init = seededInitializers(o.seed);
  const positionEncoding = o.positionEncoding ?? (o.transformerLayers > 0 ? 'learned' : 'none');
  const embeddingsInitializer = init.next('randomUniform', { minval: -0.05, maxval: 0.05 });

  const tokens = tf.input({ shape: [o.sequenceLength], dtype: 'int32', name: 'tokens' });
  let x =
    positionEncoding === 'none'
      ? tf.layers.embedding({ inputDim: o.vocabularySize, outputDim: o.embeddingDim, maskZero: true, embeddingsInitializer, name: 'embedding' }).apply(tokens)
      : tokenAndPositionEmbedding({
          vocabularySize: o.vocabularySize,
          embeddingDim: o.embeddingDim,
          sequenceLength: o.sequenceLength,
          positionEncoding,
          maskZero: true,
          embeddingsInitializer,
          name: 'embedding',
        }).apply(tokens);
  for (let i = 0; i < o.transformerLayers; i++) {
    x = transformerEncoder({
      numHeads: o.numHeads,
      intermediateDim: o.intermediateDim ?? 2 * o.embeddingDim,
      dropout: o.dropout,
      kernelInitializer: init.next('glorotUniform'),
      name: `transformer_${i}`,
    }).apply(x);
  }
  let pooled = attentionPooling({
    ...(o.poolingUnits > 0 ? { units: o.poolingUnits } : {}),
    heads: o.poolingHeads,
    kernelInitializer: init.next('glorotUniform'),
    name: 'attention_pooling',
  }).apply(x) as tf.SymbolicTensor;
  if (o.dropout > 0) pooled = tf.layers.dropout({ rate: o.dropout, name: 'dropout' }).apply(pooled) as tf.SymbolicTensor;
  if (o.hiddenUnits > 0) {
    pooled = tf.layers.dense({ units: o.hiddenUnits, activation: 'relu', kernelInitializer: init.next('heNormal'), name: 'hidden' }).apply(pooled) as tf.SymbolicTensor;
  }
  return classificationModel({
    inputs: tokens,
    features: pooled,
    numClasses: o.numClasses,
    kernelInitializer: init.next('glorotUniform'),
    name: 'attention_text_classifier',
    ...(o.compile ? { optimizer: tf.train.adam(o.learningRate) } : {}),
  });
}
