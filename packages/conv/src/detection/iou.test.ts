import * as tf from '@tensorflow/tfjs';
import { createSeededRandom, ShapeError, useBackend } from '@dl/core';
import { checkGradients, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { iou, iouLoss } from './iou.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

/** IoU in float64 by counting: the overlap of two boxes on a fine grid, from the definition. */
function gridIou(a: number[], b: number[], cells = 400): number {
  const inside = (box: number[], y: number, x: number) => y >= box[0]! && y < box[2]! && x >= box[1]! && x < box[3]!;
  let both = 0;
  let either = 0;
  for (let i = 0; i < cells; i += 1) for (let j = 0; j < cells; j += 1) {
    const y = (i + 0.5) / cells * 2 - 0.5;
    const x = (j + 0.5) / cells * 2 - 0.5;
    const inA = inside(a, y, x);
    const inB = inside(b, y, x);
    if (inA && inB) both += 1;
    if (inA || inB) either += 1;
  }
  return either === 0 ? 0 : both / either;
}

describe.each(['cpu', 'wasm'] as const)('iou on %s', (backend) => {
  it('agrees with counting overlapping cells on a fine grid, for random and edge-case boxes', async () => {
    await useBackend(backend);
    const random = createSeededRandom(1);
    const box = () => {
      const [y0, y1] = [random.next(), random.next()].sort((p, q) => p - q) as [number, number];
      const [x0, x1] = [random.next(), random.next()].sort((p, q) => p - q) as [number, number];
      return [y0, x0, y1, x1];
    };
    const pairs: [number[], number[]][] = Array.from({ length: 12 }, () => [box(), box()]);
    pairs.push([[0, 0, 0.5, 0.5], [0.5, 0.5, 1, 1]]); // touching corners: 0
    pairs.push([[0.1, 0.1, 0.6, 0.6], [0.1, 0.1, 0.6, 0.6]]); // identical: 1
    pairs.push([[0, 0, 1, 1], [0.25, 0.25, 0.75, 0.75]]); // nested: 1/4
    const result = iou(tf.tensor2d(pairs.map((p) => p[0])), tf.tensor2d(pairs.map((p) => p[1])));
    // The grid has cells of 1/200: the counted IoU is within about 2% of the exact one.
    expectTensorsClose(result, pairs.map(([a, b]) => gridIou(a, b)), { atol: 0.02 });
    expectTensorsClose(tf.slice(result, [12], [3]), [0, 1, 0.25], { atol: 1e-6 });
  });

  it('broadcasts, treats inverted boxes as empty, and gives 0 (not NaN) for two empty boxes', async () => {
    await useBackend(backend);
    const one = tf.tensor1d([0, 0, 1, 1]);
    expect(iou(one, tf.tensor2d([[0, 0, 1, 1], [0, 0, 0.5, 1]])).arraySync()).toEqual([1, 0.5]);
    expect(iou(tf.tensor1d([1, 1, 0, 0]), one).arraySync()).toBe(0);
    expect(iou(tf.tensor1d([0.5, 0.5, 0.5, 0.5]), tf.tensor1d([0.2, 0.2, 0.2, 0.2])).arraySync()).toBe(0);
  });

  it('has gradients that agree with finite differences (overlapping boxes), and leaks nothing', async () => {
    await useBackend(backend);
    const truth = tf.tensor2d([[0.1, 0.2, 0.6, 0.7], [0.3, 0.3, 0.9, 0.8]]);
    const predicted = tf.tensor2d([[0.15, 0.1, 0.55, 0.6], [0.2, 0.35, 0.7, 0.95]]);
    checkGradients((p) => iouLoss(truth, p), [predicted], { step: 1e-3 });
    await expectNoTensorLeaks(() => tf.grad((p: tf.Tensor) => iouLoss(truth, p))(predicted).dispose());
  });

  it('rejects boxes that are not [..., 4] with a ShapeError', () => {
    expect(() => iou(tf.zeros([2, 3]), tf.zeros([2, 4]))).toThrow(ShapeError);
  });
});
