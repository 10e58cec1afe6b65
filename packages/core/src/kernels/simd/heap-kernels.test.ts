import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../backend/use-backend.js';
import { heapKernels, type HeapKernels } from './heap-kernels.js';

let kernels: HeapKernels;

beforeAll(async () => {
  await useBackend('wasm');
  const found = heapKernels(tf.backend());
  if (found === undefined) throw new Error('no heap kernels on wasm');
  kernels = found;
});

afterAll(async () => {
  await tf.setBackend('cpu');
});

/** The float64 definitions, not the kernel's formulas. */
const exactSigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const exactTanh = (x: number): number => Math.tanh(x);

/** Runs `name` in place on `values` (float32) inside a longer tensor, and returns [result, the guard values around it]. */
function applyOnHeap(name: 'sigmoid' | 'tanh', values: Float32Array): { result: Float32Array; guards: number[] } {
  const guard = 12345.5;
  const padded = new Float32Array(values.length + 8).fill(guard);
  padded.set(values, 4);
  const tensor = tf.tensor1d(padded);
  const address = kernels.address(tensor);
  kernels[name](address + 16, values.length);
  const out = tensor.dataSync() as Float32Array;
  tensor.dispose();
  return { result: out.slice(4, 4 + values.length), guards: [...out.slice(0, 4), ...out.slice(4 + values.length)] };
}

/** Error in float32 ulps of the exact value (the spacing of float32 numbers at that value). */
function ulps(actual: number, exact: number): number {
  const spacing = Math.max(2 ** -149, 2 ** (Math.floor(Math.log2(Math.abs(exact))) - 23));
  return Math.abs(actual - exact) / spacing;
}

describe('heapKernels: sigmoid and tanh in place', () => {
  const grid = Float32Array.from({ length: 40001 }, (_, i) => -100 + i * 0.005);

  it('sigmoid is within 4 float32 ulps of the float64 value wherever that is at least 2^-126, and below 1.2e-38 elsewhere', () => {
    const { result } = applyOnHeap('sigmoid', grid);
    let worst = 0;
    grid.forEach((x, i) => {
      const exact = exactSigmoid(x);
      if (exact >= 2 ** -126) worst = Math.max(worst, ulps(result[i]!, exact));
      else expect(result[i]!).toBeLessThan(1.2e-38);
    });
    expect(worst).toBeLessThanOrEqual(4);
  });

  it('tanh is within 4 float32 ulps of the float64 value, near 0 too (no cancellation)', () => {
    const small = Float32Array.from({ length: 2001 }, (_, i) => (i - 1000) * 1e-5);
    const values = Float32Array.from([...grid, ...small, 0.29999998, 0.3, 0.30000001, -0.3, 1e-30, -1e-30]);
    const { result } = applyOnHeap('tanh', values);
    let worst = 0;
    values.forEach((x, i) => {
      if (x !== 0) worst = Math.max(worst, ulps(result[i]!, exactTanh(x)));
      else expect(result[i]).toBe(0);
    });
    expect(worst).toBeLessThanOrEqual(4);
  });

  it('handles the edges: ±Infinity, NaN, ±0', () => {
    const values = Float32Array.from([Infinity, -Infinity, Number.NaN, 0, -0]);
    const s = applyOnHeap('sigmoid', values).result;
    expect(s[0]).toBe(1);
    expect(s[1]).toBeLessThan(1.2e-38);
    expect(s[2]).toBeNaN();
    expect(s[3]).toBe(0.5);
    const t = applyOnHeap('tanh', values).result;
    expect([t[0], t[1]]).toEqual([1, -1]);
    expect(t[2]).toBeNaN();
    expect(Object.is(t[3], 0)).toBe(true);
    expect(Object.is(t[4], -0)).toBe(true);
  });

  it('writes exactly count values, whatever count mod 4, and gives each value the same bits wherever it lies', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom('sigmoid' as const, 'tanh' as const), (count, shift, name) => {
        const values = Float32Array.from({ length: count }, (_, i) => Math.sin(i * 1.7 + shift) * 6);
        const { result, guards } = applyOnHeap(name, values);
        expect(guards.every((g) => g === 12345.5)).toBe(true);
        // The same values one at a time (each through the tail path) give the same bits.
        values.forEach((x, i) => expect(applyOnHeap(name, Float32Array.of(x)).result[0]).toBe(result[i]));
      }),
      { numRuns: 40 },
    );
  });

  it('applies to a column block of a matrix (rows runs, rowStride apart) and nothing else', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 4 }), fc.constantFrom('sigmoid' as const, 'tanh' as const), (rows, count, start, extra, name) => {
        const stride = start + count + extra;
        const matrix = tf.tensor1d(Float32Array.from({ length: rows * stride }, (_, i) => Math.cos(i * 0.9) * 5));
        const before = matrix.dataSync().slice();
        kernels[name](kernels.address(matrix) + 4 * start, count, rows, stride);
        const after = matrix.dataSync();
        matrix.dispose();
        const single = (x: number) => applyOnHeap(name, Float32Array.of(x)).result[0];
        before.forEach((x, i) => {
          const column = i % stride;
          expect(after[i]).toBe(column >= start && column < start + count ? single(x) : x);
        });
      }),
      { numRuns: 40 },
    );
  });
});
