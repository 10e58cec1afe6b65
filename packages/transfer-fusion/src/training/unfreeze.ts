import * as tf from '@tensorflow/tfjs';
import { ConfigError, ownOptimizer, parseOptions } from '@dl/core';
import * as v from 'valibot';
import { findLayer, layersModelSchema, leafLayers } from '../internal/model-layers.js';
import { setLayersTrainable } from '../internal/set-trainable.js';
import { freezeBatchNorm, isBatchNormFrozen } from './freeze-batch-norm.js';

/** Options of {@link unfreeze}. */
export interface UnfreezeOptions {
  /** The first layer to train (it and every layer after it train; the ones before stay frozen). Default: every layer. */
  readonly fromLayer?: string;
  /**
   * Adam's learning rate for fine-tuning. Default 1e-4, a tenth of Adam's default: the unfrozen
   * weights are already good, and large steps on a small dataset undo what pretraining learnt.
   */
  readonly learningRate?: number;
  /** An optimizer of your own instead of Adam (then `learningRate` must not be given). It is never disposed here. */
  readonly optimizer?: tf.Optimizer;
}

/** What {@link unfreeze} left trainable, by layer name (layers with weights only). */
export interface UnfreezeReport {
  /** Layers whose weights now train. */
  readonly trainable: readonly string[];
  /** Layers whose weights stay fixed: those before `fromLayer` and every BatchNormalization layer. */
  readonly frozen: readonly string[];
}

const OptionsSchema = v.strictObject({
  fromLayer: v.optional(v.string()),
  learningRate: v.optional(v.pipe(v.number(), v.finite(), v.gtValue(0))),
  optimizer: v.optional(v.custom<tf.Optimizer>((value) => value instanceof tf.Optimizer, 'a tf.Optimizer')),
});

/**
 * The fine-tuning phase of transfer learning: makes the layers of `model` from `fromLayer` on
 * trainable (nested models such as a transfer model's `base` included), keeps the ones before it
 * frozen, keeps every BatchNormalization layer frozen in inference mode ({@link freezeBatchNorm}:
 * its statistics stay those of the pretraining data, as Keras's fine-tuning guide advises), and
 * recompiles the model with the same loss and metrics and a new optimizer (tfjs, like Keras, reads
 * the trainable weights at compile time: changing `trainable` without recompiling changes nothing).
 * The previous optimizer is disposed when the model owned it (compiled with one by name, or made
 * by this package's factories, which hand theirs over with `ownOptimizer`); one you compiled with
 * yourself is left to you. The new Adam belongs to the model (`model.dispose()` frees it).
 *
 * Train the new head first (with the base frozen) and only then unfreeze: a randomly initialized
 * head sends large gradients into the base and destroys its features.
 *
 * @param model - a compiled model, typically from {@link createTransferModel}; changed in place.
 * @param options - see {@link UnfreezeOptions}.
 * @returns which layers train now and which stay frozen.
 * @throws ConfigError naming the option (an unknown `fromLayer` lists the layers and the closest name), or when the model is not compiled.
 * @example
 * ```ts
 * import { createTransferModel, unfreeze } from '@dl/transfer-fusion';
 * const model = createTransferModel({ base, head: { numClasses: 5 } });
 * await model.fit(images, labels, { epochs: 20 });                       // head only
 * unfreeze(model, { fromLayer: 'block2_conv1', learningRate: 1e-4 }); // then the top of the base
 * await model.fit(images, labels, { epochs: 10 });
 * ```
 */
export function unfreeze(model: tf.LayersModel, options: UnfreezeOptions = {}): UnfreezeReport {
  parseOptions(v.strictObject({ model: layersModelSchema }), { model }, { package: 'transfer-fusion' });
  const o = parseOptions(OptionsSchema, options, { package: 'transfer-fusion' });
  if (o.optimizer !== undefined && o.learningRate !== undefined) {
    throw new ConfigError({ package: 'transfer-fusion', path: 'learningRate', value: o.learningRate, expected: 'no learningRate when an optimizer is given (set it on the optimizer)', related: { optimizer: o.optimizer.getClassName() } });
  }
  const loss = (model as unknown as { loss?: unknown }).loss;
  if (loss === undefined || (Array.isArray(loss) && loss.length === 0)) {
    throw new ConfigError({ package: 'transfer-fusion', path: 'model', value: model.name, expected: 'a compiled model (unfreeze recompiles it with the same loss and metrics)' });
  }
  const first = o.fromLayer === undefined ? 0 : leafLayers(model).indexOf(findLayer(model, o.fromLayer, 'fromLayer'));
  setLayersTrainable(model, (_layer, i) => i >= first);
  freezeBatchNorm(model);

  const previous = model.optimizer;
  // The model owns its optimizer when it was compiled with one by name or handed one over
  // (ownOptimizer, as this package's factories do): then nobody else holds it, and it goes.
  const previousOwned = (model as unknown as { isOptimizerOwned?: boolean }).isOptimizerOwned === true;
  model.compile({
    optimizer: o.optimizer ?? tf.train.adam(o.learningRate ?? 1e-4),
    loss: loss as string,
    metrics: (model as unknown as { metrics?: string[] }).metrics,
  });
  if (previous !== undefined && previous !== model.optimizer && previousOwned) previous.dispose();
  if (o.optimizer === undefined) ownOptimizer(model); // ours: model.dispose() frees it; a user's own stays theirs

  const withWeights = leafLayers(model).filter((layer) => layer.weights.length > 0);
  return {
    trainable: withWeights.filter((layer) => layer.trainable && !isBatchNormFrozen(layer)).map((layer) => layer.name),
    frozen: withWeights.filter((layer) => !layer.trainable || isBatchNormFrozen(layer)).map((layer) => layer.name),
  };
}
