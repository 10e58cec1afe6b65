import * as tf from '@tensorflow/tfjs';
import { ShapeError, useBackend } from '@dl/core';
import { catchConfigError, checkGradients, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { boxLoss } from './box-loss.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

const truthRows = [[0.1, 0.2, 0.6, 0.7], [0.3, 0.3, 0.9, 0.8]];
const predictedRows = [[0.15, 0.1, 0.55, 0.6], [0.2, 0.35, 0.7, 0.95]];

/** float64, from the definitions: smooth L1 (beta 0.1) of each coordinate, and 1 − IoU of each box. */
function reference(kind: 'smoothL1' | 'iou' | 'smoothL1+iou', weight: number, beta = 0.1): number {
  let smooth = 0;
  let iouLoss = 0;
  truthRows.forEach((t, b) => {
    const p = predictedRows[b]!;
    for (let k = 0; k < 4; k += 1) {
      const d = Math.abs(p[k]! - t[k]!);
      smooth += d < beta ? (0.5 * d * d) / beta : d - 0.5 * beta;
    }
    const overlap = Math.max(0, Math.min(t[2]!, p[2]!) - Math.max(t[0]!, p[0]!)) * Math.max(0, Math.min(t[3]!, p[3]!) - Math.max(t[1]!, p[1]!));
    const union = (t[2]! - t[0]!) * (t[3]! - t[1]!) + (p[2]! - p[0]!) * (p[3]! - p[1]!) - overlap;
    iouLoss += 1 - overlap / union;
  });
  smooth /= 4 * truthRows.length;
  iouLoss /= truthRows.length;
  return weight * ((kind === 'iou' ? 0 : smooth) + (kind === 'smoothL1' ? 0 : iouLoss));
}

describe.each(['cpu', 'wasm'] as const)('boxLoss on %s', (backend) => {
  it('is weight times smooth L1, 1 − IoU or their sum, as a float64 reference computes them', async () => {
    await useBackend(backend);
    const truth = tf.tensor2d(truthRows);
    const predicted = tf.tensor2d(predictedRows);
    expectTensorsClose(boxLoss(truth, predicted), [reference('smoothL1+iou', 1)], { rtol: 1e-5 });
    for (const loss of ['smoothL1', 'iou', 'smoothL1+iou'] as const) {
      expectTensorsClose(boxLoss(truth, predicted, { loss, weight: 2.5 }), [reference(loss, 2.5)], { rtol: 1e-5 });
    }
    expectTensorsClose(boxLoss(truth, predicted, { loss: 'smoothL1', beta: 0.02 }), [reference('smoothL1', 1, 0.02)], { rtol: 1e-5 });
    expectTensorsClose(boxLoss(truth, truth), [0], { atol: 1e-7 });
  });

  it('has gradients that agree with finite differences for each loss, and leaks nothing', async () => {
    await useBackend(backend);
    const truth = tf.tensor2d(truthRows);
    const predicted = tf.tensor2d(predictedRows);
    for (const loss of ['smoothL1', 'iou', 'smoothL1+iou'] as const) {
      checkGradients((p) => boxLoss(truth, p, { loss, weight: 3 }), [predicted], { step: 1e-3 });
    }
    await expectNoTensorLeaks(() => tf.grad((p: tf.Tensor) => boxLoss(truth, p))(predicted).dispose());
  });

  it('still pulls boxes that do not overlap (smooth L1) where the IoU loss has zero gradient', async () => {
    await useBackend(backend);
    const truth = tf.tensor2d([[0, 0, 0.2, 0.2]]);
    const apart = tf.tensor2d([[0.6, 0.6, 0.9, 0.9]]);
    const gradient = (loss: 'iou' | 'smoothL1+iou') => tf.grad((p: tf.Tensor) => boxLoss(truth, p, { loss }))(apart);
    expect(Array.from(gradient('iou').dataSync())).toEqual([0, 0, 0, 0]);
    // Every coordinate of the far box is too large: each gradient is positive (move it down).
    expect(Array.from(gradient('smoothL1+iou').dataSync()).every((g) => g > 0)).toBe(true);
  });
});

describe('boxLoss arguments', () => {
  it('rejects boxes that are not [batch, 4] alike (ShapeError) and bad options (ConfigError naming the field)', () => {
    expect(() => boxLoss(tf.zeros([2, 4]), tf.zeros([3, 4]))).toThrow(ShapeError);
    expect(() => boxLoss(tf.zeros([2, 3]), tf.zeros([2, 3]))).toThrow(ShapeError);
    expect(() => boxLoss(tf.zeros([4]), tf.zeros([4]))).toThrow(ShapeError);
    expect(catchConfigError(() => boxLoss(tf.zeros([1, 4]), tf.zeros([1, 4]), { loss: 'giou' as never })).path).toBe('loss');
    expect(catchConfigError(() => boxLoss(tf.zeros([1, 4]), tf.zeros([1, 4]), { weight: -1 })).path).toBe('weight');
    expect(catchConfigError(() => boxLoss(tf.zeros([1, 4]), tf.zeros([1, 4]), { wieght: 1 } as never)).path).toBe('wieght');
  });
});
