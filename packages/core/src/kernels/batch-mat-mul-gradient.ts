import * as tf from '@tensorflow/tfjs';
import { reduceToShape } from './reduce-to-shape.js';

/**
 * The gradient of `BatchMatMul` with broadcast batches. tfjs 4.22's own gradient returns
 * `dy · Bᵀ` (and the like) without summing over the batch axes an operand was broadcast
 * along, so any broadcast product fails under `tf.grad` ("the gradient of input 'a' has
 * shape '2,2,3,4', which does not match the shape of the input '2,1,3,4'"). This one sums
 * them: dA = Σ over broadcast axes of dy · op(B)ᵀ (the transposes as in tfjs), reshaped to A.
 *
 * `installTrainingKernels` registers it (gradients are global, not per backend).
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { batchMatMulGradient } from '@dl/core';
 * tf.registerGradient(batchMatMulGradient);
 * tf.grad((a: tf.Tensor) => tf.matMul(a, tf.ones([1, 2, 4, 2])).sum())(tf.ones([2, 1, 3, 4])).shape; // [2, 1, 3, 4]
 * ```
 */
export const batchMatMulGradient: tf.GradConfig = {
  kernelName: 'BatchMatMul',
  inputsToSave: ['a', 'b'],
  gradFunc: (dy, saved, attrs) => {
    const [a, b] = saved as [tf.Tensor, tf.Tensor];
    const { transposeA, transposeB } = attrs as unknown as tf.BatchMatMulAttrs;
    const g = dy as tf.Tensor;
    const [da, db] = transposeA
      ? transposeB
        ? [() => tf.matMul(b, g, true, true), () => tf.matMul(g, a, true, true)]
        : [() => tf.matMul(b, g, false, true), () => tf.matMul(a, g, false, false)]
      : transposeB
        ? [() => tf.matMul(g, b, false, false), () => tf.matMul(g, a, true, false)]
        : [() => tf.matMul(g, b, false, true), () => tf.matMul(a, g, true, false)];
    return { a: () => reduceToShape(da(), a.shape), b: () => reduceToShape(db(), b.shape) };
  },
};
