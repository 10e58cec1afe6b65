import type * as tf from '@tensorflow/tfjs';
import { allocateOutput, makeOutput, readValues, runBackendKernel, viewValues, type KernelBackendLike } from './backend-access.js';
import { assertGradientShapes, convGeometry, rowsPerBlock, type ConvGeometry } from './conv-geometry.js';
import { runOriginalKernel } from './original-kernels.js';
import { simdKernelsFor, type SimdKernels } from './simd/simd-kernels.js';

/**
 * `Conv2DBackpropFilter` (the gradient of a 2-D convolution with respect to its filter)
 * as im2col and one matrix product, `dW = patches(x)ᵀ · dy`, with `dy` viewed as
 * `[batch·outH·outW, outC]`:
 * - at least 4 input channels, on wasm with WebAssembly SIMD: dl's SIMD product, packing its
 *   panels of patches straight from `x` through a table of each window position's pixel
 *   address (no im2col copy): 1.1-1.7x an SIMD im2col copy, itself 1.7-2.3x the
 *   forward-convolution form below;
 * - at least 8 input channels otherwise: the forward-convolution form (`viaForwardConvolution`);
 * - fewer channels: `patches(x)ᵀ` of shape `[kH·kW·inC, batch·outH·outW]` built in that
 *   layout in JavaScript, times `dy` on the backend's `BatchMatMul`.
 *
 * wasm has no kernel of its own; the cpu backend's is a direct loop about 75x slower than
 * its forward convolution, and this one replaces it for NHWC (NCHW falls back to the
 * original). Large problems are split into row blocks of at most 4M patch values (16 MB).
 *
 * @example
 * ```ts
 * import type * as tf from '@tensorflow/tfjs';
 * import { conv2dBackpropFilterKernel } from '@dl/core';
 * tf.registerKernel({ ...conv2dBackpropFilterKernel, backendName: 'wasm' });
 * const dW = tf.grad((w: tf.Tensor4D) => tf.conv2d(x, w, 1, 'same').sum())(w);
 * ```
 */
export const conv2dBackpropFilterKernel: Omit<tf.KernelConfig, 'backendName'> = {
  kernelName: 'Conv2DBackpropFilter',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
    const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
    if (dataFormat === 'NCHW') return runOriginalKernel('Conv2DBackpropFilter', inputs, backend, attrs);
    const access = backend as unknown as KernelBackendLike;
    const g = convGeometry(x.shape, filterShape, strides, pad, dimRoundingMode);
    assertGradientShapes('Conv2DBackpropFilter', g, dy, filterShape);
    const simd = x.dtype === 'float32' && dy.dtype === 'float32' ? simdKernelsFor(backend) : undefined;
    // By measurement on wasm (batch 64; ms, patches read through addresses vs an SIMD im2col copy):
    // 14×14×64→64 3×3 25 vs 28, 28×28×32→32 3×3 28 vs 35, 28×28×32→64 4×4 stride 2 23 vs 28,
    // 28×28×8→16 3×3 5.3 vs 8.0, 28×28×4→16 3×3 3.6 vs 6.2 (JavaScript im2col); with 1-3 channels
    // (no four channels of a pixel to load as one vector) about equal, 6.0 vs 5.7 for 28×28×1→32.
    // The SIMD im2col copy had been 1.7-2.3x the forward-convolution route (28×28×32→32 3×3 34-40
    // vs 60, 26×26×32→64 3×3 valid 43 vs 97).
    if (simd !== undefined && g.inChannels >= 4) return viaPatchAddresses(access, simd, g, x, dy, filterShape);
    if (preferForwardConvolution(g)) return viaForwardConvolution(access, g, x, dy);
    const blockRows = rowsPerBlock(g);
    if (blockRows === g.rows) {
      const patches = allocateOutput(access, [1, g.patchSize, g.rows]);
      fillTransposedPatches(patches.values, g, viewValues(access, x) as Float32Array, 0, g.rows);
      const dyView = { dataId: dy.dataId, shape: [1, g.rows, g.outChannels], dtype: dy.dtype };
      const product = runBackendKernel('BatchMatMul', access, { a: patches.info, b: dyView }, { transposeA: false, transposeB: false });
      access.disposeData(patches.info.dataId);
      return { dataId: product.dataId, shape: [...filterShape], dtype: 'float32' };
    }
    const xValues = readValues(access, x) as Float32Array;
    const dyValues = readValues(access, dy) as Float32Array;
    const total = new Float32Array(g.patchSize * g.outChannels);
    for (let start = 0; start < g.rows; start += blockRows) {
      const count = Math.min(blockRows, g.rows - start);
      const patches = makeOutput(access, [1, g.patchSize, count], 'float32', fillTransposedPatches(new Float32Array(g.patchSize * count), g, xValues, start, count));
      const dyBlock = makeOutput(access, [1, count, g.outChannels], 'float32', dyValues.slice(start * g.outChannels, (start + count) * g.outChannels));
      const product = runBackendKernel('BatchMatMul', access, { a: patches, b: dyBlock }, { transposeA: false, transposeB: false });
      const block = readValues(access, product) as Float32Array;
      for (let i = 0; i < block.length; i++) total[i]! += block[i]!;
      for (const info of [patches, dyBlock, product]) access.disposeData(info.dataId);
    }
    return makeOutput(access, [...filterShape], 'float32', total);
  },
};

