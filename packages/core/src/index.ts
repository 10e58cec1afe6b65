/**
 * The backend-agnostic core of the dl packages: backend selection with training kernels,
 * typed errors, option validation, seeded initialisation and a `model.fit`-compatible
 * training loop for custom train steps.
 *
 * Node-only helpers (save/load to directories, a terminal progress bar) live in
 * `@dl/core/node`; test helpers in `@dl/core/testing`. The errors and option parsing are
 * those of `@dl/errors` (re-exported, the same classes), which loads no tfjs; so does
 * `@dl/core/random` (`createSeededRandom` alone).
 *
 * @packageDocumentation
 */
export { isNode } from './backend/environment.js';
export { installTrainingKernels } from './backend/install-training-kernels.js';
export { missingTrainingKernels, trainingKernelNames } from './backend/training-kernels.js';
export {
  autoBackendOrder,
  useBackend,
  type BackendAttempt,
  type BackendName,
  type BackendPreference,
  type BackendReport,
  type UseBackendOptions,
} from './backend/use-backend.js';
export * from './errors/index.js';
export { batchMatMulKernel, broadcastingBatchMatMulKernel } from './kernels/batch-mat-mul.js';
export { batchMatMulGradient } from './kernels/batch-mat-mul-gradient.js';
export { fusedBatchNormGradient } from './kernels/fused-batch-norm-gradient.js';
export { resizeBilinearGradient, resizeNearestNeighborGradient } from './kernels/resize-gradients.js';
export { conv2dBackpropFilterKernel } from './kernels/conv2d-backprop-filter.js';
export { conv2dBackpropInputKernel } from './kernels/conv2d-backprop-input.js';
export { conv2dKernel, fusedConv2dKernel } from './kernels/conv2d.js';
export { depthwiseConv2dBackpropFilterKernel, depthwiseConv2dBackpropInputKernel } from './kernels/depthwise-conv2d-backprop.js';
export { gatherKernel } from './kernels/gather.js';
export { prepareSimdKernels } from './kernels/simd/simd-kernels.js';
export { heapKernels, type HeapKernels } from './kernels/simd/heap-kernels.js';
export { leadingAxesMeanKernel, leadingAxesSumKernel } from './kernels/leading-axes-reduction.js';
export { sameDtypeCastKernel, sharedDataIdentityKernel } from './kernels/shared-data-identity.js';
export { maxPoolGradKernel } from './kernels/max-pool-grad.js';
export { unpackKernel } from './kernels/unpack.js';
export { sliceKernel } from './kernels/slice.js';
export { unsortedSegmentSumKernel } from './kernels/unsorted-segment-sum.js';
export { createSeededRandom, type SeededRandom } from './random/seeded-random.js';
export { seededInitializers, type Initializer, type InitializerName, type SeededInitializers } from './random/seeded-initializers.js';
export { withSeededRandom } from './random/with-seeded-random.js';
export { classificationModel, type ClassificationModelArgs } from './training/classification-model.js';
export { ownOptimizer } from './training/own-optimizer.js';
export { clipByGlobalNorm, type ClippedGradients } from './training/clip-by-global-norm.js';
export { withGradientClipping, type GradientClippingOptions } from './training/gradient-clipping.js';
export {
  TrainLoopHistory,
  trainLoop,
  type BatchSource,
  type StopReason,
  type TrainCallback,
  type TrainLoopOptions,
  type TrainStep,
  type TrainStepContext,
} from './training/train-loop.js';
export { layerArgsEntries } from './validation/layer-args.js';
export {
  layerSchemas,
  layerValidation,
  serializeInitializer,
  type InitializerLike,
  type LayerValidation,
  type UnknownKeysContext,
} from './validation/layer-validation.js';
export { parseOptions, type ParseOptionsContext } from './validation/parse-options.js';
export { suggestName } from './validation/suggest-name.js';
