import * as tf from '@tensorflow/tfjs';
import * as v from 'valibot';
import { createSeededRandom } from '../random/seeded-random.js';
import { parseOptions } from '../validation/parse-options.js';
import { TensorAssertionError } from './assertion-error.js';
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

/** Options of {@link checkLayerGradients}. */
export interface CheckLayerGradientsOptions extends FiniteDifferenceOptions {
  /**
   * Call arguments passed to the layer on every evaluation (masks and the like; tensors in
   * them are held fixed, not checked). `training` is set from {@link training}.
   */
  readonly callArgs?: Record<string, unknown>;
  /** The `training` flag of the call. Default `false`: dropout off, so the layer is deterministic. */
  readonly training?: boolean;
  /** Check gradients with respect to the inputs too (default `true`); `false` checks the weights only (integer inputs). */
  readonly checkInputs?: boolean;
}

const OptionsSchema = v.strictObject({
  ...finiteDifferenceEntries,
  callArgs: v.optional(v.record(v.string(), v.unknown()), {}),
  training: v.optional(v.boolean(), false),
  checkInputs: v.optional(v.boolean(), true),
});

/**
 * Checks a layer's gradients with respect to its inputs **and every trainable weight**
 * against central finite differences; tests of a layer with a hand-written backward, or
 * with weights wired by hand, need both: a gradient check over inputs alone passes a
 * layer whose kernel gradient is transposed or whose bias gradient is dropped.
 *
 * All outputs of the layer (several for `returnState`-style layers) are projected onto
 * fixed random weights, `S = Σ rᵢ yᵢ`, so one scalar checks the whole vector-Jacobian
 * product. tfjs evaluates in float32; `S` and the differences are accumulated in float64.
 * Every weight is restored afterwards. A trainable weight with no path to the output
 * (declared but never used) fails the check.
 *
 * **Why the default tolerance (1e-2 relative) is right.** In float32 (unit roundoff
 * u ≈ 6e-8), `S` carries a rounding error of about u·M, M = Σ|rᵢ yᵢ|; the central
 * difference divides two such errors by 2h, so its noise is about u·M/h, 6e-5 for M ≈ 10
 * at the default step h = 1e-2. Truncation error is h²/6·|S'''|, about 2e-5 for
 * order-one third derivatives. Against gradients above the floor (1e-2) both stay below
 * about 1e-3 relative, a tenth of the tolerance, while the faults the check exists for (a
 * missing factor, a wrong sign, a transposed weight, a dropped term) give errors of order
 * one. Layers with kinks (ReLU, max) can fail where an element sits within h of a kink:
 * check them at points away from it.
 *
 * @param layer - the layer; built on first call if it is not built yet.
 * @param inputs - one input tensor, or the list the layer takes (float32).
 * @param options - {@link CheckLayerGradientsOptions}, plus those of {@link checkGradients}.
 * @param options.callArgs - call arguments held fixed (masks).
 * @param options.training - the call's training flag, default false.
 * @param options.checkInputs - check input gradients too, default true.
 * @param options.step - finite-difference step (relative), default 1e-2.
 * @param options.tolerance - largest relative error, default 1e-2.
 * @param options.floor - denominator floor of the relative error, default 1e-2.
 * @param options.maxElementsPerInput - elements checked per input and per weight, default 64.
 * @param options.seed - seed for sampling and projection, default 0.
 * @param options.throwOnFailure - throw on failure (default true).
 * @returns a report with the largest error per input and per weight (`perTensor`).
 * @throws {@link TensorAssertionError} when the check fails; a `ConfigError` for bad options.
 *   Reads tensors synchronously; on a backend that cannot (webgpu in Node), use {@link checkLayerGradientsAsync}.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { checkLayerGradients } from '@dl/core/testing';
 * const dense = tf.layers.dense({ units: 3, activation: 'tanh' });
 * const report = checkLayerGradients(dense, tf.randomNormal([4, 5]));
 * Object.keys(report.perTensor); // ['input 0', 'dense_Dense1/kernel', 'dense_Dense1/bias']
 * ```
 */
export function checkLayerGradients(layer: tf.layers.Layer, inputs: tf.Tensor | readonly tf.Tensor[], options: CheckLayerGradientsOptions = {}): GradientCheckReport {
  const { setup, settings } = setUpLayerCheck(layer, inputs, options);
  return runGradientCheck(setup, settings, 'checkLayerGradients');
}

