import type * as tf from '@tensorflow/tfjs';
import type { KernelBackendLike } from './backend-access.js';
import { convGeometry, type ConvGeometry } from './conv-geometry.js';
import { runOriginalKernel } from './original-kernels.js';
import { forEachPatchBlock } from './simd/patch-blocks.js';
import { simdKernelsFor, type SimdKernels } from './simd/simd-kernels.js';

/** Activations that the SIMD epilogue applies, by the code `biasActivation` takes. */
const activationCodes: Readonly<Record<string, number>> = { linear: 0, relu: 1, relu6: 2, leakyrelu: 3 };

/**
 * Whether dl's im2col and SIMD product should run this convolution instead of XNNPACK's: strided
 * ones, by measurement on wasm (batch 64; ms, dl vs XNNPACK): 14×14×64 → 7×7×128 4×4 stride 2
 * 48 vs 60, 28×28×32 → 14×14×64 4×4 stride 2 28 vs 28; but 28×28×32 → 32 3×3 stride 1 41 vs 32
 * (XNNPACK reads the input in place; the im2col copy costs more where windows overlap more).
 */
function prefersSimd(g: ConvGeometry): boolean {
  return (g.strideHeight > 1 || g.strideWidth > 1) && g.dilationHeight === 1 && g.dilationWidth === 1;
}

/**
 * `Conv2D` for the wasm backend: strided convolutions as dl's SIMD im2col and matrix product
 * (`assembly/kernels.ts`), `y = patches(x) · W` with `W` `[kH·kW·inC, outC]` read where it lies,
 * the patches built in blocks of at most 16 MB; every other case (stride 1, dilation, NCHW,
 * other dtypes, no WebAssembly SIMD) on the backend's own kernel (XNNPACK).
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { useBackend } from '@dl/core';
 * await useBackend('wasm'); // installs this kernel among dl's others
 * tf.conv2d(tf.ones([1, 28, 28, 1]), tf.ones([4, 4, 1, 32]), 2, 'same').shape; // [1, 14, 14, 32]
 * ```
 */
export const conv2dKernel: Omit<tf.KernelConfig, 'backendName'> = {
  kernelName: 'Conv2D',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { x, filter } = inputs as { x: tf.TensorInfo; filter: tf.TensorInfo };
    const { strides, pad, dataFormat, dilations, dimRoundingMode } = attrs as unknown as tf.Conv2DAttrs;
    const simd = dataFormat !== 'NCHW' && x.dtype === 'float32' && filter.dtype === 'float32' ? simdKernelsFor(backend) : undefined;
    const g = simd === undefined ? undefined : convGeometry(x.shape, filter.shape, strides, pad, dimRoundingMode, dilations);
    if (simd === undefined || g === undefined || !prefersSimd(g)) return runOriginalKernel('Conv2D', inputs, backend, attrs);
    return convolve(backend as unknown as KernelBackendLike, simd, g, x, filter);
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
    if (simd === undefined || g === undefined || code === undefined || !prefersSimd(g)) return runOriginalKernel('FusedConv2D', inputs, backend, attrs);
    const output = convolve(backend as unknown as KernelBackendLike, simd, g, x, filter);
    if (bias !== undefined || code !== 0) {
      simd.biasActivation(simd.address(output), g.rows, g.outChannels, bias === undefined ? 0 : simd.address(bias), code, leakyreluAlpha ?? 0.2);
    }
    return output;
  },
};

/** The convolution, `[batch, outH, outW, outC]`, as blocks of im2col rows times the filter. */
function convolve(access: KernelBackendLike, simd: SimdKernels, g: ConvGeometry, x: tf.TensorInfo, filter: tf.TensorInfo): tf.TensorInfo {
  const output = access.makeOutput!([g.batchSize, g.outHeight, g.outWidth, g.outChannels], 'float32');
  if (g.rows === 0 || g.outChannels === 0) return output;
  const [xAddress, filterAddress, outputAddress] = simd.addresses(x, filter, output);
  forEachPatchBlock(access, simd, g, (rows) => simd.scratchBytes(rows, g.outChannels, g.patchSize), (start, count, patches, scratch) => {
    simd.im2colRows(xAddress, g, start, count, patches);
    simd.multiply(patches, false, filterAddress, false, outputAddress + start * g.outChannels * 4, count, g.outChannels, g.patchSize, scratch);
  });
  return output;
}