/**
 * On wasm with dl's SIMD kernels: `dW = patches(x)ᵀ · dy` with the patches read in place: per
 * block of output rows (as many as 4M patch values), a table of each window position's pixel
 * address, through which the product packs its panels of patches; each block's product added to
 * the sum of the blocks before (in row order, as one product would).
 */
function viaPatchAddresses(access: KernelBackendLike, simd: SimdKernels, g: ConvGeometry, x: tf.TensorInfo, dy: tf.TensorInfo, filterShape: readonly number[]): tf.TensorInfo {
  const dW = access.makeOutput!([...filterShape], 'float32');
  const blockRows = rowsPerBlock(g);
  const taps = g.filterHeight * g.filterWidth;
  const table = access.makeOutput!([blockRows * taps], 'int32');
  const zeros = allocateOutput(access, [g.inChannels]).info; // zero-filled
  const scratch = access.makeOutput!([Math.ceil(simd.scratchBytes(g.patchSize, g.outChannels, blockRows) / 4)], 'float32');
  const [xAddress, dyAddress, dWAddress, tableAddress, zerosAddress, scratchAddress] = simd.addresses(x, dy, dW, table, zeros, scratch);
  for (let start = 0; start < g.rows; start += blockRows) {
    const count = Math.min(blockRows, g.rows - start);
    simd.patchAddressRows(xAddress, g, start, count, zerosAddress, tableAddress);
    simd.multiplyPatches(tableAddress, g, count, dyAddress + start * g.outChannels * 4, dWAddress, scratchAddress, start > 0);
  }
  for (const info of [table, zeros, scratch]) access.disposeData(info.dataId);
  return dW;
}

/**
 * im2col, transposed, into a zeroed `out`: column `r` holds the receptive field of output
 * position `start + r` (zero where it falls in the padding); row `k` enumerates
 * (kh, kw, inChannel). `start` and `count` are whole output lines (multiples of outWidth),
 * so the innermost loop writes consecutive columns.
 */
function fillTransposedPatches(out: Float32Array, g: ConvGeometry, x: Float32Array, start: number, count: number): Float32Array {
  const { outWidth, outHeight, inWidth, inHeight, inChannels, strideWidth, filterWidth } = g;
  for (let line = start / outWidth; line < (start + count) / outWidth; line++) {
    const b = Math.floor(line / outHeight);
    const oh = line - b * outHeight;
    const column0 = line * outWidth - start;
    const top = oh * g.strideHeight - g.padTop;
    // Output columns whose window column kw stays inside the image: iw = ow*s + kw - padLeft.
    for (let kh = 0; kh < g.filterHeight; kh++) {
      const ih = top + kh;
      if (ih < 0 || ih >= inHeight) continue;
      const rowBase = (b * inHeight + ih) * inWidth;
      for (let kw = 0; kw < filterWidth; kw++) {
        const shift = kw - g.padLeft;
        const owFrom = Math.max(0, Math.ceil(-shift / strideWidth));
        const owTo = Math.min(outWidth, Math.floor((inWidth - 1 - shift) / strideWidth) + 1);
        for (let c = 0; c < inChannels; c++) {
          const k = (kh * filterWidth + kw) * inChannels + c;
          const to = k * count + column0;
          let from = (rowBase + owFrom * strideWidth + shift) * inChannels + c;
          const step = strideWidth * inChannels;
          for (let ow = owFrom; ow < owTo; ow++, from += step) out[to + ow] = x[from]!;
        }
      }
    }
  }
  return out;
}

