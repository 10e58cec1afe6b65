import * as tf from '@tensorflow/tfjs';
import * as v from 'valibot';
import type { SeededRandom } from '../random/seeded-random.js';
import { TensorAssertionError } from './assertion-error.js';

/** Options shared by {@link checkGradients} and {@link checkLayerGradients}. */
export interface FiniteDifferenceOptions {
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
  /** Check at most this many elements per tensor (input or weight), chosen at random. Default 64. */
  readonly maxElementsPerInput?: number;
  /** Seed for the element choice and the output projection. Default 0. */
  readonly seed?: number;
  /** Throw when the check fails (default `true`); `false` just returns the report. */
  readonly throwOnFailure?: boolean;
}

/** The valibot entries of {@link FiniteDifferenceOptions}, with their defaults. */
export const finiteDifferenceEntries = {
  step: v.optional(v.pipe(v.number(), v.gtValue(0), v.maxValue(1)), 1e-2),
  tolerance: v.optional(v.pipe(v.number(), v.gtValue(0)), 1e-2),
  floor: v.optional(v.pipe(v.number(), v.gtValue(0)), 1e-2),
  maxElementsPerInput: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 64),
  seed: v.optional(v.pipe(v.number(), v.finite()), 0),
  throwOnFailure: v.optional(v.boolean(), true),
};

/** One tensor whose gradient is checked: its values, tfjs's gradient, and how to move it. */
export interface CheckedTensor {
  /** Shown in reports: `input 0`, or a weight's name. */
  readonly label: string;
  /** The point of the check, as float32 values. */
  readonly values: Float32Array;
  /** tfjs's gradient of the projected scalar with respect to this tensor. */
  readonly analytic: ArrayLike<number>;
  /** Makes the next evaluation see `values` in place of this tensor's; called again with the original values afterwards. */
  readonly set: (values: Float32Array) => void;
}

/** Where a check found its largest relative error. */
export interface WorstElement {
  /** Index of the checked tensor (inputs first, then weights for layers). */
  readonly input: number;
  /** Its label: `input 0` or a weight's name. */
  readonly label: string;
  readonly index: number;
  readonly analytic: number;
  readonly numeric: number;
}

/** The result of a gradient check. */
export interface GradientCheckReport {
  readonly passed: boolean;
  readonly maxRelativeError: number;
  readonly maxAbsoluteError: number;
  readonly checkedElements: number;
  /** Where the relative error was largest. */
  readonly worst: WorstElement;
  /** The largest relative error of each checked tensor, by label. */
  readonly perTensor: Readonly<Record<string, number>>;
}

type Settings = Required<Omit<FiniteDifferenceOptions, 'seed'>> & { readonly random: SeededRandom };

/**
 * Compares each tensor's analytic gradient with central differences of `evaluate` (the
 * projected scalar, accumulated in float64), over at most `maxElementsPerInput` random
 * elements per tensor. Uses the float32-representable steps actually taken, not the
 * nominal step.
 */
export function compareWithFiniteDifferences(tensors: readonly CheckedTensor[], evaluate: () => number, settings: Settings): GradientCheckReport {
  const { step, tolerance, floor, maxElementsPerInput, random, throwOnFailure } = settings;
  let worst: WorstElement = { input: 0, label: tensors[0]?.label ?? '', index: 0, analytic: 0, numeric: 0 };
  let maxRelative = 0;
  let maxAbsolute = 0;
  let checked = 0;
  const perTensor: Record<string, number> = {};
  tensors.forEach((tensor, position) => {
    const base = tensor.values;
    const indices = random.shuffle(Array.from(base.keys())).slice(0, maxElementsPerInput);
    let tensorWorst = 0;
    for (const index of indices) {
      const x = base[index]!;
      const h = step * Math.max(1, Math.abs(x));
      const at = (value: number): number => {
        const moved = Float32Array.from(base);
        moved[index] = value;
        tensor.set(moved);
        return evaluate();
      };
      const plus = Math.fround(x + h);
      const minus = Math.fround(x - h);
      const numeric = (at(plus) - at(minus)) / (plus - minus);
      const analytic = tensor.analytic[index]!;
      const absolute = Math.abs(analytic - numeric);
      const relative = absolute / Math.max(Math.abs(analytic), Math.abs(numeric), floor);
      checked++;
      tensorWorst = Math.max(tensorWorst, relative);
      maxAbsolute = Math.max(maxAbsolute, absolute);
      if (relative >= maxRelative) {
        maxRelative = relative;
        worst = { input: position, label: tensor.label, index, analytic, numeric };
      }
    }
    tensor.set(base);
    perTensor[tensor.label] = tensorWorst;
  });
  const report: GradientCheckReport = {
    passed: maxRelative <= tolerance,
    maxRelativeError: maxRelative,
    maxAbsoluteError: maxAbsolute,
    checkedElements: checked,
    worst,
    perTensor,
  };
  if (!report.passed && throwOnFailure) {
    throw new TensorAssertionError(
      `gradient check failed: relative error ${maxRelative.toExponential(3)} > ${tolerance} at ${worst.label}, ` +
        `element ${worst.index} (analytic ${worst.analytic}, finite differences ${worst.numeric}).`,
    );
  }
  return report;
}

/** `Σ weights[i] · values[i]` in float64: the projection of an output onto fixed random weights. */
export function project(values: ArrayLike<number>, weights: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += weights[i]! * values[i]!;
  return total;
}

/**
 * The inputs of a check, movable one at a time: `current` is what the next evaluation
 * sees, `checks` (one per analytic gradient given, in order) replace an input by moved
 * values, and `release` disposes the replacements.
 */
export function movableInputs(
  inputs: readonly tf.Tensor[],
  analytic: readonly ArrayLike<number>[],
): { current: tf.Tensor[]; checks: CheckedTensor[]; release: () => void } {
  const current = [...inputs];
  const checks = analytic.map((gradient, k) => ({
    label: `input ${k}`,
    values: Float32Array.from(inputs[k]!.dataSync()),
    analytic: gradient,
    set: (values: Float32Array) => {
      if (current[k] !== inputs[k]) current[k]!.dispose();
      current[k] = tf.tensor(values, inputs[k]!.shape, 'float32');
    },
  }));
  const release = () =>
    current.forEach((tensor, k) => {
      if (tensor !== inputs[k]) tensor.dispose();
    });
  return { current, checks, release };
}
