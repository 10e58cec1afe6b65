import * as tf from '@tensorflow/tfjs';
import * as v from 'valibot';
import type { SeededRandom } from '../random/seeded-random.js';
import { TensorAssertionError } from './assertion-error.js';
import { readValues, readValuesSync } from './read-values.js';

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

export type Settings = Required<Omit<FiniteDifferenceOptions, 'seed'>> & { readonly random: SeededRandom };

/**
 * The steps of a finite-difference comparison: moves one element of one tensor at a time
 * (through `set`) and yields, expecting the projected scalar at the moved point back. The
 * same steps run synchronously ({@link compareWithFiniteDifferences}) or with asynchronous
 * reads ({@link compareWithFiniteDifferencesAsync}, for backends such as webgpu in Node that
 * cannot read a tensor synchronously).
 */
function* finiteDifferenceSteps(tensors: readonly CheckedTensor[], settings: Settings): Generator<undefined, GradientCheckReport, number> {
  const { step, tolerance, floor, maxElementsPerInput, random, throwOnFailure } = settings;
  let worst: WorstElement = { input: 0, label: tensors[0]?.label ?? '', index: 0, analytic: 0, numeric: 0 };
  let maxRelative = 0;
  let maxAbsolute = 0;
  let checked = 0;
  const perTensor: Record<string, number> = {};
  for (const [position, tensor] of tensors.entries()) {
    const base = tensor.values;
    const indices = random.shuffle(Array.from(base.keys())).slice(0, maxElementsPerInput);
    let tensorWorst = 0;
    for (const index of indices) {
      const x = base[index]!;
      const h = step * Math.max(1, Math.abs(x));
      const moveTo = (value: number): void => {
        const moved = Float32Array.from(base);
        moved[index] = value;
        tensor.set(moved);
      };
      const plus = Math.fround(x + h);
      const minus = Math.fround(x - h);
      moveTo(plus);
      const atPlus = yield;
      moveTo(minus);
      const atMinus = yield;
      const numeric = (atPlus - atMinus) / (plus - minus);
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
  }
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

/**
 * Compares each tensor's analytic gradient with central differences of `evaluate` (the
 * projected scalar, accumulated in float64), over at most `maxElementsPerInput` random
 * elements per tensor. Uses the float32-representable steps actually taken, not the
 * nominal step.
 */
function compareWithFiniteDifferences(tensors: readonly CheckedTensor[], evaluate: () => number, settings: Settings): GradientCheckReport {
  const steps = finiteDifferenceSteps(tensors, settings);
  let next = steps.next();
  while (next.done !== true) next = steps.next(evaluate());
  return next.value;
}

/** {@link compareWithFiniteDifferences} with an asynchronous `evaluate` (tensors read with `data()`). */
async function compareWithFiniteDifferencesAsync(
  tensors: readonly CheckedTensor[],
  evaluate: () => Promise<number>,
  settings: Settings,
): Promise<GradientCheckReport> {
  const steps = finiteDifferenceSteps(tensors, settings);
  let next = steps.next();
  while (next.done !== true) next = steps.next(await evaluate());
  return next.value;
}

/** `Σ weights[i] · values[i]` in float64: the projection of an output onto fixed random weights. */
export function project(values: ArrayLike<number>, weights: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += weights[i]! * values[i]!;
  return total;
}

/** A tensor to check before anything is read: the point, tfjs's gradient there, and how to move it. */
export interface GradientCheckTensor {
  /** Shown in reports: `input 0`, or a weight's name. */
  readonly label: string;
  /** The point of the check (an input or a weight variable), read once before any move. */
  readonly point: tf.Tensor;
  /** tfjs's gradient of the projected scalar with respect to `point`. */
  readonly analytic: tf.Tensor;
  /** Makes the next evaluation see `values` in place of the point's. */
  readonly set: (values: Float32Array) => void;
}

/**
 * A gradient check, set up and not yet read: the tensors to check, the flattened output at
 * the current point, the fixed projection of that output, and `release`, which disposes
 * what the setup created (gradients, moved copies). Run it with {@link runGradientCheck} or
 * {@link runGradientCheckAsync}; both release it.
 */
export interface GradientCheckSetup {
  readonly tensors: readonly GradientCheckTensor[];
  /** The output at the current point, flattened to 1-D; the caller disposes it. */
  readonly output: () => tf.Tensor;
  readonly projection: Float64Array;
  readonly release: () => void;
}

/** Runs a {@link GradientCheckSetup} reading tensors synchronously; `helper` names the caller in errors. */
export function runGradientCheck(setup: GradientCheckSetup, settings: Settings, helper: string): GradientCheckReport {
  try {
    const checks = setup.tensors.map(({ label, point, analytic, set }) => ({
      label,
      values: Float32Array.from(readValuesSync(point, helper)),
      analytic: readValuesSync(analytic, helper),
      set,
    }));
    const evaluate = (): number => {
      const y = setup.output();
      try {
        return project(readValuesSync(y, helper), setup.projection);
      } finally {
        y.dispose();
      }
    };
    return compareWithFiniteDifferences(checks, evaluate, settings);
  } finally {
    setup.release();
  }
}

/** {@link runGradientCheck} with asynchronous reads (`data()`): works on every backend, webgpu in Node included. */
export async function runGradientCheckAsync(setup: GradientCheckSetup, settings: Settings): Promise<GradientCheckReport> {
  try {
    const checks: CheckedTensor[] = [];
    for (const { label, point, analytic, set } of setup.tensors) {
      checks.push({ label, values: Float32Array.from(await readValues(point)), analytic: await readValues(analytic), set });
    }
    const evaluate = async (): Promise<number> => {
      const y = setup.output();
      try {
        return project(await readValues(y), setup.projection);
      } finally {
        y.dispose();
      }
    };
    return await compareWithFiniteDifferencesAsync(checks, evaluate, settings);
  } finally {
    setup.release();
  }
}

/**
 * The inputs of a check, movable one at a time: `current` is what the next evaluation
 * sees, `tensors` (one per analytic gradient given, in order) replace an input by moved
 * values, and `release` disposes the replacements.
 */
export function movableInputs(
  inputs: readonly tf.Tensor[],
  analytic: readonly tf.Tensor[],
): { current: tf.Tensor[]; tensors: GradientCheckTensor[]; release: () => void } {
  const current = [...inputs];
  const tensors = analytic.map((gradient, k) => ({
    label: `input ${k}`,
    point: inputs[k]!,
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
  return { current, tensors, release };
}
