import * as tf from '@tensorflow/tfjs';
import { isNestedModel, leafLayers } from './model-layers.js';

/**
 * Sets `trainable` on every layer of `model`, nested models included, from `isTrainable(layer,
 * index)` with `index` the layer's position in {@link leafLayers}. Nested models are made
 * trainable themselves first (tfjs returns no weights at all from a non-trainable nested model,
 * and its setter also rewrites its direct layers' weight flags), then each layer is set.
 */
export function setLayersTrainable(model: tf.LayersModel, isTrainable: (layer: tf.layers.Layer, index: number) => boolean): void {
  const openContainers = (container: tf.LayersModel): void => {
    container.trainable = true;
    for (const layer of container.layers) if (isNestedModel(layer)) openContainers(layer);
  };
  openContainers(model);
  leafLayers(model).forEach((layer, i) => {
    layer.trainable = isTrainable(layer, i);
  });
}
