/**
 * Thrown by the `@dl/core/testing` helpers when a check fails.
 *
 * @example
 * ```ts
 * import { TensorAssertionError, expectTensorsClose } from '@dl/core/testing';
 * try {
 *   expectTensorsClose(tf.tensor1d([1]), [2]);
 * } catch (e) {
 *   e instanceof TensorAssertionError; // true
 * }
 * ```
 */
export class TensorAssertionError extends Error {
  constructor(message: string) {
    super(`[@dl/core/testing] ${message}`);
    this.name = 'TensorAssertionError';
  }
}
