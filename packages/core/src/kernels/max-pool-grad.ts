import * as tf from '@tensorflow/tfjs';
import { makeOutput, readValues, type KernelBackendLike } from './backend-access.js';

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
    const x = readValues(access, input) as Float32Array;
    const dyValues = readValues(access, dy) as Float32Array;
    const dx = new Float32Array(x.length);
    const best = new Float32Array(inChannels);
    const bestIndex = new Int32Array(inChannels);
    for (let b = 0; b < batchSize; b++) {
      for (let oh = 0; oh < outHeight; oh++) {
        const hStart = oh * info.strideHeight - info.padInfo.top;
        const hFrom = Math.max(0, hStart);
        const hTo = Math.min(inHeight, hStart + info.effectiveFilterHeight);
        for (let ow = 0; ow < outWidth; ow++) {
          const wStart = ow * info.strideWidth - info.padInfo.left;
          const wFrom = Math.max(0, wStart);
          const wTo = Math.min(inWidth, wStart + info.effectiveFilterWidth);
          best.fill(Number.NEGATIVE_INFINITY);
          bestIndex.fill(-1);
          // Channels innermost: contiguous reads; the first maximum in row-major window order wins.
          for (let ih = hFrom; ih < hTo; ih += info.dilationHeight) {
            for (let iw = wFrom; iw < wTo; iw += info.dilationWidth) {
              const base = ((b * inHeight + ih) * inWidth + iw) * inChannels;
              for (let c = 0; c < inChannels; c++) {
                const value = x[base + c]!;
                if (value > best[c]! || bestIndex[c] === -1) {
                  best[c] = value;
                  bestIndex[c] = base + c;
                }
              }
            }
          }
          const dyBase = ((b * outHeight + oh) * outWidth + ow) * inChannels;
          for (let c = 0; c < inChannels; c++) {
            const index = bestIndex[c]!;
            if (index >= 0) dx[index]! += dyValues[dyBase + c]!;
          }
        }
      }
    }
    return makeOutput(access, [...input.shape], 'float32', dx);
  },
};