/**
 * {@link checkLayerGradients} reading tensors with `await data()`: the same check of inputs
 * and weights, the same report, on every backend, including webgpu in Node, which cannot
 * read synchronously.
 *
 * @param layer - the layer; built on first call if it is not built yet.
 * @param inputs - one input tensor, or the list the layer takes (float32).
 * @param options - {@link CheckLayerGradientsOptions}.
 * @returns a promise of the report, with the largest error per input and per weight.
 * @throws (rejects with) {@link TensorAssertionError} when the check fails; a `ConfigError` for bad options.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { checkLayerGradientsAsync } from '@dl/core/testing';
 * const report = await checkLayerGradientsAsync(tf.layers.dense({ units: 3 }), tf.randomNormal([4, 5]));
 * report.passed; // true
 * ```
 */
export async function checkLayerGradientsAsync(
  layer: tf.layers.Layer,
  inputs: tf.Tensor | readonly tf.Tensor[],
  options: CheckLayerGradientsOptions = {},
): Promise<GradientCheckReport> {
  const { setup, settings } = setUpLayerCheck(layer, inputs, options);
  return runGradientCheckAsync(setup, settings);
}

function setUpLayerCheck(
  layer: tf.layers.Layer,
  inputs: tf.Tensor | readonly tf.Tensor[],
  options: CheckLayerGradientsOptions,
): { setup: GradientCheckSetup; settings: Settings } {
  const { callArgs, training, checkInputs, ...parsed } = parseOptions(OptionsSchema, options, { package: 'core/testing' });
  const list = Array.isArray(inputs) ? [...(inputs as readonly tf.Tensor[])] : [inputs as tf.Tensor];
  const call = (xs: readonly tf.Tensor[]): tf.Tensor => {
    const output = layer.apply(Array.isArray(inputs) ? [...xs] : xs[0]!, { ...callArgs, training }) as tf.Tensor | tf.Tensor[];
    const outputs = Array.isArray(output) ? output : [output];
    return tf.concat(outputs.map((y) => y.reshape([-1])));
  };
  const random = createSeededRandom(parsed.seed);
  const outputSize = tf.tidy(() => call(list).size); // builds the layer
  // float32-representable, so the analytic pass (float32) and the float64 projection use the same rᵢ.
  const projection = Float64Array.from({ length: outputSize }, () => Math.fround(random.next() * 2 - 1));

  const weights = layer.trainableWeights.map((w) => ({ name: w.name, variable: w.read() as tf.Variable }));
  const inputVariables = checkInputs ? tf.tidy(() => list.map((x) => tf.variable(x.toFloat(), true))) : [];
  const analytic = tf.tidy(() => {
    const r = tf.tensor1d(Float32Array.from(projection));
    const { grads } = tf.variableGrads(() => call(inputVariables.length > 0 ? inputVariables : list).mul(r).sum() as tf.Scalar, [
      ...inputVariables,
      ...weights.map((w) => w.variable),
    ]);
    return [...inputVariables, ...weights.map((w) => w.variable)].map((variable) => grads[variable.name]);
  });
  inputVariables.forEach((variable) => variable.dispose());
  const unused = weights.filter((_, k) => analytic[inputVariables.length + k] === undefined).map((w) => w.name);
  if (unused.length > 0) {
    tf.dispose(analytic.filter((g): g is tf.Tensor => g !== undefined));
    throw new TensorAssertionError(`gradient check failed: trainable weight(s) ${unused.join(', ')} have no path to the layer's output.`);
  }
  const gradients = analytic as tf.Tensor[];
  const { current, tensors: inputTensors, release } = movableInputs(list, gradients.slice(0, inputVariables.length));
  const weightTensors = weights.map(({ name, variable }, k) => ({
    label: name,
    point: variable,
    analytic: gradients[inputVariables.length + k]!,
    set: (values: Float32Array) => tf.tidy(() => variable.assign(tf.tensor(values, variable.shape, 'float32'))),
  }));
  return {
    setup: {
      tensors: [...inputTensors, ...weightTensors],
      output: () => tf.tidy(() => call(current)),
      projection,
      release: () => {
        release();
        tf.dispose(gradients);
      },
    },
    settings: { ...parsed, random },
  };
}
