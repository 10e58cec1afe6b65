import * as tf from '@tensorflow/tfjs';
import { TensorAssertionError } from './assertion-error.js';

/**
 * Runs `fn` and asserts that the number of live tensors is the same afterwards.
 * `fn` must dispose whatever it creates, including its results; variables it creates
 * (e.g. by building a model) count too, so dispose the model inside `fn`.
 *
 * @param fn - the code to check, sync or async.
 * @returns what `fn` returned.
 * @throws {@link TensorAssertionError} naming how many tensors leaked.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { expectNoTensorLeaks } from '@dl/core/testing';
 * await expectNoTensorLeaks(() => tf.tidy(() => { tf.ones([2]).square(); }));
 * ```
 */
export async function expectNoTensorLeaks<T>(fn: () => T | Promise<T>): Promise<T> {
  const before = tf.memory().numTensors;
  const result = await fn();
  const after = tf.memory().numTensors;
  if (after !== before) {
    throw new TensorAssertionError(`${after - before} tensor(s) leaked (${before} live before, ${after} after).`);
  }
  return result;
}
