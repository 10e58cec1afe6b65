import type * as tf from '@tensorflow/tfjs';
import { batchMatMulKernel, broadcastingBatchMatMulKernel } from './batch-mat-mul.js';
import { conv2dKernel, fusedConv2dKernel } from './conv2d.js';
import { conv2dBackpropFilterKernel } from './conv2d-backprop-filter.js';
import { conv2dBackpropInputKernel } from './conv2d-backprop-input.js';
import { depthwiseConv2dBackpropFilterKernel, depthwiseConv2dBackpropInputKernel } from './depthwise-conv2d-backprop.js';
import { gatherKernel } from './gather.js';
import { leadingAxesMeanKernel, leadingAxesSumKernel } from './leading-axes-reduction.js';
import { maxPoolGradKernel } from './max-pool-grad.js';
import { sameDtypeCastKernel, sharedDataIdentityKernel } from './shared-data-identity.js';
import { sliceKernel } from './slice.js';
import { unpackKernel } from './unpack.js';
import { unsortedSegmentSumKernel } from './unsorted-segment-sum.js';

/**
 * A kernel dl provides for a backend. `replace` kernels take the place of the backend's
 * own (where its own is much slower); the others only fill gaps.
 */
export interface ProvidedKernel {
  readonly config: Omit<tf.KernelConfig, 'backendName'>;
  readonly replace: boolean;
}

/** dl's training kernels, by backend. */
export const providedKernels: Readonly<Record<string, readonly ProvidedKernel[]>> = {
  wasm: [
    { config: batchMatMulKernel, replace: true },
    { config: unsortedSegmentSumKernel, replace: false },
    { config: conv2dBackpropFilterKernel, replace: false },
    { config: conv2dBackpropInputKernel, replace: true },
    { config: conv2dKernel, replace: true },
    { config: fusedConv2dKernel, replace: true },
    { config: maxPoolGradKernel, replace: true },
    { config: leadingAxesSumKernel, replace: true },
    { config: leadingAxesMeanKernel, replace: true },
    { config: sharedDataIdentityKernel, replace: true },
    { config: sameDtypeCastKernel, replace: true },
    { config: gatherKernel, replace: true },
    { config: unpackKernel, replace: true },
    { config: sliceKernel, replace: true },
    { config: depthwiseConv2dBackpropFilterKernel, replace: false },
    { config: depthwiseConv2dBackpropInputKernel, replace: false },
  ],
  cpu: [
    { config: broadcastingBatchMatMulKernel, replace: true },
    { config: unsortedSegmentSumKernel, replace: true },
    { config: conv2dBackpropFilterKernel, replace: true },
    { config: conv2dBackpropInputKernel, replace: true },
  ],
  // tfjs 4.22's webgpu BatchMatMul throws on batches that broadcast both ways ([2,1]·[1,3]).
  webgpu: [{ config: broadcastingBatchMatMulKernel, replace: true }],
};
