import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '@dl/core/random';
import { catchConfigError } from '@dl/core/testing';
import { addingProblem, type AddingProblemData } from './adding-problem.js';

/** Steps whose marker is non-zero, and the marker values seen there, of sequence `sample`. */
function markedSteps(data: AddingProblemData, sample: number): { steps: number[]; markers: number[] } {
  const [, length] = data.shape;
  const steps: number[] = [];
  const markers: number[] = [];
  for (let step = 0; step < length; step++) {
    const marker = data.inputs[(sample * length + step) * 2 + 1] as number;
    if (marker !== 0) {
      steps.push(step);
      markers.push(marker);
    }
  }
  return { steps, markers };
}

const value = (data: AddingProblemData, sample: number, step: number): number =>
  data.inputs[(sample * data.shape[1] + step) * 2] as number;

/** Pearson's chi-square statistic of observed counts against a uniform expectation. */
function chiSquareUniform(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
}

describe('addingProblem', () => {
  it('returns inputs [count, length, 2], targets [count] and the shape', () => {
    const data = addingProblem({ length: 7, count: 3, seed: 1 });
    expect(data.shape).toEqual([3, 7, 2]);
    expect(data.inputs).toBeInstanceOf(Float32Array);
    expect(data.inputs.length).toBe(3 * 7 * 2);
    expect(data.targets).toBeInstanceOf(Float32Array);
    expect(data.targets.length).toBe(3);
  });

  it('marks exactly two steps with 1, one in each half (Le et al. 2015), for even and odd lengths', () => {
    for (const length of [2, 3, 5, 10, 100]) {
      const data = addingProblem({ length, count: 500, seed: length });
      const half = Math.floor(length / 2);
      for (let sample = 0; sample < 500; sample++) {
        const { steps, markers } = markedSteps(data, sample);
        expect(markers).toEqual([1, 1]);
        expect(steps[0]).toBeLessThan(half);
        expect(steps[1]).toBeGreaterThanOrEqual(half);
        expect(steps[1]).toBeLessThan(length);
      }
    }
    // Length 2: the only choice is steps 0 and 1.
    const two = addingProblem({ length: 2, count: 20, seed: 9 });
    for (let sample = 0; sample < 20; sample++) expect(markedSteps(two, sample).steps).toEqual([0, 1]);
  });

  it('targets are the sum of the two marked values (float64 sum, within float32 rounding)', () => {
    const data = addingProblem({ length: 50, count: 1000, seed: 2 });
    for (let sample = 0; sample < 1000; sample++) {
      const { steps } = markedSteps(data, sample);
      const sum = value(data, sample, steps[0] as number) + value(data, sample, steps[1] as number);
      // The sum is below 2, where float32's spacing is 2^-23: rounding moves it by at most 2^-24.
      expect(Math.abs((data.targets[sample] as number) - sum)).toBeLessThanOrEqual(2 ** -24);
    }
  });

  it('draws values in [0, 1), uniform: mean 1/2 and variance 1/12 over 200,000 values', () => {
    const data = addingProblem({ length: 100, count: 2000, seed: 3 });
    const n = 100 * 2000;
    let sum = 0;
    let sumSquares = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = data.inputs[i * 2] as number;
      sum += x;
      sumSquares += x * x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    const mean = sum / n;
    const variance = sumSquares / n - mean * mean;
    // Standard error of the mean of U(0,1): sqrt(1/12 / n) = 6.5e-4; allow 5 of them. The
    // sample variance of U(0,1) has standard error sqrt((1/80 - 1/144) / n) = 1.7e-4 (the fourth
    // central moment of U(0,1) is 1/80); allow 5 of them.
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * Math.sqrt((1 / 80 - 1 / 144) / n));
  });

  it('places each marker uniformly within its half (chi-square over 20,000 sequences)', () => {
    const length = 11; // halves of 5 and 6 steps
    const count = 20_000;
    const data = addingProblem({ length, count, seed: 4 });
    const first = new Array<number>(5).fill(0);
    const second = new Array<number>(6).fill(0);
    for (let sample = 0; sample < count; sample++) {
      const { steps } = markedSteps(data, sample);
      first[steps[0] as number]! += 1;
      second[(steps[1] as number) - 5]! += 1;
    }
    // Chi-square critical values at p = 1e-4: 23.51 for 4 degrees of freedom, 25.74 for 5.
    expect(chiSquareUniform(first)).toBeLessThan(23.51);
    expect(chiSquareUniform(second)).toBeLessThan(25.74);
  });

  it('the constant prediction 1.0 has mean squared error 1/6 (variance of a sum of two U(0,1)) over 20,000 sequences', () => {
    const count = 20_000;
    const { targets } = addingProblem({ length: 100, count, seed: 5 });
    let squaredError = 0;
    for (const target of targets) squaredError += (target - 1) ** 2;
    const mse = squaredError / count;
    // S - 1 with S = U1 + U2 is triangular on [-1, 1] (density 1 - |x|): E[(S-1)^2] = 1/6 and
    // E[(S-1)^4] = 2 * integral_0^1 x^4 (1 - x) dx = 1/15, so one squared error has variance
    // 1/15 - 1/36 = 7/180 and the mean of n has standard error sqrt(7/180 / n) = 0.00139 for
    // n = 20,000. Five standard errors (0.0070): a correct generator fails with probability < 1e-6,
    // while predictable targets (e.g. both markers in one half, or values in [0, 1] rescaled)
    // move the error by far more.
    const tolerance = 5 * Math.sqrt(7 / 180 / count);
    expect(tolerance).toBeCloseTo(0.00697, 4);
    expect(Math.abs(mse - 1 / 6)).toBeLessThan(tolerance);
  });

  it('is deterministic per seed and follows the documented draw order', () => {
    const a = addingProblem({ length: 20, count: 30, seed: 42 });
    const b = addingProblem({ length: 20, count: 30, seed: 42 });
    expect(a.inputs).toEqual(b.inputs);
    expect(a.targets).toEqual(b.targets);
    const c = addingProblem({ length: 20, count: 30, seed: 43 });
    expect(c.inputs).not.toEqual(a.inputs);

    // The documented order, replayed on createSeededRandom: per sequence, `length` values, then
    // the first marker's step in [0, half), then the second's in [half, length).
    const random = createSeededRandom(42);
    for (let sample = 0; sample < 30; sample++) {
      for (let step = 0; step < 20; step++) {
        expect(value(a, sample, step)).toBe(Math.floor(random.next() * 2 ** 24) / 2 ** 24);
      }
      const first = random.nextInt(10);
      const second = 10 + random.nextInt(10);
      expect(markedSteps(a, sample).steps).toEqual([first, second]);
    }
  });

  it('does what the TSDoc example says: tensors of the given shape, baseline error near 1/6', () => {
    const { inputs, targets, shape } = addingProblem({ length: 100, count: 1000, seed: 1 });
    expect(shape).toEqual([1000, 100, 2]);
    const x = tf.tensor3d(inputs, [...shape]);
    const y = tf.tensor2d(targets, [shape[0], 1]);
    expect([x.shape, y.shape]).toEqual([[1000, 100, 2], [1000, 1]]);
    tf.dispose([x, y]);
    expect(Math.min(...targets)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...targets)).toBeLessThan(2);
    // 1,000 sequences: standard error sqrt(7/180 / 1000) = 0.0062; five of them.
    expect(Math.abs(targets.reduce((sum, t) => sum + (t - 1) ** 2, 0) / targets.length - 1 / 6)).toBeLessThan(0.031);
  });

  it('without a seed, draws different data each call', () => {
    const a = addingProblem({ length: 10, count: 5 });
    const b = addingProblem({ length: 10, count: 5 });
    expect(a.inputs).not.toEqual(b.inputs);
  });

  it('rejects bad options with a ConfigError naming the field', () => {
    const short = catchConfigError(() => addingProblem({ length: 1, count: 3 }));
    expect(short.path).toBe('length');
    expect(short.message).toMatch(/^\[@dl\/data\] /);
    expect(short.message).toContain('>=2');
    expect(catchConfigError(() => addingProblem({ length: 10.5, count: 3 })).path).toBe('length');
    expect(catchConfigError(() => addingProblem({ length: 10, count: 0 })).path).toBe('count');
    expect(catchConfigError(() => addingProblem({ length: 10, count: 2.5 })).path).toBe('count');
    expect(catchConfigError(() => addingProblem({ length: 10, count: 3, seed: Number.NaN })).path).toBe('seed');
    const missing = catchConfigError(() => addingProblem({ count: 3 } as never));
    expect(missing.path).toBe('length');
    expect(missing.message).toContain('it is required');
    const misspelled = catchConfigError(() => addingProblem({ lenght: 10, length: 10, count: 3 } as never));
    expect(misspelled.path).toBe('lenght');
    expect(misspelled.message).toContain("did you mean 'length'?");
    const huge = catchConfigError(() => addingProblem({ length: 100_000, count: 100_000 }));
    expect(huge.path).toBe('count');
    expect(huge.message).toContain('length');
  });
});
