import * as tf from '@tensorflow/tfjs';
import { assertShape } from './assert-shape.js';
import { allocateOutput, viewValues, type KernelBackendLike } from './backend-access.js';

/**
 * `MaxPoolGrad`: routes each output gradient to the input position that held the
 * window's maximum (the first one in row-major order on ties, as tfjs's cpu backend
 * does). One linear pass over the windows; replaces the wasm backend's slower kernel.
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
    const { dy, input } = inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
    const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as tf.MaxPoolGradAttrs;
    const access = backend as unknown as KernelBackendLike;
    const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode);
    const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth } = info;
    assertShape('dy', dy.shape, [batchSize, outHeight, outWidth, inChannels], 'MaxPoolGrad: the pooling output for this input, window, strides and padding');
    // Output first: creating it may grow the wasm heap, which would detach the views.
    const output = allocateOutput(access, [...input.shape]);
    const dx = output.values;
    const x = viewValues(access, input) as Float32Array;
    const dyValues = viewValues(access, dy) as Float32Array;
    for (let b = 0; b < batchSize; b++) {
      for (let oh = 0; oh < outHeight; oh++) {
        const hStart = oh * info.strideHeight - info.padInfo.top;
        const hFrom = Math.max(0, hStart);
        const hTo = Math.min(inHeight, hStart + info.effectiveFilterHeight);
        for (let ow = 0; ow < outWidth; ow++) {
          const wStart = ow * info.strideWidth - info.padInfo.left;
          const wFrom = Math.max(0, wStart);
          const wTo = Math.min(inWidth, wStart + info.effectiveFilterWidth);
          const dyBase = ((b * outHeight + oh) * outWidth + ow) * inChannels;
          // One channel at a time with the running maximum in locals: the window's few
          // pixels stay in cache, and the first maximum in row-major order wins.
          for (let c = 0; c < inChannels; c++) {
            let best = Number.NEGATIVE_INFINITY;
            let bestIndex = -1;
            for (let ih = hFrom; ih < hTo; ih += info.dilationHeight) {
              let index = ((b * inHeight + ih) * inWidth + wFrom) * inChannels + c;
              for (let iw = wFrom; iw < wTo; iw += info.dilationWidth, index += info.dilationWidth * inChannels) {
                const value = x[index]!;
                if (value > best || bestIndex === -1) {
                  best = value;
                  bestIndex = index;
                }
              }
            }
            if (bestIndex >= 0) dx[bestIndex]! += dyValues[dyBase + c]!;
          }
        }
      }
    }
    return output.info;
  },
};
