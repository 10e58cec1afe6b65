import * as tf from '@tensorflow/tfjs';

/**
 * Matrices up to this many elements get no "Orthogonal initializer ... Slowness may result"
 * warning: tfjs-layers 4.22 warns above 2,000 elements, which every LSTM or GRU of 23 units or
 * more crosses (recurrent kernel `[u, 4u]`, `[u, 3u]`). Measured in Node 20 on 2 cores, an
 * orthogonal `[64, 256]` (16,384 elements) takes about 0.7 s on wasm and 2 s on cpu; `[128, 512]`
 * takes 0.9 s on wasm but 25 s on cpu, so above this size the warning is true and is kept.
 */
export const orthogonalQuietElements = 16_384;

/** tfjs-layers' own threshold; an instance still at it has not been tuned by its user. */
const tfjsOrthogonalWarnElements = 2000;

const patched = Symbol.for('dl.core.orthogonalQuiet');

/**
 * Silences two tfjs notices that do not apply to dl users, leaving every other warning alone:
 * - tfjs-backend-cpu's "Hi, looks like you are running TensorFlow.js in Node.js. To speed
 *   things up dramatically, install our node backend" (printed on the cpu backend's first
 *   tensor): tfjs-node is not something dl supports (its install downloads a binary), and
 *   `useBackend` picks wasm when it can. Only the cpu backend's own first-use flag is cleared,
 *   on the instance already created.
 * - tfjs-layers' orthogonal-initializer slowness warning for matrices up to
 *   {@link orthogonalQuietElements} elements: the threshold of initializers still at tfjs's
 *   default (2,000) is raised to that size, so larger matrices still warn, in tfjs's words.
 *
 * @example
 * ```ts
 * await tf.setBackend('cpu');
 * quietTfjsNotices();
 * tf.tensor([1]); // no "Hi, looks like you are running TensorFlow.js in Node.js" notice
 * ```
 */
export function quietTfjsNotices(): void {
  const cpu = tf.engine().registry.cpu as { firstUse?: boolean } | undefined;
  if (cpu !== undefined && typeof cpu.firstUse === 'boolean') cpu.firstUse = false;
  raiseOrthogonalWarningThreshold();
}

interface OrthogonalLike {
  ELEMENTS_WARN_SLOW?: number;
  apply(shape: number[], dtype?: tf.DataType): tf.Tensor;
}

function raiseOrthogonalWarningThreshold(): void {
  const prototype = Object.getPrototypeOf(tf.initializers.orthogonal({})) as OrthogonalLike & { [patched]?: boolean };
  if (prototype[patched] === true || typeof prototype.apply !== 'function') return;
  const apply = prototype.apply;
  prototype.apply = function (this: OrthogonalLike, shape: number[], dtype?: tf.DataType): tf.Tensor {
    if (this.ELEMENTS_WARN_SLOW === tfjsOrthogonalWarnElements) this.ELEMENTS_WARN_SLOW = orthogonalQuietElements;
    return apply.call(this, shape, dtype);
  };
  prototype[patched] = true;
}
