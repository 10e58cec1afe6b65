import * as tf from '@tensorflow/tfjs';
import { fileSystemHandler } from './file-system-handler.js';

/**
 * Saves a model to a directory (atomically; see {@link fileSystemHandler}).
 * Models that contain dl layers load back as long as the package that defines them has
 * been imported (its layers register themselves on import).
 *
 * @param model - the model to save.
 * @param directory - the target directory; created when missing.
 * @param options - passed to `model.save`, e.g. `{ includeOptimizer: true }`.
 * @returns tfjs's `SaveResult`.
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
 * @example
 * ```ts
 * import { loadModel } from '@dl/core/node';
 * const model = await loadModel('./out/classifier');
 * model.predict(input);
 * ```
 */
export function loadModel(directory: string, options?: tf.io.LoadOptions): Promise<tf.LayersModel> {
  return tf.loadLayersModel(fileSystemHandler(directory), options);
}
