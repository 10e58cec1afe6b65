import * as tf from '@tensorflow/tfjs';
import { TensorAssertionError } from './assertion-error.js';

/**
 * Runs `fn` and asserts that it left nothing behind: the same number of live tensors in
 * the engine, and the same number of data buffers in the active backend. The second count
 * sees what the first cannot: a kernel that writes an intermediate buffer to the backend
 * (`backend.write`, `makeTensorInfo`) and forgets to free it leaks memory without any
 * tensor existing. `fn` must dispose whatever it creates, including its results;
 * variables it creates (e.g. by building a model) count too, so dispose the model inside
 * `fn`. If `fn` switches backends, only the engine count is compared.
 *
 * @param fn - the code to check, sync or async.
 * @returns what `fn` returned.
 * @throws {@link TensorAssertionError} naming how many tensors or backend buffers leaked.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { expectNoTensorLeaks } from '@dl/core/testing';
 * await expectNoTensorLeaks(() => tf.tidy(() => { tf.ones([2]).square(); }));
 * ```
 */
export async function expectNoTensorLeaks<T>(fn: () => T | Promise<T>): Promise<T> {
  const backend = tf.backend();
  const tensorsBefore = tf.memory().numTensors;
  const buffersBefore = backend.numDataIds();
  const result = await fn();
  const tensorsAfter = tf.memory().numTensors;
  if (tensorsAfter !== tensorsBefore) {
    throw new TensorAssertionError(`${tensorsAfter - tensorsBefore} tensor(s) leaked (${tensorsBefore} live before, ${tensorsAfter} after).`);
  }
  if (tf.backend() === backend) {
    const buffersAfter = backend.numDataIds();
    if (buffersAfter !== buffersBefore) {
      throw new TensorAssertionError(
        `${buffersAfter - buffersBefore} backend data buffer(s) leaked on '${tf.getBackend()}' (${buffersBefore} before, ${buffersAfter} after) ` +
          'with no tensor leaked: a kernel created data it did not dispose.',
      );
    }
  }
  return result;
}
