import * as tf from '@tensorflow/tfjs';
import { ownOptimizer, parseOptions, seededInitializers } from '@dl/core';
import * as v from 'valibot';
import { applyRecurrentStack, clippedAdam, stackOptionEntries, type StackOptions } from './recurrent-stack.js';

const integer = (min: number) => v.pipe(v.number(), v.integer(), v.minValue(min));

const OptionsSchema = v.strictObject({
  ...stackOptionEntries({ cell: 'lstm', units: 32, learningRate: 1e-3 }),
  inputDim: integer(1),
  sequenceLength: v.optional(integer(1)),
  outputDim: v.optional(integer(1), 1),
  returnSequences: v.optional(v.boolean(), false),
});

/** Options of {@link createSequenceRegressor}. */
export interface SequenceRegressorOptions extends StackOptions {
  /** Features per step: inputs are `[batch, time, inputDim]` float32. Required. */
  readonly inputDim: number;
  /** Steps per sequence; omit for any length. */
  readonly sequenceLength?: number;
  /** Values predicted (per sequence, or per step). Default 1. */
  readonly outputDim?: number;
  /** Predict at every step (`[batch, time, outputDim]`) instead of once per sequence (`[batch, outputDim]`). Default false. */
  readonly returnSequences?: boolean;
}

type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
const optionsMatchSchema: SameKeys<SequenceRegressorOptions, v.InferInput<typeof OptionsSchema>> = true;
void optionsMatchSchema;

/**
 * A recurrent regressor: feature sequences through `layers` recurrent layers and a linear head,
 * one value (or `outputDim` values) per sequence or per step, compiled with Adam (clipped when
 * asked) and mean squared error. The adding problem's model.
 *
 * @param options - see {@link SequenceRegressorOptions}; `inputDim` is required.
 * @returns the model (input `features`, output `regression`).
 * @throws ConfigError naming the option.
 * @example
 * ```ts
 * import { createSequenceRegressor } from '@dl/recurrent';
 * const model = createSequenceRegressor({ cell: 'lstm', inputDim: 2, sequenceLength: 100, units: 64, clipNorm: 1, seed: 1 });
 * await model.fit(inputs, targets, { epochs: 10, batchSize: 64 }); // inputs [n, 100, 2], targets [n, 1]
 * ```
 */
export function createSequenceRegressor(options: SequenceRegressorOptions): tf.LayersModel {
  const o = parseOptions(OptionsSchema, options, { package: 'recurrent' });
  const init = seededInitializers(o.seed);
  const input = tf.input({ shape: [o.sequenceLength ?? null, o.inputDim], name: 'features' });
  const encoded = applyRecurrentStack(input, o, init);
  const output = tf.layers.dense({ units: o.outputDim, kernelInitializer: init.next('glorotUniform'), name: 'regression' }).apply(encoded) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: output, name: 'sequence_regressor' });
  if (o.compile) {
    model.compile({ optimizer: clippedAdam(o.learningRate, o.clipNorm, o.clipValue), loss: 'meanSquaredError' });
    ownOptimizer(model); // model.dispose() frees Adam's state too
  }
  return model;
}
