import * as tf from '@tensorflow/tfjs';

/**
 * The activations a recurrent cell can use, by their tfjs names. `hardSigmoid` is the
 * Keras 1/2 and tfjs definition, `clip(0.2·x + 0.5, 0, 1)` (Keras 3 changed it to
 * `relu6(x + 3) / 6`; models saved by Keras 1 or 2 and by tfjs mean the 0.2 form).
 *
 * @example
 * ```ts
 * import { recurrentActivationNames } from '@dl/recurrent';
 * recurrentActivationNames.includes('hardSigmoid'); // true
 * ```
 */
export const recurrentActivationNames = ['tanh', 'sigmoid', 'hardSigmoid', 'relu', 'linear'] as const;

/** One of {@link recurrentActivationNames}. */
export type RecurrentActivation = (typeof recurrentActivationNames)[number];

/**
 * Applies an activation in place to `values[start, end)`: one tight loop per activation, for
 * the fused kernels' JavaScript gate math (the switch is outside the loop, so each loop inlines
 * its arithmetic).
 *
 * @param name - the activation.
 * @param values - modified in place.
 * @param start - first index.
 * @param end - one past the last index.
 * @example
 * ```ts
 * import { activateInPlace } from '@dl/recurrent';
 * const v = Float32Array.of(0, 100, -100);
 * activateInPlace('sigmoid', v, 0, 3); // v is [0.5, 1, 0]
 * ```
 */
export function activateInPlace(name: RecurrentActivation, values: Float32Array, start: number, end: number): void {
  switch (name) {
    case 'tanh':
      for (let k = start; k < end; k += 1) values[k] = Math.tanh(values[k]!);
      return;
    case 'sigmoid':
      // exp(-x) overflows to Infinity for x < -88 in float32 terms: 1 / Infinity is 0, no NaN.
      for (let k = start; k < end; k += 1) values[k] = 1 / (1 + Math.exp(-values[k]!));
      return;
    case 'hardSigmoid':
      for (let k = start; k < end; k += 1) values[k] = Math.min(1, Math.max(0, 0.2 * values[k]! + 0.5));
      return;
    case 'relu':
      for (let k = start; k < end; k += 1) if (values[k]! < 0) values[k] = 0;
      return;
    case 'linear':
      return;
  }
}

/**
 * Writes the derivative of an activation at the points where it output `outputs[start, end)`
 * into `into[start, end)`: each of the five is a function of its output (sigmoid y(1−y),
 * tanh 1−y², hardSigmoid 0.2 inside (0, 1), relu 1 where y > 0, linear 1), so the backward
 * pass needs only the saved outputs.
 *
 * @param name - the activation.
 * @param outputs - its outputs.
 * @param into - receives the derivatives (may be `outputs` itself).
 * @param start - first index.
 * @param end - one past the last index.
 * @example
 * ```ts
 * import { derivativeFromOutput } from '@dl/recurrent';
 * const d = new Float32Array(1);
 * derivativeFromOutput('sigmoid', Float32Array.of(0.5), d, 0, 1); // d is [0.25]
 * ```
 */
export function derivativeFromOutput(name: RecurrentActivation, outputs: Float32Array, into: Float32Array, start: number, end: number): void {
  switch (name) {
    case 'tanh':
      for (let k = start; k < end; k += 1) into[k] = 1 - outputs[k]! * outputs[k]!;
      return;
    case 'sigmoid':
      for (let k = start; k < end; k += 1) into[k] = outputs[k]! * (1 - outputs[k]!);
      return;
    case 'hardSigmoid':
      // Flat where the output is clipped.
      for (let k = start; k < end; k += 1) into[k] = outputs[k]! > 0 && outputs[k]! < 1 ? 0.2 : 0;
      return;
    case 'relu':
      for (let k = start; k < end; k += 1) into[k] = outputs[k]! > 0 ? 1 : 0;
      return;
    case 'linear':
      into.fill(1, start, end);
      return;
  }
}

/**
 * The tensor form of an activation, for the cell ops (differentiable by tfjs autodiff).
 *
 * @param name - the activation.
 * @param x - any float tensor.
 * @returns `name(x)`, same shape.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { applyActivation } from '@dl/recurrent';
 * applyActivation('hardSigmoid', tf.tensor([-3, 0, 3])); // [0, 0.5, 1]
 * ```
 */
export function applyActivation(name: RecurrentActivation, x: tf.Tensor): tf.Tensor {
  switch (name) {
    case 'tanh':
      return tf.tanh(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'hardSigmoid':
      return tf.clipByValue(tf.add(tf.mul(x, 0.2), 0.5), 0, 1);
    case 'relu':
      return tf.relu(x);
    case 'linear':
      return x;
  }
}
