/**
 * Test helpers for tfjs code, usable with any test runner (they throw on failure):
 * tensor comparison, gradient checking against finite differences, and leak checks.
 *
 * @packageDocumentation
 */
export { TensorAssertionError } from './assertion-error.js';
export { checkGradients, type CheckGradientsOptions, type GradientCheckReport } from './check-gradients.js';
export { expectNoTensorLeaks } from './expect-no-tensor-leaks.js';
export { expectTensorsClose, type CloseOptions, type TensorLike } from './expect-tensors-close.js';
