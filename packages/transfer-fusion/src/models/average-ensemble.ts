import * as tf from '@tensorflow/tfjs';
import { parseOptions } from '@dl/core';
import * as v from 'valibot';
import { WeightedAverage } from '../layers/weighted-average.js';
import { applyMemberCopies, memberWeightsSchema, packageName, parseMembers } from './ensemble-members.js';

/** Options of {@link averageEnsemble}. */
export interface AverageEnsembleOptions {
  /**
   * How much each member counts: one finite number >= 0 per member, not all 0; divided by
   * their sum. Default: equal weights (the plain mean).
   */
  readonly weights?: readonly number[];
  /** Name of the ensemble model. Default `'average_ensemble'`. */
  readonly name?: string;
}

/**
 * Soft voting (output averaging): a model that feeds its input to every member and returns
 * `Σ wᵢ pᵢ` with the weights normalized to sum 1, where `pᵢ` is member `i`'s output (usually
 * class probabilities; the argmax of the mean is the ensemble's class). This is what the seed
 * calls "weight averaging"; averaging the *parameters* is {@link averageWeights} (ERRATA row 28).
 * Averaging reduces the variance of the prediction at any data scale; the cost is running every
 * member at inference.
 *
 * The ensemble holds frozen **copies** of the members, taken when it is built (layers renamed
 * `member{i}_…`, not trainable): the caller's models are neither changed nor shared, training a
 * member afterwards does not change the ensemble, and two members built by the same factory (same
 * layer names) can be combined and saved. It is meant for inference (it is not compiled and has
 * no trainable weights); `dispose()` it to free the copies. Equal weights use
 * `tf.layers.average`; other weights a {@link WeightedAverage} layer with the weights in its
 * config, so the ensemble saves and loads like any model.
 *
 * @param models - the members: at least two, each with one input and one output; all inputs of
 * one shape, all outputs of one shape.
 * @param options - see {@link AverageEnsembleOptions}.
 * @param options.weights - one weight per member (default equal).
 * @param options.name - the model's name.
 * @returns the ensemble: input as the members', output as the members'.
 * @throws ConfigError naming `models` or `weights` (length, negative, not finite, all 0) or a misspelled option;
 * ShapeError naming `models[i]` and both shapes when member `i`'s input or output shape differs from member 0's.
 * @example
 * ```ts
 * import { averageEnsemble } from '@dl/transfer-fusion';
 * const ensemble = averageEnsemble([cnnA, cnnB, cnnC], { weights: [2, 1, 1] });
 * const probabilities = ensemble.predict(images) as tf.Tensor; // [n, 10] = (2 pA + pB + pC) / 4
 * ```
 */
export function averageEnsemble(models: readonly tf.LayersModel[], options: AverageEnsembleOptions = {}): tf.LayersModel {
  const info = parseMembers(models);
  const o = parseOptions(
    v.strictObject({ weights: v.optional(memberWeightsSchema(info.models.length)), name: v.optional(v.pipe(v.string(), v.minLength(1)), 'average_ensemble') }),
    options,
    { package: packageName },
  );
  const { input, outputs } = applyMemberCopies(info);
  const uniform = o.weights === undefined || o.weights.every((w) => w === o.weights![0]);
  const combine = uniform ? tf.layers.average({ name: 'soft_vote' }) : new WeightedAverage({ coefficients: o.weights!, name: 'soft_vote' });
  const output = combine.apply(outputs) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output, name: o.name });
}
