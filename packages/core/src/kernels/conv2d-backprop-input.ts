import type * as tf from '@tensorflow/tfjs';
import { allocateOutput, makeOutput, readValues, runBackendKernel, type KernelBackendLike } from './backend-access.js';
import { assertGradientShapes, convGeometry, rowsPerBlock, type ConvGeometry } from './conv-geometry.js';
import { backpropInputByPhases } from './conv2d-backprop-input-phases.js';
import { runOriginalKernel } from './original-kernels.js';
import { forEachPatchBlock } from './simd/patch-blocks.js';
import { simdKernelsFor, type SimdKernels } from './simd/simd-kernels.js';

/**
 * `Conv2DBackpropInput` (the gradient of a 2-D convolution with respect to its input,
 * also the forward pass of a transposed convolution), on the backend's own fast kernels:
 * - stride 1, at least 8 input channels: a forward convolution of `dy`, padded by
 *   `k - 1 - pad`, with the filter flipped in space and its channel axes swapped (on wasm with
 *   WebAssembly SIMD and at least 16 output channels, dl's implicit convolution reading the
 *   filter in place: 1.3-2.3x XNNPACK's; else the backend's own);
 * - otherwise, on wasm with WebAssembly SIMD: the patch gradients `dy · Wᵀ` on dl's SIMD
 *   product, each block added back into `dx` by dl's SIMD col2im (every window position gets
 *   its patch values, padding dropped): 1.4-3.7x the previous routes on the DCGAN's layers;
 * - without it, other strides with at least 8 input channels: one stride-1 forward
 *   convolution per output phase (`backpropInputByPhases`); fewer channels: one `BatchMatMul`,
 *   `dPatches = dy · Wᵀ`, then a JavaScript col2im; stride 1: the forward convolution.
 *
 * The wasm backend's own kernel is a direct loop (about 12x its forward convolution on
 * the seed CNN); this one replaces it on wasm and cpu for NHWC. NCHW falls back to the
 * backend's original kernel.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { conv2dBackpropInputKernel } from '@dl/core';
 * tf.registerKernel({ ...conv2dBackpropInputKernel, backendName: 'wasm' });
 * const up = tf.conv2dTranspose(x, w, [2, 8, 8, 3], 2, 'same');
 * ```
 */
export const conv2dBackpropInputKernel: Omit<tf.KernelConfig, 'backendName'> = {
  kernelName: 'Conv2DBackpropInput',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { dy, filter } = inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
    const { inputShape, strides, pad, dataFormat, dimRoundingMode } = attrs as unknown as tf.Conv2DBackpropInputAttrs;
    if (dataFormat === 'NCHW') return runOriginalKernel('Conv2DBackpropInput', inputs, backend, attrs);
    const access = backend as unknown as KernelBackendLike;
    const g = convGeometry(inputShape, filter.shape, strides, pad, dimRoundingMode);
    assertGradientShapes('Conv2DBackpropInput', g, dy, filter.shape);
    const strideOne = g.strideHeight === 1 && g.strideWidth === 1;
    const simd = dy.dtype === 'float32' && filter.dtype === 'float32' ? simdKernelsFor(backend) : undefined;
    // Stride 1 on dl's implicit convolution, by measurement on wasm (batch 64; ms, implicit vs
    // XNNPACK's forward convolution of a flipped copy): 14×14×64 ← 64 3×3 36 vs 46, 14×14×32 ←
    // 64 18 vs 41, 28×28×8 ← 16 7 vs 12; but 28×28×32 ← 8 17 vs 14 (8 channels of dy per kernel
    // position: too short a loop).
    if (simd !== undefined && strideOne && g.outChannels >= 16 && g.inChannels >= 8) return viaImplicitConvolution(access, simd, g, dy, filter);
    if (strideOne && g.inChannels >= 8) return viaForwardConvolution(access, g, dy, filter);
    // By measurement on wasm (batch 64 unless said; ms, SIMD patch product vs before):
    // 14×14×64 ← 7×7×128 4×4 stride 2 25 vs 35 (phases), 28×28×32 ← 14×14×64 26 vs 41
    // (phases), 28×28×1 ← 128 14×14×64 4×4 stride 2 3.5 vs 5-10 (XNNPACK product and a
    // JavaScript col2im), 28×28×1 ← 28×28×32 4×4 stride 1 5 vs 14-19 (forward convolution with
    // one output channel); but 28×28×32 ← 28×28×32 3×3 stride 1 57 vs 34-45 (forward convolution).
    if (simd !== undefined) return viaSimdPatchProduct(access, simd, g, dy, filter);
    if (strideOne) return viaForwardConvolution(access, g, dy, filter);
    // By measurement (batch 64, wasm; ms, matmul + col2im vs phases): 28×28×32 ← 64 4×4 706 vs 182,
    // 32×32×16 ← 32 5×5 159 vs 19, 28×28×8 ← 16 4×4 8.6 vs 3.4, 14×14×64 ← 128 4×4 146 vs 172;
    // but 28×28×1 ← 32 38 vs 86 and 64×64×3 ← 32 489 vs 886 (a phase convolution with 1-3 output channels is slow).
    if (g.inChannels >= 8) return backpropInputByPhases(access, g, dy, filter);
    // Wᵀ as [outC, kH·kW·inC], so that dy · Wᵀ needs no transpose flag.
    const filterView = { dataId: filter.dataId, shape: [g.patchSize, g.outChannels], dtype: filter.dtype };
    const filterT = runBackendKernel('Transpose', access, { x: filterView }, { perm: [1, 0] });
    const filterBatch = { dataId: filterT.dataId, shape: [1, g.outChannels, g.patchSize], dtype: filter.dtype };
    const dyValues = readValues(access, dy) as Float32Array;
    const dx = new Float32Array(g.batchSize * g.inHeight * g.inWidth * g.inChannels);
    const blockRows = rowsPerBlock(g);
    const perImage = g.outHeight * g.outWidth;
    for (let start = 0; start < g.rows; start += blockRows) {
      const count = Math.min(blockRows, g.rows - start);
      const dyBlock =
        count === g.rows
          ? { dataId: dy.dataId, shape: [1, count, g.outChannels], dtype: dy.dtype }
          : makeOutput(access, [1, count, g.outChannels], 'float32', dyValues.slice(start * g.outChannels, (start + count) * g.outChannels));
      const product = runBackendKernel('BatchMatMul', access, { a: dyBlock, b: filterBatch }, { transposeA: false, transposeB: false });
      const patches = readValues(access, product) as Float32Array;
      access.disposeData(product.dataId);
      if (count !== g.rows) access.disposeData(dyBlock.dataId);
      for (let r = 0; r < count; r++) {
        const row = start + r;
        const b = Math.floor(row / perImage);
        const rest = row - b * perImage;
        const oh = Math.floor(rest / g.outWidth);
        const ow = rest - oh * g.outWidth;
        const top = oh * g.strideHeight - g.padTop;
        const left = ow * g.strideWidth - g.padLeft;
        for (let kh = 0; kh < g.filterHeight; kh++) {
          const ih = top + kh;
          if (ih < 0 || ih >= g.inHeight) continue;
          for (let kw = 0; kw < g.filterWidth; kw++) {
            const iw = left + kw;
            if (iw < 0 || iw >= g.inWidth) continue;
            const to = ((b * g.inHeight + ih) * g.inWidth + iw) * g.inChannels;
            const from = r * g.patchSize + (kh * g.filterWidth + kw) * g.inChannels;
            for (let c = 0; c < g.inChannels; c++) dx[to + c]! += patches[from + c]!;
          }
        }
      }
    }
    access.disposeData(filterT.dataId);
    return makeOutput(access, [...inputShape], 'float32', dx);
  },
};

