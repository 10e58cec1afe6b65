import * as tf from '@tensorflow/tfjs';
import { assertShape } from './assert-shape.js';
import { makeOutput, readValues, type KernelBackendLike } from './backend-access.js';

interface DepthwiseAttrs {
  strides: [number, number] | number;
  dilations: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

function depthwiseInfo(inShape: readonly number[], filterShape: readonly number[], attrs: DepthwiseAttrs): tf.backend_util.Conv2DInfo {
  return tf.backend_util.computeConv2DInfo(
    inShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    attrs.dilations,
    attrs.pad,
    attrs.dimRoundingMode,
    true,
    'channelsLast',
  );
}

/** Checks `dy` and the filter against the geometry before any buffer is read by index. */
function assertDepthwiseShapes(kernelName: string, info: tf.backend_util.Conv2DInfo, dy: tf.TensorInfo, filterShape: readonly number[]): void {
  const multiplier = info.outChannels / info.inChannels;
  assertShape('filter', filterShape, [info.filterHeight, info.filterWidth, info.inChannels, multiplier], `${kernelName}: [filterHeight, filterWidth, inChannels, multiplier] with the input's ${info.inChannels} channels`);
  assertShape('dy', dy.shape, [info.batchSize, info.outHeight, info.outWidth, info.outChannels], `${kernelName}: the convolution's output for this input, filter, strides and padding`);
}

/**
 * Visits every (input position, filter tap, output position) triple of a depthwise
 * convolution once: `visit(xIndex, wIndex, dyIndex)` for channel `c` and multiplier `m`
 * is called with flat NHWC / [kh, kw, c, m] indices. Linear in the output size × taps.
 */
function forEachTap(info: tf.backend_util.Conv2DInfo, visit: (xBase: number, wBase: number, dyBase: number) => void): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth } = info;
  for (let b = 0; b < batchSize; b++)
    for (let oh = 0; oh < outHeight; oh++)
      for (let ow = 0; ow < outWidth; ow++) {
        const dyBase = ((b * outHeight + oh) * outWidth + ow) * outChannels;
        for (let p = 0; p < filterHeight; p++) {
          const ih = oh * info.strideHeight + p * info.dilationHeight - info.padInfo.top;
          if (ih < 0 || ih >= inHeight) continue;
          for (let q = 0; q < filterWidth; q++) {
            const iw = ow * info.strideWidth + q * info.dilationWidth - info.padInfo.left;
            if (iw < 0 || iw >= inWidth) continue;
            visit(((b * inHeight + ih) * inWidth + iw) * inChannels, (p * filterWidth + q) * outChannels, dyBase);
          }
        }
      }
}

/**
 * `DepthwiseConv2dNativeBackpropFilter`, the filter gradient of a depthwise convolution,
 * as one linear JavaScript pass; the wasm backend has none.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { depthwiseConv2dBackpropFilterKernel } from '@dl/core';
 * tf.registerKernel({ ...depthwiseConv2dBackpropFilterKernel, backendName: 'wasm' });
 * ```
 */
export const depthwiseConv2dBackpropFilterKernel: Omit<tf.KernelConfig, 'backendName'> = {
  kernelName: 'DepthwiseConv2dNativeBackpropFilter',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
    const filterShape = (attrs as unknown as { filterShape: number[] }).filterShape;
    const access = backend as unknown as KernelBackendLike;
    const info = depthwiseInfo(x.shape, filterShape, attrs as unknown as DepthwiseAttrs);
    assertDepthwiseShapes('DepthwiseConv2dNativeBackpropFilter', info, dy, filterShape);
    const xValues = readValues(access, x) as Float32Array;
    const dyValues = readValues(access, dy) as Float32Array;
    const multiplier = info.outChannels / info.inChannels;
    const dw = new Float32Array(filterShape.reduce((a, b) => a * b, 1));
    forEachTap(info, (xBase, wBase, dyBase) => {
      for (let c = 0; c < info.inChannels; c++) {
        const xv = xValues[xBase + c]!;
        for (let m = 0; m < multiplier; m++) dw[wBase + c * multiplier + m]! += xv * dyValues[dyBase + c * multiplier + m]!;
      }
    });
    return makeOutput(access, [...filterShape], 'float32', dw);
  },
};

/**
 * `DepthwiseConv2dNativeBackpropInput`, the input gradient of a depthwise convolution,
 * as one linear JavaScript pass; the wasm backend has none.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { depthwiseConv2dBackpropInputKernel } from '@dl/core';
 * tf.registerKernel({ ...depthwiseConv2dBackpropInputKernel, backendName: 'wasm' });
 * ```
 */
export const depthwiseConv2dBackpropInputKernel: Omit<tf.KernelConfig, 'backendName'> = {
  kernelName: 'DepthwiseConv2dNativeBackpropInput',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { dy, filter } = inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
    const inputShape = (attrs as unknown as { inputShape: number[] }).inputShape;
    const access = backend as unknown as KernelBackendLike;
    const info = depthwiseInfo(inputShape, filter.shape, attrs as unknown as DepthwiseAttrs);
    assertDepthwiseShapes('DepthwiseConv2dNativeBackpropInput', info, dy, filter.shape);
    const w = readValues(access, filter) as Float32Array;
    const dyValues = readValues(access, dy) as Float32Array;
    const multiplier = info.outChannels / info.inChannels;
    const dx = new Float32Array(inputShape.reduce((a, b) => a * b, 1));
    forEachTap(info, (xBase, wBase, dyBase) => {
      for (let c = 0; c < info.inChannels; c++) {
        let sum = 0;
        for (let m = 0; m < multiplier; m++) sum += w[wBase + c * multiplier + m]! * dyValues[dyBase + c * multiplier + m]!;
        dx[xBase + c]! += sum;
      }
    });
    return makeOutput(access, [...inputShape], 'float32', dx);
  },
};
