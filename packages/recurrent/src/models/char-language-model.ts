import * as tf from '@tensorflow/tfjs';
import { ConfigError, createSeededRandom, ownOptimizer, parseOptions, seededInitializers } from '@dl/core';
import * as v from 'valibot';
import { rejectUnknownKeys } from '../internal/layer-args.js';
import type { CharVocabulary } from './char-vocabulary.js';
import { applyRecurrentStack, clippedAdam, stackOptionEntries, type StackOptions } from './recurrent-stack.js';

const integer = (min: number) => v.pipe(v.number(), v.integer(), v.minValue(min));

const OptionsSchema = v.pipe(
  v.strictObject({
    ...stackOptionEntries({ cell: 'lstm', units: 128, learningRate: 2e-3 }),
    vocabularySize: integer(2),
    sequenceLength: integer(1),
    embeddingDim: v.optional(integer(1), 32),
  }),
  v.forward(v.check((o) => o.bidirectional !== true, 'false: a language model must not see the characters it predicts'), ['bidirectional']),
);

/** Options of {@link createCharLanguageModel}. */
export interface CharLanguageModelOptions extends StackOptions {
  /** {@link CharVocabulary.size}. Required. */
  readonly vocabularySize: number;
  /** Characters per training window. Required. */
  readonly sequenceLength: number;
  /** Default 32. */
  readonly embeddingDim?: number;
}

type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
const optionsMatchSchema: SameKeys<CharLanguageModelOptions, v.InferInput<typeof OptionsSchema>> = true;
void optionsMatchSchema;

/**
 * A character-level language model: character ids `[batch, sequenceLength]` → an embedding →
 * `layers` recurrent layers (LSTM(128) by default) → a softmax over the vocabulary at every
 * step, trained to predict the next character (targets from {@link charLanguageModelData}).
 * Compiled with Adam (clipped when asked) and sparse cross-entropy; its exponential is the
 * per-character perplexity.
 *
 * @param options - see {@link CharLanguageModelOptions}.
 * @returns the model, for {@link generateText}.
 * @throws ConfigError naming the option (also for `bidirectional: true`).
 * @example
 * ```ts
 * import { CharVocabulary, charLanguageModelData, createCharLanguageModel, generateText } from '@dl/recurrent';
 * const vocabulary = CharVocabulary.fromText(text);
 * const model = createCharLanguageModel({ vocabularySize: vocabulary.size, sequenceLength: 64, seed: 1 });
 * const { inputs, targets } = charLanguageModelData(text, vocabulary, { sequenceLength: 64 });
 * await model.fit(inputs, targets, { epochs: 5, batchSize: 64 });
 * generateText(model, vocabulary, { seedText: 'The ', length: 200, temperature: 0.5, seed: 1 });
 * ```
 */
export function createCharLanguageModel(options: CharLanguageModelOptions): tf.LayersModel {
  const o = parseOptions(OptionsSchema, options, { package: 'recurrent' });
  const init = seededInitializers(o.seed);
  const input = tf.input({ shape: [o.sequenceLength], dtype: 'int32', name: 'characters' });
  const embedded = tf.layers
    .embedding({ inputDim: o.vocabularySize, outputDim: o.embeddingDim, embeddingsInitializer: init.next('randomUniform', { minval: -0.05, maxval: 0.05 }), name: 'embedding' })
    .apply(input) as tf.SymbolicTensor;
  const encoded = applyRecurrentStack(embedded, { ...o, returnSequences: true }, init);
  const output = tf.layers.dense({ units: o.vocabularySize, activation: 'softmax', kernelInitializer: init.next('glorotUniform'), name: 'next_character' }).apply(encoded) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: output, name: 'char_language_model' });
  if (o.compile) {
    model.compile({ optimizer: clippedAdam(o.learningRate, o.clipNorm, o.clipValue), loss: 'sparseCategoricalCrossentropy' });
    ownOptimizer(model); // model.dispose() frees Adam's state too
  }
  return model;
}

/**
 * Training windows for a character language model: every `stride` characters, a window of
 * `sequenceLength` ids and the same window shifted by one (the next character at each step).
 *
 * @param text - the training text.
 * @param vocabulary - its {@link CharVocabulary}.
 * @param options - `sequenceLength` (required) and `stride` (default `sequenceLength`: windows do not overlap).
 * @returns `inputs` `[n, sequenceLength]` int32 and `targets` `[n, sequenceLength, 1]` (float32 ids, as tfjs's
 *   sparse cross-entropy requires); the caller disposes them.
 * @throws ConfigError when the text is shorter than one window plus one character.
 * @example
 * ```ts
 * const { inputs, targets } = charLanguageModelData('hello world', vocabulary, { sequenceLength: 4, stride: 2 });
 * inputs.shape; // [4, 4]
 * ```
 */
