import * as tf from '@tensorflow/tfjs';
import * as v from 'valibot';
import { createSeededRandom } from '../random/seeded-random.js';
import { parseOptions } from '../validation/parse-options.js';
import {
  finiteDifferenceEntries,
  movableInputs,
  runGradientCheck,
  runGradientCheckAsync,
  type FiniteDifferenceOptions,
  type GradientCheckReport,
  type GradientCheckSetup,
  type Settings,
} from './finite-differences.js';

/** Options of {@link checkGradients}. */
export type CheckGradientsOptions = FiniteDifferenceOptions;

const OptionsSchema = v.strictObject(finiteDifferenceEntries);

/**
 * Compares tfjs's gradients of `f` with central finite differences.
 *
 * A non-scalar output `y` is reduced to the scalar `sum(r * y)` with a fixed random `r`,
 * which checks the full vector-Jacobian product. tfjs evaluates in float32; the
 * projection and the differences are accumulated in JavaScript doubles. For a layer,
 * use {@link checkLayerGradients}, which checks its weights too. Reads tensors synchronously;
 * on a backend that cannot (webgpu in Node), use {@link checkGradientsAsync}.
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
  const { setup, settings } = setUpCheck(f, inputs, options);
  return runGradientCheck(setup, settings, 'checkGradients');
}

/**
 * {@link checkGradients} reading tensors with `await data()`: the same check, the same
 * report, on every backend, including webgpu in Node, which cannot read synchronously.
 *
 * @param f - a function of the inputs; must be differentiable at them.
 * @param inputs - the points to check at (float32 tensors).
 * @param options - see {@link CheckGradientsOptions}.
 * @returns a promise of the {@link GradientCheckReport}.
 * @throws (rejects with) {@link TensorAssertionError} when the check fails; a `ConfigError` for bad options, before any tensor is made.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { checkGradientsAsync } from '@dl/core/testing';
 * const report = await checkGradientsAsync((x) => x.square().sum(), [tf.tensor1d([1, -2, 3])]);
 * report.passed; // true
 * ```
 */
export async function checkGradientsAsync(
  f: (...inputs: tf.Tensor[]) => tf.Tensor,
  inputs: readonly tf.Tensor[],
  options: CheckGradientsOptions = {},
): Promise<GradientCheckReport> {
  const { setup, settings } = setUpCheck(f, inputs, options);
  return runGradientCheckAsync(setup, settings);
}

function setUpCheck(f: (...inputs: tf.Tensor[]) => tf.Tensor, inputs: readonly tf.Tensor[], options: CheckGradientsOptions): { setup: GradientCheckSetup; settings: Settings } {
  const parsed = parseOptions(OptionsSchema, options, { package: 'core/testing' });
  const random = createSeededRandom(parsed.seed);
  // float32-representable, so the analytic pass (float32) and the float64 projection use the same rᵢ.
  const projection = Float64Array.from({ length: tf.tidy(() => f(...inputs).size) }, () => Math.fround(random.next() * 2 - 1));
  const analytic = tf.tidy(() => {
    const r = tf.tensor1d(Float32Array.from(projection));
    return tf.grads((...xs: tf.Tensor[]) => f(...xs).reshape([-1]).mul(r).sum() as tf.Scalar)(inputs as tf.Tensor[]);
  });
  const { current, tensors, release } = movableInputs(inputs, analytic);
  return {
    setup: {
      tensors,
      output: () => tf.tidy(() => f(...current).reshape([-1])),
      projection,
      release: () => {
        release();
        tf.dispose(analytic);
      },
    },
    settings: { ...parsed, random },
  };
}
