import * as tf from '@tensorflow/tfjs';
import * as v from 'valibot';
import { createSeededRandom } from '../random/seeded-random.js';
import { parseOptions } from '../validation/parse-options.js';
import { TensorAssertionError } from './assertion-error.js';

/** Options of {@link checkGradients}. */
export interface CheckGradientsOptions {
  /**
   * Finite-difference step, relative to `max(1, |x|)`. Default `1e-2`: with float32
   * evaluation, rounding error grows like eps/h and truncation error like h²; 1e-2 keeps
   * both near 1e-4 relative for smooth functions of order-one inputs.
   */
  readonly step?: number;
  /** Largest allowed relative error `|a - n| / max(|a|, |n|, floor)`. Default `1e-2`. */
  readonly tolerance?: number;
  /** Denominator floor for the relative error, so near-zero gradients compare absolutely. Default `1e-2`. */
  readonly floor?: number;
  /** Check at most this many elements per input, chosen at random. Default 64. */
  readonly maxElementsPerInput?: number;
  /** Seed for the element choice and the output projection. Default 0. */
  readonly seed?: number;
  /** Throw when the check fails (default `true`); `false` just returns the report. */
  readonly throwOnFailure?: boolean;
}

const OptionsSchema = v.strictObject({
  step: v.optional(v.pipe(v.number(), v.gtValue(0), v.maxValue(1)), 1e-2),
  tolerance: v.optional(v.pipe(v.number(), v.gtValue(0)), 1e-2),
  floor: v.optional(v.pipe(v.number(), v.gtValue(0)), 1e-2),
  maxElementsPerInput: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 64),
  seed: v.optional(v.pipe(v.number(), v.finite()), 0),
  throwOnFailure: v.optional(v.boolean(), true),
});

/** The result of {@link checkGradients}. */
export interface GradientCheckReport {
  readonly passed: boolean;
  readonly maxRelativeError: number;
  readonly maxAbsoluteError: number;
  readonly checkedElements: number;
  /** Where the relative error was largest. */
  readonly worst: { readonly input: number; readonly index: number; readonly analytic: number; readonly numeric: number };
}

/**
 * Compares tfjs's gradients of `f` with central finite differences.
 *
 * A non-scalar output `y` is reduced to the scalar `sum(r * y)` with a fixed random `r`,
 * which checks the full vector-Jacobian product. tfjs evaluates in float32; the
 * projection and the differences are accumulated in JavaScript doubles.
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
  const { step, tolerance, floor, maxElementsPerInput: maxElements, seed, throwOnFailure } = parseOptions(OptionsSchema, options, { package: 'core/testing' });
  const random = createSeededRandom(seed);

  const projection = tf.tidy(() => f(...inputs).size);
  const weights = Float64Array.from({ length: projection }, () => random.next() * 2 - 1);
  const weightsTensor = tf.tensor(Array.from(weights));
  const scalar = (...xs: tf.Tensor[]): tf.Scalar => {
    const y = f(...xs);
    return y.reshape([-1]).mul(weightsTensor).sum() as tf.Scalar;
  };
  const evaluate = (xs: tf.Tensor[]): number => {
    const y = tf.tidy(() => f(...xs).reshape([-1]));
    const values = y.dataSync();
    y.dispose();
    let total = 0;
    for (let i = 0; i < values.length; i++) total += (weights[i] as number) * (values[i] as number);
    return total;
  };

  const analytic = tf.tidy(() => tf.grads(scalar)(inputs as tf.Tensor[]).map((g) => g.dataSync()));
  let worst = { input: 0, index: 0, analytic: 0, numeric: 0 };
  let maxRelative = 0;
  let maxAbsolute = 0;
  let checked = 0;
  inputs.forEach((input, inputIndex) => {
    const base = Float64Array.from(input.dataSync());
    const indices = random.shuffle(Array.from(base.keys())).slice(0, maxElements);
    for (const index of indices) {
      const x = base[index] as number;
      const h = step * Math.max(1, Math.abs(x));
      const at = (value: number): number => {
        const values = Float32Array.from(base);
        values[index] = value;
        const moved = tf.tensor(values, input.shape, 'float32');
        const xs = inputs.map((other, k) => (k === inputIndex ? moved : other));
        const result = evaluate(xs);
        moved.dispose();
        return result;
      };
      // Use the float32-representable steps actually taken, not the nominal h.
      const plus = Math.fround(x + h);
      const minus = Math.fround(x - h);
      const numeric = (at(plus) - at(minus)) / (plus - minus);
      const a = (analytic[inputIndex] as Float32Array)[index] as number;
      const absolute = Math.abs(a - numeric);
      const relative = absolute / Math.max(Math.abs(a), Math.abs(numeric), floor);
      checked++;
      maxAbsolute = Math.max(maxAbsolute, absolute);
      if (relative >= maxRelative) {
        maxRelative = relative;
        worst = { input: inputIndex, index, analytic: a, numeric };
      }
    }
  });
  weightsTensor.dispose();
  const report: GradientCheckReport = {
    passed: maxRelative <= tolerance,
    maxRelativeError: maxRelative,
    maxAbsoluteError: maxAbsolute,
    checkedElements: checked,
    worst,
  };
  if (!report.passed && throwOnFailure) {
    throw new TensorAssertionError(
      `gradient check failed: relative error ${maxRelative.toExponential(3)} > ${tolerance} at input ${worst.input}, ` +
        `element ${worst.index} (analytic ${worst.analytic}, finite differences ${worst.numeric}).`,
    );
  }
  return report;
}
