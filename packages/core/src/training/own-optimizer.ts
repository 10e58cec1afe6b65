import type * as tf from '@tensorflow/tfjs';

/**
 * Makes `model.dispose()` dispose the optimizer the model was compiled with, as tfjs does for an
 * optimizer given by name (`compile({ optimizer: 'adam' })`). Given an optimizer object, tfjs
 * leaves it alive after `model.dispose()`, with its state (Adam's two moments per weight: twice
 * the model's size in tensors); a factory that creates the optimizer itself should hand it over,
 * so that disposing the model frees everything. Do not call it for an optimizer shared with
 * another model. Recompiling with another optimizer object ends the ownership (tfjs's rule).
 *
 * @param model - a compiled model.
 * @returns the model.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { ownOptimizer } from '@dl/core';
 * const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 1 })] });
 * model.compile({ optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError' });
 * ownOptimizer(model); // model.dispose() now frees Adam's moments too
 * ```
 */
export function ownOptimizer<T extends tf.LayersModel>(model: T): T {
  (model as unknown as { isOptimizerOwned: boolean }).isOptimizerOwned = true;
  return model;
}