export function charLanguageModelData(text: string, vocabulary: CharVocabulary, options: { readonly sequenceLength: number; readonly stride?: number }): { inputs: tf.Tensor2D; targets: tf.Tensor3D } {
  rejectUnknownKeys(options, ['sequenceLength', 'stride'], { kind: 'option', where: 'charLanguageModelData' });
  const { sequenceLength, stride = sequenceLength } = options;
  for (const [field, value] of [['sequenceLength', sequenceLength], ['stride', stride]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new ConfigError({ package: 'recurrent', path: field, value, expected: 'an integer >= 1' });
  }
  const ids = vocabulary.encode(text);
  const count = ids.length <= sequenceLength ? 0 : Math.floor((ids.length - sequenceLength - 1) / stride) + 1;
  if (count === 0) throw new ConfigError({ package: 'recurrent', path: 'text', value: `${ids.length} characters`, expected: `at least sequenceLength + 1 = ${sequenceLength + 1} characters` });
  const inputs = new Int32Array(count * sequenceLength);
  const targets = new Float32Array(count * sequenceLength);
  for (let n = 0; n < count; n += 1) {
    inputs.set(ids.subarray(n * stride, n * stride + sequenceLength), n * sequenceLength);
    targets.set(ids.subarray(n * stride + 1, n * stride + sequenceLength + 1), n * sequenceLength);
  }
  return { inputs: tf.tensor2d(inputs, [count, sequenceLength], 'int32'), targets: tf.tensor3d(targets, [count, sequenceLength, 1]) };
}

/** Options of {@link generateText}. */
export interface GenerateTextOptions {
  /** Text to start from (at least one character). */
  readonly seedText: string;
  /** Characters to generate. */
  readonly length: number;
  /**
   * Sampling temperature: probabilities are raised to the power 1/temperature and
   * renormalized. Low (0.2) is conservative and repetitive, 1 samples the model as trained,
   * higher is wilder. 0 picks the most likely character every time. Default 1.
   */
  readonly temperature?: number;
  /** Seeds the sampling: the same seed, model and options give the same text. */
  readonly seed?: number;
}

const GenerateSchema = v.strictObject({
  seedText: v.pipe(v.string(), v.minLength(1, 'a non-empty string')),
  length: v.pipe(v.number(), v.integer(), v.minValue(0)),
  temperature: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0)), 1),
  seed: v.optional(v.pipe(v.number(), v.finite())),
});

/**
 * Generates text with a model from {@link createCharLanguageModel}: at each step the model
 * reads the last `sequenceLength` characters (the seed text, then its own output), and the
 * next character is sampled from its prediction at the last position, at `temperature`.
 *
 * @param model - a character language model (input `[batch, sequenceLength]` ids).
 * @param vocabulary - the vocabulary it was trained with.
 * @param options - see {@link GenerateTextOptions}.
 * @returns the generated characters (without the seed text).
 * @throws ConfigError naming the option.
 * @example
 * ```ts
 * generateText(model, vocabulary, { seedText: 'Once ', length: 100, temperature: 0.5, seed: 7 });
 * ```
 */
export function generateText(model: tf.LayersModel, vocabulary: CharVocabulary, options: GenerateTextOptions): string {
  const o = parseOptions(GenerateSchema, options, { package: 'recurrent' });
  const window = model.inputs[0]?.shape[1];
  if (typeof window !== 'number') throw new ConfigError({ package: 'recurrent', path: 'model', value: model.name, expected: 'a model with a fixed sequence length (createCharLanguageModel)' });
  const random = createSeededRandom(o.seed);
  const context = Array.from(vocabulary.encode(o.seedText));
  const generated: number[] = [];
  for (let i = 0; i < o.length; i += 1) {
    const recent = context.slice(-window);
    const padded = [...new Array<number>(window - recent.length).fill(0), ...recent];
    const probabilities = tf.tidy(() => {
      const out = model.predict(tf.tensor2d([padded], [1, window], 'int32')) as tf.Tensor;
      return tf.slice(out, [0, window - 1, 0], [1, 1, vocabulary.size]).reshape([vocabulary.size]);
    });
    const p = probabilities.dataSync();
    probabilities.dispose();
    const next = sample(p, o.temperature, random.next());
    generated.push(next);
    context.push(next);
  }
  return vocabulary.decode(generated);
}

/** Draws an index from `p` sharpened by `temperature` (0: the argmax), given a uniform draw `u`. */
function sample(p: ArrayLike<number>, temperature: number, u: number): number {
  let best = 0;
  for (let i = 1; i < p.length; i += 1) if (p[i]! > p[best]!) best = i;
  if (temperature === 0) return best;
  // p^(1/T) computed in log space relative to the largest, so small temperatures do not underflow.
  const logMax = Math.log(p[best]!);
  const weights = Array.from(p, (value) => (value > 0 ? Math.exp((Math.log(value) - logMax) / temperature) : 0));
  const total = weights.reduce((a, b) => a + b, 0);
  let threshold = u * total;
  for (let i = 0; i < weights.length; i += 1) {
    threshold -= weights[i]!;
    if (threshold < 0) return i;
  }
  return best;
}
