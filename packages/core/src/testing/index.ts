/**
 * Test helpers for tfjs code, usable with any test runner (they throw on failure):
 * tensor comparison, gradient checking against finite differences (for functions, and for
 * layers including their weights), leak checks, and running a README's example as a user would.
 *
 * @packageDocumentation
 */
export { TensorAssertionError } from './assertion-error.js';
export { catchConfigError } from './catch-config-error.js';
export { checkGradients, type CheckGradientsOptions } from './check-gradients.js';
export { checkLayerGradients, type CheckLayerGradientsOptions } from './check-layer-gradients.js';
export { expectNoTensorLeaks } from './expect-no-tensor-leaks.js';
export { expectTensorsClose, type CloseOptions, type TensorLike } from './expect-tensors-close.js';
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
