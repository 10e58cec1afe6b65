import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../backend/use-backend.js';
import { expectTensorsClose } from '../testing/expect-tensors-close.js';
import { seededTensor as random } from './seeded-tensor.test-util.js';

beforeAll(async () => {
  const report = await useBackend('wasm');
  expect(report.installedTrainingKernels).toContain('Sum');
});

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('Sum over leading axes on wasm (dl kernel)', () => {
  it.each([
    { shape: [4, 3, 5], axis: [0, 1], keepDims: false },
    { shape: [4, 3, 5], axis: [0], keepDims: true },
    { shape: [2, 3, 4, 5], axis: [0, 1, 2], keepDims: false },
    { shape: [4, 3, 5], axis: [1], keepDims: false },
    { shape: [4, 3, 5], axis: [-1], keepDims: false },
  ])('matches a float64 reference for %o', ({ shape, axis, keepDims }) => {
    const x = random(shape, 9);
    const axes = axis.map((a) => (a < 0 ? a + shape.length : a));
    // float64 reference: accumulate every element into the cell of its kept coordinates.
    const reference = (() => {
      const flat = Array.from(x.dataSync());
      const strides = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
      const keptDims = shape.map((_, i) => i).filter((i) => !axes.includes(i));
      const out = new Map<string, number>();
      flat.forEach((v, index) => {
        const position = shape.map((d, i) => Math.floor(index / strides[i]!) % d);
        const key = keptDims.map((i) => position[i]).join(',');
        out.set(key, (out.get(key) ?? 0) + v);
      });
      return [...out.values()];
    })();
    const sum = tf.sum(x, axis, keepDims);
    const expectedShape = keepDims ? shape.map((d, i) => (axes.includes(i) ? 1 : d)) : shape.filter((_, i) => !axes.includes(i));
    expect(sum.shape).toEqual(expectedShape);
    expectTensorsClose(sum, reference, { rtol: 1e-5, atol: 1e-5 });
    tf.dispose([x, sum]);
  });
});

describe('Sum and Mean over leading axes on wasm (the SIMD column totals)', () => {
  // 1-40 columns: groups of sixteen, of four, and single columns; rows up to 300 so that float32
  // accumulation would round differently from float64.
  it.each([1, 3, 4, 7, 16, 17, 21, 32, 40])('are the float64 column totals in row order, rounded once to float32 (%i columns)', (columns) => {
    const rows = 300;
    const x = random([3, rows / 3, columns], columns);
    const values = x.dataSync();
    const totals = new Float64Array(columns);
    for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) totals[c]! += values[r * columns + c]!;
    const sum = tf.sum(x, [0, 1]);
    const mean = tf.mean(x, [0, 1], true);
    expect(mean.shape).toEqual([1, 1, columns]);
    expect(Array.from(sum.dataSync())).toEqual(Array.from(totals, (t) => Math.fround(t)));
    expect(Array.from(mean.dataSync())).toEqual(Array.from(totals, (t) => Math.fround(t / rows)));
    tf.dispose([x, sum, mean]);
  });
});
