import * as tf from '@tensorflow/tfjs';
import { TensorAssertionError } from './assertion-error.js';
import { readValues, readValuesSync } from './read-values.js';

/** Nested numbers, a typed array, or a tensor. */
export type TensorLike = tf.Tensor | number | ArrayLike<number> | readonly unknown[];

/** Tolerances of {@link expectTensorsClose}: `|a - e| <= atol + rtol * |e|` element-wise. */
export interface CloseOptions {
  /** Relative tolerance. Default `1e-5` for float32 results. */
  readonly rtol?: number;
  /** Absolute tolerance. Default `1e-6`. */
  readonly atol?: number;
}

/**
 * Asserts that `actual` equals `expected` within tolerance: first the dtype (when
 * `expected` is a tensor), then the shape, then every value, reporting the first
 * mismatching index. Works with any test runner (it throws; no global `expect` needed).
 *
 * NaN matches NaN, and infinities must match exactly. Reads tensors synchronously; on a
 * backend that cannot (webgpu in Node), use {@link expectTensorsCloseAsync}.
 *
 * @param actual - the tensor under test.
 * @param expected - a tensor, nested arrays of numbers, or a flat array / typed array of the same size (compared in row-major order).
 * @param options - tolerances; see {@link CloseOptions}.
 * @throws {@link TensorAssertionError} on the first difference.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { expectTensorsClose } from '@dl/core/testing';
 * expectTensorsClose(tf.softmax(tf.tensor1d([0, 0])), [0.5, 0.5]);
 * ```
 */
export function expectTensorsClose(actual: tf.Tensor, expected: TensorLike, options: CloseOptions = {}): void {
  checkDtypeAndShape(actual, expected);
  const expectedValues = expected instanceof tf.Tensor ? readValuesSync(expected, 'expectTensorsClose') : flatten(expected);
  compareValues(readValuesSync(actual, 'expectTensorsClose'), expectedValues, actual.shape, options);
}

/**
 * {@link expectTensorsClose} reading tensors with `await data()`: the same checks and
 * messages on every backend, including webgpu in Node, which cannot read synchronously.
 *
 * @param actual - the tensor under test.
 * @param expected - a tensor, nested arrays of numbers, or a flat array / typed array of the same size.
 * @param options - tolerances; see {@link CloseOptions}.
 * @returns a promise that rejects with a {@link TensorAssertionError} on the first difference.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { expectTensorsCloseAsync } from '@dl/core/testing';
 * await expectTensorsCloseAsync(tf.softmax(tf.tensor1d([0, 0])), [0.5, 0.5]);
 * ```
 */
export async function expectTensorsCloseAsync(actual: tf.Tensor, expected: TensorLike, options: CloseOptions = {}): Promise<void> {
  checkDtypeAndShape(actual, expected);
  const expectedValues = expected instanceof tf.Tensor ? await readValues(expected) : flatten(expected);
  compareValues(await readValues(actual), expectedValues, actual.shape, options);
}

function checkDtypeAndShape(actual: tf.Tensor, expected: TensorLike): void {
  if (expected instanceof tf.Tensor && expected.dtype !== actual.dtype) {
    throw new TensorAssertionError(`dtype ${actual.dtype} differs from the expected ${expected.dtype}.`);
  }
  const expectedShape = shapeOf(expected, actual.shape);
  if (expectedShape.length !== actual.shape.length || expectedShape.some((d, i) => d !== actual.shape[i])) {
    throw new TensorAssertionError(`shape [${actual.shape.join(',')}] differs from the expected [${expectedShape.join(',')}].`);
  }
}

function compareValues(actualValues: ArrayLike<number>, expectedValues: ArrayLike<number>, shape: readonly number[], options: CloseOptions): void {
  const rtol = options.rtol ?? 1e-5;
  const atol = options.atol ?? 1e-6;
  if (expectedValues.length !== actualValues.length) {
    throw new TensorAssertionError(`${actualValues.length} values, expected ${expectedValues.length}.`);
  }
  for (let i = 0; i < actualValues.length; i++) {
    const a = Number(actualValues[i]);
    const e = Number(expectedValues[i]);
    if (Number.isNaN(a) && Number.isNaN(e)) continue;
    const ok = Number.isFinite(e) ? Math.abs(a - e) <= atol + rtol * Math.abs(e) : a === e;
    if (!ok) {
      throw new TensorAssertionError(
        `value at flat index ${i} (position [${unravel(i, shape).join(',')}]) is ${a}, expected ${e} ` +
          `(|diff| ${Math.abs(a - e).toExponential(3)} > atol ${atol} + rtol ${rtol} * |expected|).`,
      );
    }
  }
}

function shapeOf(value: TensorLike, fallback: readonly number[]): number[] {
  if (value instanceof tf.Tensor) return value.shape;
  if (typeof value === 'number') return [];
  const isFlat = !Array.isArray(value) || !(value as unknown[]).some(Array.isArray);
  if (isFlat) {
    // A flat list of the right size is compared in row-major order against any shape.
    const length = (value as ArrayLike<number>).length;
    return length === sizeOf(fallback) ? [...fallback] : [length];
  }
  const shape: number[] = [];
  let level: unknown = value;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  return shape;
}

function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function flatten(value: Exclude<TensorLike, tf.Tensor>): number[] {
  if (typeof value === 'number') return [value];
  if (!Array.isArray(value)) return Array.from(value as ArrayLike<number>, Number);
  return (value as unknown[]).flat(Infinity as 1).map(Number);
}

function unravel(index: number, shape: readonly number[]): number[] {
  const position: number[] = [];
  let rest = index;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const size = shape[axis] as number;
    position.unshift(rest % size);
    rest = Math.floor(rest / size);
  }
  return position;
}
