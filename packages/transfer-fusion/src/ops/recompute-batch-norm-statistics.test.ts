import * as tf from '@tensorflow/tfjs';
import { ShapeError } from '@dl/core';
import { catchConfigError, expectNoTensorLeaks } from '@dl/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { lcg, randomMatrix } from '../models/ensemble-members.test-util.js';
import { recomputeBatchNormStatistics } from './recompute-batch-norm-statistics.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const epsilon = 1e-3;
const random = lcg(21);

interface Dense64 { kernel: number[][]; bias: number[] }
interface Norm64 { gamma: number[]; beta: number[] }

const dense = (rows: number[][], layer: Dense64): number[][] => rows.map((row) => layer.bias.map((b, j) => b + row.reduce((s, v, i) => s + v * layer.kernel[i]![j]!, 0)));
/** Per-column mean and population variance, float64, two passes. */
function moments64(rows: number[][]): { mean: number[]; variance: number[] } {
  const mean = rows[0]!.map((_, c) => rows.reduce((s, r) => s + r[c]!, 0) / rows.length);
  const variance = mean.map((m, c) => rows.reduce((s, r) => s + (r[c]! - m) ** 2, 0) / rows.length);
  return { mean, variance };
}
const normalize = (rows: number[][], n: Norm64, m: { mean: number[]; variance: number[] }): number[][] =>
  rows.map((r) => r.map((v, c) => n.gamma[c]! * ((v - m.mean[c]!) / Math.sqrt(m.variance[c]! + epsilon)) + n.beta[c]!));

function expectClose(actual: ArrayLike<number>, expected: readonly number[], rtol = 1e-4, atol = 1e-5): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, k) => expect(Math.abs(actual[k]! - e)).toBeLessThanOrEqual(atol + rtol * Math.abs(e)));
}

function moving(layer: tf.layers.Layer, suffix: string): Float32Array {
  return layer.weights.find((w) => w.originalName.endsWith(suffix))!.read().dataSync() as Float32Array;
}

describe('recomputeBatchNormStatistics', () => {
  it('sets each BatchNorm’s moving mean/variance to the exact statistics of its inputs in inference mode, nested models included', async () => {
    // input [4] → base (nested Sequential: dense d1 4→3, bn1) → dense d2 3→2 → bn2.
    const d1: Dense64 = { kernel: randomMatrix(random, 4, 3, -1, 1), bias: randomMatrix(random, 1, 3)[0]! };
    const d2: Dense64 = { kernel: randomMatrix(random, 3, 2, -1, 1), bias: randomMatrix(random, 1, 2)[0]! };
    const n1: Norm64 = { gamma: randomMatrix(random, 1, 3, 0.5, 2)[0]!, beta: randomMatrix(random, 1, 3)[0]! };
    const n2: Norm64 = { gamma: randomMatrix(random, 1, 2, 0.5, 2)[0]!, beta: randomMatrix(random, 1, 2)[0]! };
    const base = tf.sequential({ name: 'base', layers: [tf.layers.dense({ units: 3, inputShape: [4], name: 'd1' }), tf.layers.batchNormalization({ name: 'bn1', epsilon })] });
    base.getLayer('d1').setWeights([tf.tensor2d(d1.kernel), tf.tensor1d(d1.bias)]);
    // Stale moving statistics, far from the data's.
    base.getLayer('bn1').setWeights([tf.tensor1d(n1.gamma), tf.tensor1d(n1.beta), tf.fill([3], 5), tf.fill([3], 9)]);
    const input = tf.input({ shape: [4] });
    const h = tf.layers.dense({ units: 2, name: 'd2' }).apply(base.apply(input)) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: tf.layers.batchNormalization({ name: 'bn2', epsilon }).apply(h) as tf.SymbolicTensor });
    model.getLayer('d2').setWeights([tf.tensor2d(d2.kernel), tf.tensor1d(d2.bias)]);
    model.getLayer('bn2').setWeights([tf.tensor1d(n2.gamma), tf.tensor1d(n2.beta), tf.fill([2], -3), tf.fill([2], 0.01)]);

    const x = randomMatrix(random, 23, 4, -2, 3);
    const h1 = dense(x, d1);
    const m1 = moments64(h1);
    const m2 = moments64(dense(normalize(h1, n1, m1), d2));

    // 23 samples in batches of 5: the last batch is smaller, and the batch means differ.
    const report = await recomputeBatchNormStatistics(model, tf.tensor2d(x), { batchSize: 5 });
    expect(report).toEqual([{ layer: 'bn1', count: 23 }, { layer: 'bn2', count: 23 }]);
    expectClose(moving(base.getLayer('bn1'), 'moving_mean'), m1.mean);
    expectClose(moving(base.getLayer('bn1'), 'moving_variance'), m1.variance);
    expectClose(moving(model.getLayer('bn2'), 'moving_mean'), m2.mean);
    expectClose(moving(model.getLayer('bn2'), 'moving_variance'), m2.variance);
  });

  it('reduces over batch and positions for a convolution (channels last)', async () => {
    const model = tf.sequential({ layers: [tf.layers.conv2d({ filters: 2, kernelSize: 1, inputShape: [3, 3, 2], name: 'conv' }), tf.layers.batchNormalization({ name: 'bn', epsilon })] });
    const kernel = randomMatrix(random, 2, 2);
    const bias = randomMatrix(random, 1, 2)[0]!;
    model.getLayer('conv').setWeights([tf.tensor4d(kernel.flat(), [1, 1, 2, 2]), tf.tensor1d(bias)]);
    const pixels = randomMatrix(random, 4 * 9, 2, -1, 2);
    const m = moments64(dense(pixels, { kernel, bias }));
    const report = await recomputeBatchNormStatistics(model, tf.tensor4d(pixels.flat(), [4, 3, 3, 2]), { batchSize: 3 });
    expect(report).toEqual([{ layer: 'bn', count: 36 }]);
    expectClose(moving(model.getLayer('bn'), 'moving_mean'), m.mean);
    expectClose(moving(model.getLayer('bn'), 'moving_variance'), m.variance);
  });

  it('rejects bad options with a ConfigError and bad images with a ShapeError, and leaks no tensors', async () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] }), tf.layers.batchNormalization()] });
    const images = tf.zeros([4, 3]);
    const rejected = await recomputeBatchNormStatistics(model, images, { batchsize: 2 } as never).catch((e: unknown) => e);
    expect(catchConfigError(() => { throw rejected; }).path).toBe('batchsize');
    const wrong = await recomputeBatchNormStatistics(model, tf.zeros([4, 5])).catch((e: unknown) => e);
    expect(ShapeError.isInstance(wrong) && wrong.argument).toBe('images');
    await expectNoTensorLeaks(() => recomputeBatchNormStatistics(model, images, { batchSize: 3 }));
  });
});
