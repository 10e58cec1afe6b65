import * as tf from '@tensorflow/tfjs';
import { assertShape } from './assert-shape.js';
import { allocateOutput, viewValues, type KernelBackendLike } from './backend-access.js';
import { simdKernelsFor } from './simd/simd-kernels.js';

/**
 * `MaxPoolGrad`: routes each output gradient to the input position that held the
 * window's maximum (the first one in row-major order on ties, as tfjs's cpu backend
 * does); replaces the wasm backend's slower kernel.
 *
 * - Windows that tile the input without overlap (stride equal to the window, no padding,
 *   as in the usual 2×2 pooling): dl's SIMD kernel compares each position with the forward
 *   output (the `output` input, which tfjs's gradient passes), four channels at a time and
 *   without branches (`assembly/kernels.ts`): 121 → 12 ms per epoch on the first pool of
 *   the seed CNN ([64,26,26,32], profiled with `bench/src/profile.ts`).
 * - Any other pooling, or without WebAssembly SIMD: one linear pass over the windows in
 *   JavaScript, all channels of a pixel at a time, keeping the running maximum.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { maxPoolGradKernel } from '@dl/core';
 * tf.registerKernel({ ...maxPoolGradKernel, backendName: 'wasm' });
 * ```
 */
export const maxPoolGradKernel: Omit<tf.KernelConfig, 'backendName'> = {
  kernelName: 'MaxPoolGrad',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { dy, input, output: pooled } = inputs as { dy: tf.TensorInfo; input: tf.TensorInfo; output: tf.TensorInfo };
    const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as tf.MaxPoolGradAttrs;
    const access = backend as unknown as KernelBackendLike;
    const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode);
    const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth } = info;
    assertShape('dy', dy.shape, [batchSize, outHeight, outWidth, inChannels], 'MaxPoolGrad: the pooling output for this input, window, strides and padding');
    // Output first: creating it may grow the wasm heap, which would detach the views.
    const output = allocateOutput(access, [...input.shape]);
    const tiles =
      info.strideHeight === info.filterHeight &&
      info.strideWidth === info.filterWidth &&
      info.padInfo.top === 0 &&
      info.padInfo.left === 0 &&
      outHeight * info.filterHeight <= inHeight &&
      outWidth * info.filterWidth <= inWidth &&
      pooled !== undefined &&
      pooled.dtype === 'float32' &&
      pooled.shape.join() === dy.shape.join();
    const simd = tiles && input.dtype === 'float32' && dy.dtype === 'float32' ? simdKernelsFor(backend) : undefined;
    if (simd !== undefined) {
      const [x, y, dyAt, dxAt] = [input, pooled, dy, output.info].map((t) => simd.address(t)) as [number, number, number, number];
      simd.maxPoolGradTiled(x, y, dyAt, dxAt, batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, info.filterHeight, info.filterWidth);
      return output.info;
    }
    const dx = output.values;
    const x = viewValues(access, input) as Float32Array;
    const dyValues = viewValues(access, dy) as Float32Array;
    // Per window, the running maximum of every channel at once: the inner loop walks one pixel's
    // channels, which lie next to each other (channels-last), instead of striding by inChannels.
    const best = new Float32Array(inChannels);
    const bestIndex = new Int32Array(inChannels);
    for (let b = 0; b < batchSize; b++) {
      for (let oh = 0; oh < outHeight; oh++) {
        const hStart = oh * info.strideHeight - info.padInfo.top;
        const hFrom = Math.max(0, hStart); // MaxPoolGrad has no dilation: every row of the window counts
        const hTo = Math.min(inHeight, hStart + info.effectiveFilterHeight);
        for (let ow = 0; ow < outWidth; ow++) {
          const wStart = ow * info.strideWidth - info.padInfo.left;
          const wFrom = Math.max(0, wStart);
          const wTo = Math.min(inWidth, wStart + info.effectiveFilterWidth);
          if (hFrom >= hTo || wFrom >= wTo) continue; // the window lies in the padding: no gradient
          const dyBase = ((b * outHeight + oh) * outWidth + ow) * inChannels;
          // The window's first pixel starts every channel's maximum; later ones replace it only
          // when strictly greater, so the first maximum in row-major order wins (tfjs's cpu rule).
          const first = ((b * inHeight + hFrom) * inWidth + wFrom) * inChannels;
          for (let c = 0; c < inChannels; c++) {
            best[c] = x[first + c]!;
            bestIndex[c] = first + c;
          }
          for (let ih = hFrom; ih < hTo; ih++) {
            for (let iw = ih === hFrom ? wFrom + 1 : wFrom; iw < wTo; iw++) {
              const base = ((b * inHeight + ih) * inWidth + iw) * inChannels;
              for (let c = 0; c < inChannels; c++) {
                const value = x[base + c]!;
                if (value > best[c]!) {
                  best[c] = value;
                  bestIndex[c] = base + c;
                }
              }
            }
          }
          for (let c = 0; c < inChannels; c++) dx[bestIndex[c]!]! += dyValues[dyBase + c]!;
        }
      }
    }
    return output.info;
  },
};
