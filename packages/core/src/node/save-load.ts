import * as tf from '@tensorflow/tfjs';
import { fileSystemHandler } from './file-system-handler.js';
import { unregisteredLayerError } from './unregistered-layers.js';

/**
 * Saves a model to a directory (atomically; see {@link fileSystemHandler}).
 * Models that contain dl layers load back as long as the package that defines them has
 * been imported (its layers register themselves on import).
 *
 * @param model - the model to save.
 * @param directory - the target directory; created when missing.
 * @param options - passed to `model.save`, e.g. `{ includeOptimizer: true }`.
 * @returns tfjs's `SaveResult`.
 * @throws `ConfigError` (from `@dl/core`) when `directory` (or a folder on its path) is an
 * existing file.
 * @example
 * ```ts
 * import { saveModel, loadModel } from '@dl/core/node';
 * await saveModel(model, './out/classifier');
 * const restored = await loadModel('./out/classifier');
 * ```
 */
export function saveModel(model: tf.LayersModel, directory: string, options?: tf.io.SaveConfig): Promise<tf.io.SaveResult> {
  return model.save(fileSystemHandler(directory), options);
}

/**
 * Loads a model saved by {@link saveModel} (or any `model.json` + weights directory).
 *
 * @param directory - the directory holding `model.json`.
 * @param options - passed to `tf.loadLayersModel`, e.g. `{ strict: false }`.
 * @returns the model.
 * @throws `DlError` (from `@dl/core`) with code `not-found` when there is no `model.json`.
 * @throws `ConfigError` (from `@dl/core`) when the model uses a layer class that is not
 * registered; it names the layer and, for dl layers, the package to import (for example
 * `import '@dl/softmax-attention';` for `MultiHeadAttention`).
 * @example
 * ```ts
 * import { loadModel } from '@dl/core/node';
 * const model = await loadModel('./out/classifier');
 * model.predict(input);
 * ```
 */
export async function loadModel(directory: string, options?: tf.io.LoadOptions): Promise<tf.LayersModel> {
  const handler = fileSystemHandler(directory);
  let topology: unknown;
  const reading: tf.io.IOHandler = {
    load: async () => {
      const artifacts = await handler.load!();
      topology = artifacts.modelTopology;
      return artifacts;
    },
  };
  try {
    return await tf.loadLayersModel(reading, options);
  } catch (error) {
    throw unregisteredLayerError(error, topology, directory) ?? error;
  }
}
