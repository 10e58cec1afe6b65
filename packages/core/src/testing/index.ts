/**
 * Test helpers for tfjs code, usable with any test runner (they throw on failure):
 * tensor comparison, gradient checking against finite differences (for functions, and for
 * layers including their weights), leak checks, and running a README's example as a user would.
 * Each reading helper has an `…Async` twin that reads with `data()`, for backends that cannot
 * read synchronously (tfjs's webgpu backend in Node).
 *
 * @packageDocumentation
 */
export { TensorAssertionError } from './assertion-error.js';
export { catchConfigError } from './catch-config-error.js';
export { checkGradients, checkGradientsAsync, type CheckGradientsOptions } from './check-gradients.js';
export { checkLayerGradients, checkLayerGradientsAsync, type CheckLayerGradientsOptions } from './check-layer-gradients.js';
export { expectNoTensorLeaks } from './expect-no-tensor-leaks.js';
export { expectTensorsClose, expectTensorsCloseAsync, type CloseOptions, type TensorLike } from './expect-tensors-close.js';
export {
  createReadmeWorkDir,
  extractReadmeBlocks,
  readmeExample,
  runReadmeExample,
  type ReadmeExampleOptions,
  type ReadmeExampleRun,
  type RunReadmeExampleOptions,
} from './readme-example.js';
export type { FiniteDifferenceOptions, GradientCheckReport, WorstElement } from './finite-differences.js';
export { seededNormals } from './seeded-normals.js';
