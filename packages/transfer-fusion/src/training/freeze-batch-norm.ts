import * as tf from '@tensorflow/tfjs';
import { leafLayers } from '../internal/model-layers.js';

/** Marks a BatchNormalization layer whose `call` this module replaced. */
const inInferenceMode = Symbol.for('@dl/transfer-fusion/batch-norm-inference-mode');

type CallFunction = (inputs: tf.Tensor | tf.Tensor[], kwargs: tf.serialization.ConfigDict) => tf.Tensor | tf.Tensor[];
interface PatchableLayer {
  call: CallFunction;
  [inInferenceMode]?: true;
}

/** Whether `layer` is a BatchNormalization layer that {@link freezeBatchNorm} put in inference mode. */
export const isBatchNormFrozen = (layer: tf.layers.Layer): boolean => (layer as unknown as PatchableLayer)[inInferenceMode] === true;

/**
 * Puts every BatchNormalization layer of `model` (nested models included) in inference mode for
 * good: `trainable` false (γ and β frozen) and, unlike tfjs's own `trainable = false`, the moving
 * mean and variance are used and left unchanged also inside `fit` and `trainOnBatch`.
 *
 * Why: in tfjs a BatchNormalization layer with `trainable: false` still normalizes each training
 * batch with that batch's statistics and keeps updating its moving averages. A pretrained base
 * fine-tuned on a small dataset would then forget the statistics it learnt on its large one, and
 * a "frozen" base would change. Keras 2.x/3 runs a non-trainable BatchNormalization in inference
 * mode; this gives tfjs models the same behaviour. {@link createTransferModel} and
 * {@link createFeatureFusionModel} call it on their bases, and {@link unfreeze} never unfreezes
 * these layers.
 *
 * The mode is not part of the saved model (tfjs has no field for it): after loading a saved
 * transfer model, call `freezeBatchNorm(model)` again before training it further. Prediction
 * uses the moving statistics in any case.
 *
 * @param model - the model; its layers are changed in place.
 * @returns the number of BatchNormalization layers now in inference mode.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { freezeBatchNorm } from '@dl/transfer-fusion';
 * const model = await tf.loadLayersModel('file://…'); // a saved transfer model
 * freezeBatchNorm(model); // 3 (its BatchNorm layers keep their statistics while training)
 * ```
 */
export function freezeBatchNorm(model: tf.LayersModel): number {
  const batchNorms = leafLayers(model).filter((layer) => layer.getClassName() === 'BatchNormalization');
  for (const layer of batchNorms) {
    layer.trainable = false;
    const patchable = layer as unknown as PatchableLayer;
    if (patchable[inInferenceMode] === true) continue;
    const call = patchable.call.bind(layer);
    patchable.call = (inputs, kwargs) => call(inputs, { ...kwargs, training: false });
    patchable[inInferenceMode] = true;
  }
  return batchNorms.length;
}
