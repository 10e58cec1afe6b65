import type * as tf from '@tensorflow/tfjs';
import type { KernelBackendLike } from './backend-access.js';
import { convGeometry, type ConvGeometry } from './conv-geometry.js';
import { runOriginalKernel } from './original-kernels.js';
import { forEachPatchBlock } from './simd/patch-blocks.js';
import { simdKernelsFor, type SimdKernels } from './simd/simd-kernels.js';

/** Activations that the SIMD epilogue applies, by the code `biasActivation` takes. */
const activationCodes: Readonly<Record<string, number>> = { linear: 0, relu: 1, relu6: 2, leakyrelu: 3 };

/**
 * Which of dl's SIMD convolutions should run this convolution instead of XNNPACK's:
 * - `implicit` with at least 16 input channels (any stride, any dilation), by measurement on
 *   wasm (batch 64, a fresh filter each call; ms, dl vs XNNPACK): 14×14×64 → 64 3×3 23 vs 30,
 *   14×14×32 → 64 3×3 12 vs 15, 28×28×32 → 32 3×3 25 vs 31, 28×28×32 → 64 4×4 stride 2 22 vs
 *   28; with fewer, a kernel position's loop is too short to pay for its row addresses
 *   (28×28×1 → 32 3×3: 3.1 vs 2.2);
 * - `im2col` (patches copied in blocks, then the SIMD product) for strided convolutions with
 *   fewer channels, because XNNPACK's strided 'same' convolution is wrong in places (tfjs 4.22:
 *   a 6×6 input, a 2×2 filter, stride 3 gives zeros where the cpu backend gives 58, 88, 238,
 *   268), at about its speed (28×28×1 → 64 4×4 stride 2, batch 128: 3.6-4.0 vs 3.5-4.1 ms;
 *   64×64×3 → 32: 10.8 vs 7.6);
 * - XNNPACK for the rest (stride 1, fewer than 16 channels).
 */
function simdRoute(g: ConvGeometry): 'implicit' | 'im2col' | undefined {
  if (g.inChannels >= 16) return 'implicit';
  const strided = g.strideHeight > 1 || g.strideWidth > 1;
  return strided && g.dilationHeight === 1 && g.dilationWidth === 1 ? 'im2col' : undefined;
}

/**
 * `Conv2D` for the wasm backend: convolutions of at least 16 input channels (any stride and
 * dilation) as dl's implicit SIMD matrix product (`assembly/kernels.ts`, `conv2d`): `y =
 * patches(x) · W`, each output's window read in place through an indirection buffer (no im2col
 * copy), `W` packed once per call; 1.2-1.3x XNNPACK on the chapters' layers. Strided ones with
 * fewer channels as dl's im2col (in blocks of at most 16 MB) and SIMD product. Every other case
 * (stride 1 with fewer channels, NCHW, other dtypes, no WebAssembly SIMD) on the backend's own
 * kernel (XNNPACK).
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { useBackend } from '@dl/core';
 * await useBackend('wasm'); // installs this kernel among dl's others
 * tf.conv2d(tf.ones([1, 28, 28, 16]), tf.ones([3, 3, 16, 32]), 1, 'same').shape; // [1, 28, 28, 32]
 * ```
 */
export const conv2dKernel: Omit<tf.KernelConfig, 'backendName'> = {
  kernelName: 'Conv2D',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { x, filter } = inputs as { x: tf.TensorInfo; filter: tf.TensorInfo };
    const { strides, pad, dataFormat, dilations, dimRoundingMode } = attrs as unknown as tf.Conv2DAttrs;
    const simd = dataFormat !== 'NCHW' && x.dtype === 'float32' && filter.dtype === 'float32' ? simdKernelsFor(backend) : undefined;
    const g = simd === undefined ? undefined : convGeometry(x.shape, filter.shape, strides, pad, dimRoundingMode, dilations);
    const route = g === undefined ? undefined : simdRoute(g);
    if (simd === undefined || g === undefined || route === undefined) return runOriginalKernel('Conv2D', inputs, backend, attrs);
    return convolve(backend as unknown as KernelBackendLike, simd, g, route, x, filter);
  },
};

