import * as tf from '@tensorflow/tfjs';

/** Where output point r of a 1-D resampling from `inSize` to `outSize` points reads, before rounding. */
function sourceScale(inSize: number, outSize: number, alignCorners: boolean): number {
  return alignCorners && outSize > 1 ? (inSize - 1) / (outSize - 1) : inSize / outSize;
}

/**
 * The weights of 1-D bilinear resampling from `inSize` to `outSize` points, as TensorFlow's
 * `resize_bilinear` defines them: output point r reads the source coordinate
 * x = (r + ½)·s − ½ with half-pixel centres, else r·s (s = inSize/outSize, or
 * (inSize − 1)/(outSize − 1) with aligned corners); it takes (1 − λ) of pixel max(⌊x⌋, 0) and λ
 * of pixel min(⌈x⌉, inSize − 1), λ = x − ⌊x⌋. Row-major `[outSize, inSize]`, computed in float64.
 */
export function bilinearWeights(inSize: number, outSize: number, alignCorners: boolean, halfPixelCenters: boolean): Float32Array {
  const scale = sourceScale(inSize, outSize, alignCorners);
  const weights = new Float64Array(outSize * inSize);
  for (let r = 0; r < outSize; r++) {
    const x = halfPixelCenters ? (r + 0.5) * scale - 0.5 : r * scale;
    const lerp = x - Math.floor(x);
    weights[r * inSize + Math.max(Math.floor(x), 0)]! += 1 - lerp;
    weights[r * inSize + Math.min(Math.ceil(x), inSize - 1)]! += lerp;
  }
  return Float32Array.from(weights);
}

/**
 * The weights (0 or 1) of 1-D nearest-neighbour resampling, as TensorFlow's
 * `resize_nearest_neighbor` defines it: output point r copies pixel ⌊(r + ½)·s⌋ with half-pixel
 * centres, else ⌊r·s⌋ (rounded instead of floored with aligned corners), clamped to the image.
 * Row-major `[outSize, inSize]`.
 */
export function nearestWeights(inSize: number, outSize: number, alignCorners: boolean, halfPixelCenters: boolean): Float32Array {
  const scale = sourceScale(inSize, outSize, alignCorners);
  const weights = new Float32Array(outSize * inSize);
  for (let r = 0; r < outSize; r++) {
    const x = halfPixelCenters ? (r + 0.5) * scale : r * scale;
    const nearest = Math.max(Math.min(inSize - 1, alignCorners ? Math.round(x) : Math.floor(x)), 0);
    weights[r * inSize + nearest] = 1;
  }
  return weights;
}

/**
 * dx[b, i, j, c] = Σ_{r,s} H[r, i] · W[s, j] · dy[b, r, s, c]: the adjoint of a separable
 * resampling with row weights H `[outHeight, inHeight]` and column weights W, as two matrix products.
 */
function separableAdjoint(dy: tf.Tensor, imageShape: readonly number[], weights: typeof bilinearWeights, attrs: tf.NamedAttrMap): tf.Tensor {
  const { alignCorners, halfPixelCenters } = attrs as unknown as tf.ResizeBilinearAttrs;
  const [batch, inHeight, inWidth, channels] = imageShape as [number, number, number, number];
  const [, outHeight, outWidth] = dy.shape as [number, number, number, number];
  return tf.tidy(() => {
    const rows = tf.tensor2d(weights(inHeight, outHeight, alignCorners, halfPixelCenters), [outHeight, inHeight]);
    const columns = tf.tensor2d(weights(inWidth, outWidth, alignCorners, halfPixelCenters), [outWidth, inWidth]);
    // Over the output columns: [b, r, c, s] · W → [b, r, c, j].
    const acrossColumns = tf.matMul(tf.transpose(dy, [0, 1, 3, 2]).reshape([-1, outWidth]), columns);
    // Over the output rows: Hᵀ · [r, (b, c, j)] → [i, (b, c, j)].
    const byRow = acrossColumns.reshape([batch, outHeight, channels * inWidth]).transpose([1, 0, 2]).reshape([outHeight, -1]);
    const acrossRows = tf.matMul(rows, byRow, true, false);
    return acrossRows.reshape([inHeight, batch, channels, inWidth]).transpose([1, 0, 3, 2]);
  });
}

/**
 * The gradient of `ResizeBilinear` (`tf.image.resizeBilinear`) with respect to the images:
 * the adjoint of the resampling, with the 1-D weights of `bilinearWeights` along each axis.
 *
 * tfjs 4.22's own gradient kernels (`ResizeBilinearGrad`) ignore `halfPixelCenters` (the
 * default of Keras' `Resizing` and of TF2's `tf.image.resize`) on cpu, wasm and webgpu, so
 * their values are wrong for it; the cpu kernel also returns height and width swapped (a
 * shape error for non-square images), and the wasm one is wrong with aligned corners too.
 * This gradient uses tfjs ops only, so it is right on every backend. `installTrainingKernels`
 * registers it (gradients are global).
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { resizeBilinearGradient } from '@dl/core';
 * tf.registerGradient(resizeBilinearGradient);
 * const images = tf.randomNormal([1, 6, 4, 3]);
 * const dx = tf.grad((x: tf.Tensor4D) => tf.image.resizeBilinear(x, [9, 2], false, true).sum())(images);
 * dx.shape; // [1, 6, 4, 3]
 * ```
 */
export const resizeBilinearGradient: tf.GradConfig = {
  kernelName: 'ResizeBilinear',
  inputsToSave: ['images'],
  gradFunc: (dy, [images], attrs) => ({ images: () => separableAdjoint(dy as tf.Tensor, images!.shape, bilinearWeights, attrs) }),
};

/**
 * The gradient of `ResizeNearestNeighbor` (`tf.image.resizeNearestNeighbor`) with respect to
 * the images: each output gradient goes back to the pixel it copied (`nearestWeights`).
 * tfjs 4.22's own (`ResizeNearestNeighborGrad`) sends it to the wrong pixels with half-pixel
 * centres. Registered by `installTrainingKernels`.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { resizeNearestNeighborGradient } from '@dl/core';
 * tf.registerGradient(resizeNearestNeighborGradient);
 * const dx = tf.grad((x: tf.Tensor4D) => tf.image.resizeNearestNeighbor(x, [5, 7], false, true).sum())(tf.ones([1, 3, 3, 1]));
 * ```
 */
export const resizeNearestNeighborGradient: tf.GradConfig = {
  kernelName: 'ResizeNearestNeighbor',
  inputsToSave: ['images'],
  gradFunc: (dy, [images], attrs) => ({ images: () => separableAdjoint(dy as tf.Tensor, images!.shape, nearestWeights, attrs) }),
};