/**
 * On wasm with dl's SIMD kernels: the patch gradients `dy · Wᵀ` (`[rows, kH·kW·inC]`, `W`
 * read transposed in place) in blocks of at most 16 MB, each added back into `dx` by the SIMD
 * col2im as soon as it is computed.
 */
function viaSimdPatchProduct(access: KernelBackendLike, simd: SimdKernels, g: ConvGeometry, dy: tf.TensorInfo, filter: tf.TensorInfo): tf.TensorInfo {
  const dx = allocateOutput(access, [g.batchSize, g.inHeight, g.inWidth, g.inChannels]); // zero-filled
  const [dyAddress, filterAddress, dxAddress] = simd.addresses(dy, filter, dx.info);
  forEachPatchBlock(access, simd, g, (rows) => simd.scratchBytes(rows, g.patchSize, g.outChannels), (start, count, patches, scratch) => {
    simd.multiply(dyAddress + start * g.outChannels * 4, false, filterAddress, true, patches, count, g.patchSize, g.outChannels, scratch);
    simd.col2imRows(patches, dxAddress, g, start, count);
  });
  return dx.info;
}

/**
 * Stride 1 on wasm with dl's SIMD kernels: the forward convolution below, as dl's implicit
 * convolution, with the flipped, channel-swapped filter read where it lies (no copy).
 */
function viaImplicitConvolution(access: KernelBackendLike, simd: SimdKernels, g: ConvGeometry, dy: tf.TensorInfo, filter: tf.TensorInfo): tf.TensorInfo {
  // Every value of dx is written (windows wholly in the padding read zeros), so no zero fill.
  const dx = access.makeOutput!([g.batchSize, g.inHeight, g.inWidth, g.inChannels], 'float32');
  const scratch = access.makeOutput!([Math.ceil(simd.convolutionScratchBytes(g, true) / 4)], 'float32');
  const [dyAddress, filterAddress, dxAddress, scratchAddress] = simd.addresses(dy, filter, dx, scratch);
  simd.convolveTransposed(dyAddress, g, filterAddress, dxAddress, scratchAddress);
  access.disposeData(scratch.dataId);
  return dx;
}

/** Stride 1: dx = conv(pad(dy, k-1-p), flip(W) with in/out channels swapped), 'valid'. */
function viaForwardConvolution(access: KernelBackendLike, g: ConvGeometry, dy: tf.TensorInfo, filter: tf.TensorInfo): tf.TensorInfo {
  const w = readValues(access, filter) as Float32Array;
  const { filterHeight: kh, filterWidth: kw, inChannels: cin, outChannels: cout } = g;
  const flipped = allocateOutput(access, [kh, kw, cout, cin]);
  for (let i = 0; i < kh; i++)
    for (let j = 0; j < kw; j++)
      for (let ci = 0; ci < cin; ci++) {
        const from = (((kh - 1 - i) * kw + (kw - 1 - j)) * cin + ci) * cout;
        const to = (i * kw + j) * cout * cin + ci;
        for (let co = 0; co < cout; co++) flipped.values[to + co * cin] = w[from + co]!;
      }
  const pad = [
    [0, 0],
    [kh - 1 - g.padTop, kh - 1 - g.padBottom],
    [kw - 1 - g.padLeft, kw - 1 - g.padRight],
    [0, 0],
  ];
  const dx = runBackendKernel('Conv2D', access, { x: dy, filter: flipped.info }, { strides: [1, 1], pad, dataFormat: 'NHWC', dilations: [1, 1] });
  access.disposeData(flipped.info.dataId);
  return dx;
}