/**
 * Whether the forward-convolution form is the faster one: at least 8 input channels. Measured
 * on wasm (batch 64, 'same'; ms, im2col vs conv form): 28×28×32→32 3×3 104 vs 58,
 * 28×28×32→64 4×4 stride 2 70 vs 39, 14×14×64→64 4×4 stride 2 25 vs 17, 14×14×32→64 3×3 28 vs
 * 26, 28×28×8→16 3×3 13 vs 12, 7×7×64→128 3×3 21 vs 23; but 28×28×1→32 3×3 3 vs 16 (one input
 * channel is a one-channel "batch" for XNNPACK).
 */
function preferForwardConvolution(g: ConvGeometry): boolean {
  return g.inChannels >= 8;
}

/**
 * dW[kh, kw, ci, co] = Σ over b, oh, ow of x[b, oh·s + kh − padTop, ow·s + kw − padLeft, ci] · dy[b, oh, ow, co]
 * is itself a forward convolution (the backend's fast one) with the roles swapped: input
 * `xᵀ` = [inC, H, W, batch] (batch as channels), filter `dy` viewed as [outH, outW, batch, outC]
 * (after moving the batch axis) and dilated by the stride, the same padding, output
 * [inC, kH, kW, outC], transposed to [kH, kW, inC, outC]. No im2col matrix is built. Input
 * rows (columns) that no window reaches, as in a 'valid' convolution whose stride does not
 * divide the input, would add output rows past kH: the bottom (right) padding is reduced
 * by them, and where that is not enough the extra rows are sliced off.
 */
function viaForwardConvolution(access: KernelBackendLike, g: ConvGeometry, x: tf.TensorInfo, dy: tf.TensorInfo): tf.TensorInfo {
  const xT = runBackendKernel('Transpose', access, { x }, { perm: [3, 1, 2, 0] });
  const dyT = runBackendKernel('Transpose', access, { x: dy }, { perm: [1, 2, 0, 3] });
  // Rows of the padded input past the last window: (H + padTop + padBottom) − ((outH − 1)·s + kH).
  const extraRows = g.inHeight + g.padTop + g.padBottom - ((g.outHeight - 1) * g.strideHeight + g.filterHeight);
  const extraColumns = g.inWidth + g.padLeft + g.padRight - ((g.outWidth - 1) * g.strideWidth + g.filterWidth);
  const padBottom = Math.max(0, g.padBottom - extraRows);
  const padRight = Math.max(0, g.padRight - extraColumns);
  const pad = [
    [0, 0],
    [g.padTop, padBottom],
    [g.padLeft, padRight],
    [0, 0],
  ];
  let product = runBackendKernel('Conv2D', access, { x: xT, filter: dyT }, { strides: [1, 1], pad, dataFormat: 'NHWC', dilations: [g.strideHeight, g.strideWidth] });
  access.disposeData(xT.dataId);
  access.disposeData(dyT.dataId);
  if (product.shape[1] !== g.filterHeight || product.shape[2] !== g.filterWidth) {
    const cropped = runBackendKernel('Slice', access, { x: product }, { begin: [0, 0, 0, 0], size: [g.inChannels, g.filterHeight, g.filterWidth, g.outChannels] });
    access.disposeData(product.dataId);
    product = cropped;
  }
  const dW = runBackendKernel('Transpose', access, { x: product }, { perm: [1, 2, 0, 3] });
  access.disposeData(product.dataId);
  return dW;
}
