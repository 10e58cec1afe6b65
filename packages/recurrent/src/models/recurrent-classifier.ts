import * as tf from '@tensorflow/tfjs';
import { classificationModel, parseOptions, seededInitializers } from '@dl/core';
import * as v from 'valibot';
import { applyRecurrentStack, clippedAdam, stackOptionEntries, type StackOptions } from './recurrent-stack.js';

const integer = (min: number) => v.pipe(v.number(), v.integer(), v.minValue(min));

const OptionsSchema = v.pipe(
  v.strictObject({
    ...stackOptionEntries({ cell: 'lstm', units: 64, learningRate: 1e-3 }),
    vocabularySize: v.optional(integer(2)),
    inputDim: v.optional(integer(1)),
    sequenceLength: v.optional(integer(1)),
    embeddingDim: v.optional(integer(1), 64),
    numClasses: v.optional(integer(2), 2),
    goBackwards: v.optional(v.boolean(), false),
  }),
  v.forward(
    v.check(
      (o) => !o.goBackwards || (o.layers === 1 && !o.bidirectional),
      'false with more than one layer or with bidirectional (a backward layer returns its steps reversed while the padding mask is not, so a layer stacked on it would skip the wrong steps; bidirectional already reads both ways)',
    ),
    ['goBackwards'],
  ),
  v.forward(
    v.check((o) => (o.vocabularySize === undefined) !== (o.inputDim === undefined), 'exactly one of vocabularySize (token ids) and inputDim (feature sequences)'),
    ['vocabularySize'],
  ),
);

/** Options of {@link createRecurrentClassifier}. */
export interface RecurrentClassifierOptions extends StackOptions {
  /** Token ids in, `[batch, sequenceLength]` int32, id 0 = padding (masked). Give this or `inputDim`. */
  readonly vocabularySize?: number;
  /** Feature sequences in, `[batch, time, inputDim]` float32. Give this or `vocabularySize`. */
  readonly inputDim?: number;
  /** Steps per example; omit for any length. */
  readonly sequenceLength?: number;
  /** With token ids: embedding size. Default 64. */
  readonly embeddingDim?: number;
  /** Default 2: one sigmoid output, labels `[batch, 1]` of 0/1; more: softmax, labels `[batch]` or `[batch, 1]` class ids. */
  readonly numClasses?: number;
  /**
   * Read the sequence last to first (Keras's `go_backwards`), so that the final state is
   * closest to the first tokens: useful when the beginning matters most (an email's subject
   * and first lines) and long inputs are cut at the end. One layer, not bidirectional.
   * Default false.
   */
  readonly goBackwards?: boolean;
}

// The interface and the schema must describe the same options.
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
const optionsMatchSchema: SameKeys<RecurrentClassifierOptions, v.InferInput<typeof OptionsSchema>> = true;
void optionsMatchSchema;

/**
 * A recurrent sequence classifier: token ids through a masked embedding (padding id 0 never
 * reaches the state), or feature sequences as they are; then `layers` recurrent layers
 * (LSTM by default; SimpleRNN or GRU; optionally bidirectional) and a sigmoid or softmax head
 * on the final state. Compiled with Adam (gradients clipped when `clipNorm`/`clipValue` are
 * set), cross-entropy and accuracy.
 *
 * @param options - see {@link RecurrentClassifierOptions}; `vocabularySize` or `inputDim` is required.
 * @returns the model (inputs `tokens` or `features`, output `classifier`).
 * @throws ConfigError naming the option.
 * @example
 * ```ts
 * import { createRecurrentClassifier } from '@dl/recurrent';
 * const model = createRecurrentClassifier({ vocabularySize: 20000, sequenceLength: 200, cell: 'gru', units: 64, clipNorm: 1, seed: 1 });
 * await model.fit(ids, labels, { epochs: 3, batchSize: 64 }); // ids [n, 200] int32, labels [n, 1]
 * ```
 */
export function createRecurrentClassifier(options: RecurrentClassifierOptions): tf.LayersModel {
  const o = parseOptions(OptionsSchema, options, { package: 'recurrent' });
  const init = seededInitializers(o.seed);
  const length = o.sequenceLength ?? null;
  let input: tf.SymbolicTensor;
  let x: tf.SymbolicTensor;
  if (o.vocabularySize !== undefined) {
    input = tf.input({ shape: [length], dtype: 'int32', name: 'tokens' });
    x = tf.layers
      .embedding({ inputDim: o.vocabularySize, outputDim: o.embeddingDim, maskZero: true, embeddingsInitializer: init.next('randomUniform', { minval: -0.05, maxval: 0.05 }), name: 'embedding' })
      .apply(input) as tf.SymbolicTensor;
  } else {
    input = tf.input({ shape: [length, o.inputDim!], name: 'features' });
    x = input;
  }
  const encoded = applyRecurrentStack(x, { ...o, returnSequences: false }, init);
  return classificationModel({
    inputs: input,
    features: encoded,
    numClasses: o.numClasses,
    kernelInitializer: init.next('glorotUniform'),
    name: 'recurrent_classifier',
    ...(o.compile ? { optimizer: clippedAdam(o.learningRate, o.clipNorm, o.clipValue) } : {}),
  });
}
