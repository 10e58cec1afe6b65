import * as tf from '@tensorflow/tfjs';
import * as v from 'valibot';
import { createSeededRandom } from '../random/seeded-random.js';
import { parseOptions } from '../validation/parse-options.js';
import { compareWithFiniteDifferences, finiteDifferenceEntries, movableInputs, project, type FiniteDifferenceOptions, type GradientCheckReport } from './finite-differences.js';

/** Options of {@link checkGradients}. */
export type CheckGradientsOptions = FiniteDifferenceOptions;

const OptionsSchema = v.strictObject(finiteDifferenceEntries);

/**
 * Compares tfjs's gradients of `f` with central finite differences.
 *
 * A non-scalar output `y` is reduced to the scalar `sum(r * y)` with a fixed random `r`,
 * which checks the full vector-Jacobian product. tfjs evaluates in float32; the
 * projection and the differences are accumulated in JavaScript doubles. For a layer,
 * use {@link checkLayerGradients}, which checks its weights too.
 *
 * @param f - a function of the inputs; must be differentiable at them.
 * @param inputs - the points to check at (float32 tensors).
 * @param options - see {@link CheckGradientsOptions}.
 * @param options.step - finite-difference step (relative), default 1e-2.
 * @param options.tolerance - largest relative error, default 1e-2.
 * @param options.floor - denominator floor of the relative error, default 1e-2.
 * @param options.maxElementsPerInput - elements checked per input, default 64.
 * @param options.seed - seed for sampling and projection, default 0.
 * @param options.throwOnFailure - throw on failure (default true).
 * @returns a {@link GradientCheckReport}.
 * @throws {@link TensorAssertionError} when an element's relative error exceeds the tolerance;
 *   a `ConfigError` for bad options.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { checkGradients } from '@dl/core/testing';
 * const report = checkGradients((x) => x.square().sum(), [tf.tensor1d([1, -2, 3])]);
 * report.maxRelativeError < 1e-3; // true
 * ```
 */
export function checkGradients(
  f: (...inputs: tf.Tensor[]) => tf.Tensor,
  inputs: readonly tf.Tensor[],
  options: CheckGradientsOptions = {},
): GradientCheckReport {
  const settings = parseOptions(OptionsSchema, options, { package: 'core/testing' });
  const random = createSeededRandom(settings.seed);
  // float32-representable, so the analytic pass (float32) and the float64 projection use the same rᵢ.
  const weights = Float64Array.from({ length: tf.tidy(() => f(...inputs).size) }, () => Math.fround(random.next() * 2 - 1));
  const weightsTensor = tf.tensor1d(Float32Array.from(weights));
  const scalar = (...xs: tf.Tensor[]): tf.Scalar => f(...xs).reshape([-1]).mul(weightsTensor).sum() as tf.Scalar;
  const analytic = tf.tidy(() => tf.grads(scalar)(inputs as tf.Tensor[]).map((g) => g.dataSync()));
  weightsTensor.dispose();

  const { current, checks, release } = movableInputs(inputs, analytic);
  const evaluate = (): number => {
    const y = tf.tidy(() => f(...current).reshape([-1]));
    const total = project(y.dataSync(), weights);
    y.dispose();
    return total;
  };
  try {
    return compareWithFiniteDifferences(checks, evaluate, { ...settings, random });
  } finally {
    release();
  }
}
