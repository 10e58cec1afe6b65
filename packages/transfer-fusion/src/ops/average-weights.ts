import * as tf from '@tensorflow/tfjs';
import { ConfigError, parseOptions, ShapeError } from '@dl/core';
import * as v from 'valibot';
import { copyModelWithPrefix } from '../internal/copy-model.js';
import { formatShape, memberWeightsSchema, normalizeWeights, packageName } from '../models/ensemble-members.js';

/** Options of {@link averageWeights}. */
export interface AverageWeightsOptions {
  /**
   * How much each model counts: one finite number >= 0 per model, not all 0; divided by their
   * sum. Default: equal weights (a uniform soup / SWA average).
   */
  readonly weights?: readonly number[];
}

/**
 * Parameter averaging (weight averaging; SWA, model soups): a NEW model with the architecture of
 * `models[0]` (rebuilt from its JSON config, same layer names) whose every weight, trainable or
 * not, is `Σ wᵢ θᵢ` over the models, with the weights normalized to sum 1. One network, so
 * inference costs one model, unlike output averaging ({@link averageEnsemble}; the seed confuses
 * the two, ERRATA row 28). It works when the models lie in one low-loss basin: checkpoints of one
 * run (SWA) or fine-tunings of one pretrained model (soups). Averaging independently trained
 * networks usually fails (their hidden units are permuted).
 *
 * Weights are matched by position: the models must have the same architecture. The models are
 * not changed. The result is **not compiled**: compile it to train or evaluate.
 *
 * **BatchNorm.** Moving means and variances are averaged like every other weight. The averaged
 * moving means are the mean of the members' means, but the averaged network's activations differ
 * from every member's, so neither the averaged means nor (above all) the averaged variances are
 * the statistics of the averaged network's activations. Re-estimate them on training data, as
 * SWA's `bn_update` does: {@link recomputeBatchNormStatistics}.
 *
 * @param models - at least two models of one architecture.
 * @param options - see {@link AverageWeightsOptions}.
 * @param options.weights - one weight per model (default equal).
 * @returns a new model (dispose it when done); the inputs are unchanged.
 * @throws ConfigError naming `models` or `weights`, or a misspelled option; ShapeError naming the
 * first weight (by name) whose shape differs, or the number of weights when it differs.
 * @example
 * ```ts
 * import { averageWeights, recomputeBatchNormStatistics } from '@dl/transfer-fusion';
 * const soup = await averageWeights([checkpoint1, checkpoint2, checkpoint3]);
 * await recomputeBatchNormStatistics(soup, trainImages, { batchSize: 64 });
 * soup.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
 * ```
 */
export async function averageWeights(models: readonly tf.LayersModel[], options: AverageWeightsOptions = {}): Promise<tf.LayersModel> {
  if (!Array.isArray(models) || models.length < 2) {
    throw new ConfigError({ package: packageName, path: 'models', value: models, expected: 'an array of at least two tf.LayersModel of one architecture' });
  }
  models.forEach((model: unknown, i) => {
    if (!(model instanceof tf.LayersModel)) throw new ConfigError({ package: packageName, path: `models.${i}`, value: model, expected: 'a tf.LayersModel' });
  });
  const members: readonly tf.LayersModel[] = models;
  const o = parseOptions(v.strictObject({ weights: v.optional(memberWeightsSchema(members.length)) }), options, { package: packageName });
  const coefficients = normalizeWeights(o.weights, members.length);
  const reference = members[0]!.weights;
  members.forEach((model, i) => {
    const weights = model.weights;
    if (weights.length !== reference.length) {
      throw new ShapeError({
        package: packageName,
        argument: `models[${i}] weights`,
        expected: `the architecture of models[0], which has ${reference.length} weights (models[${i}] has ${weights.length})`,
        actual: [weights.length],
      });
    }
    weights.forEach((weight, j) => {
      const first = reference[j]!;
      if (!sameSizes(weight.shape, first.shape)) {
        throw new ShapeError({
          package: packageName,
          argument: `models[${i}] weight ${j} '${weight.originalName}'`,
          expected: `the shape of models[0]'s weight '${first.originalName}', ${formatShape(first.shape)}`,
          actual: weight.shape,
        });
      }
    });
  });
  const averaged = copyModelWithPrefix(members[0]!, '', members[0]!.name);
  const values = reference.map((_, j) =>
    tf.tidy(() => tf.addN(members.map((model, i) => tf.mul(tf.cast(model.weights[j]!.read(), 'float32'), coefficients[i]!))).cast(reference[j]!.dtype)),
  );
  try {
    averaged.setWeights(values);
  } finally {
    tf.dispose(values);
  }
  return averaged;
}

function sameSizes(a: readonly (number | null)[], b: readonly (number | null)[]): boolean {
  return a.length === b.length && a.every((size, i) => size === b[i]);
}