/**
 * `FusedConv2D` (convolution, bias and activation in one op: what `tf.layers.conv2d` runs) for
 * the wasm backend: {@link conv2dKernel}'s convolution, then the bias and a linear, relu, relu6
 * or leaky-relu activation in one SIMD pass over the output. Other activations (prelu, elu,
 * sigmoid), a bias that is not one value per output channel, and the cases {@link conv2dKernel}
 * leaves to XNNPACK go to the backend's own kernel.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { useBackend } from '@dl/core';
 * await useBackend('wasm');
 * const y = tf.fused.conv2d({ x: tf.ones([1, 8, 8, 3]), filter: tf.ones([4, 4, 3, 4]), strides: 2, pad: 'same', bias: tf.zeros([4]), activation: 'relu' });
 * ```
 */
export const fusedConv2dKernel: Omit<tf.KernelConfig, 'backendName'> = {
  kernelName: 'FusedConv2D',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { x, filter, bias, preluActivationWeights } = inputs as { x: tf.TensorInfo; filter: tf.TensorInfo; bias?: tf.TensorInfo; preluActivationWeights?: tf.TensorInfo };
    const { strides, pad, dataFormat, dilations, dimRoundingMode, activation, leakyreluAlpha } = attrs as unknown as tf.FusedConv2DAttrs;
    const code = activationCodes[activation ?? 'linear'];
    const biasFits = bias === undefined || (bias.dtype === 'float32' && bias.shape.length === 1 && bias.shape[0] === filter.shape[3]);
    const supported = code !== undefined && preluActivationWeights === undefined && biasFits && dataFormat !== 'NCHW' && x.dtype === 'float32' && filter.dtype === 'float32';
    const simd = supported ? simdKernelsFor(backend) : undefined;
    const g = simd === undefined ? undefined : convGeometry(x.shape, filter.shape, strides, pad, dimRoundingMode, dilations);
    const route = g === undefined ? undefined : simdRoute(g);
    if (simd === undefined || g === undefined || code === undefined || route === undefined) return runOriginalKernel('FusedConv2D', inputs, backend, attrs);
    const output = convolve(backend as unknown as KernelBackendLike, simd, g, route, x, filter);
    if (bias !== undefined || code !== 0) {
      simd.biasActivation(simd.address(output), g.rows, g.outChannels, bias === undefined ? 0 : simd.address(bias), code, leakyreluAlpha ?? 0.2);
    }
    return output;
  },
};

/** The convolution, `[batch, outH, outW, outC]`, by one of dl's SIMD convolutions. */
function convolve(access: KernelBackendLike, simd: SimdKernels, g: ConvGeometry, route: 'implicit' | 'im2col', x: tf.TensorInfo, filter: tf.TensorInfo): tf.TensorInfo {
  const output = access.makeOutput!([g.batchSize, g.outHeight, g.outWidth, g.outChannels], 'float32');
  if (g.rows === 0 || g.outChannels === 0) return output;
  if (route === 'im2col') {
    const [xAddress, filterAddress, outputAddress] = simd.addresses(x, filter, output);
    forEachPatchBlock(access, simd, g, (rows) => simd.scratchBytes(rows, g.outChannels, g.patchSize), (start, count, patches, scratch) => {
      simd.im2colRows(xAddress, g, start, count, patches);
      simd.multiply(patches, false, filterAddress, false, outputAddress + start * g.outChannels * 4, count, g.outChannels, g.patchSize, scratch);
    });
    return output;
  }
  const scratch = access.makeOutput!([Math.ceil(simd.convolutionScratchBytes(g) / 4)], 'float32');
  const [xAddress, filterAddress, outputAddress, scratchAddress] = simd.addresses(x, filter, output, scratch);
  simd.convolve(xAddress, g, filterAddress, outputAddress, scratchAddress);
  access.disposeData(scratch.dataId);
  return output;
}
