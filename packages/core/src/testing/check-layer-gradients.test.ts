import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkGradients } from './check-gradients.js';
import { checkLayerGradients } from './check-layer-gradients.js';
import { expectNoTensorLeaks } from './expect-no-tensor-leaks.js';
import { WrongWeightGradient } from './wrong-weight-gradient.test-util.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('checkLayerGradients', () => {
  it('passes for tfjs Dense and checks its input, kernel and bias', () => {
    const dense = tf.layers.dense({ units: 3, activation: 'tanh', kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }), biasInitializer: 'ones' });
    const x = tf.randomUniform([4, 5], -1, 1, 'float32', 4);
    const report = checkLayerGradients(dense, x);
    expect(Object.keys(report.perTensor)).toEqual(['input 0', dense.trainableWeights[0]!.name, dense.trainableWeights[1]!.name]);
    expect(report.maxRelativeError).toBeLessThan(1e-3);
    expect(report.checkedElements).toBe(20 + 15 + 3);
    tf.dispose(x);
    dense.dispose();
  });

  it('fails on a wrong weight gradient that a check over inputs alone passes', () => {
    const layer = new WrongWeightGradient();
    const x = tf.randomUniform([4, 5], -1, 1, 'float32', 5);
    expect(checkGradients((a) => layer.apply(a!) as tf.Tensor, [x]).passed).toBe(true);
    const report = checkLayerGradients(layer, x, { throwOnFailure: false });
    expect(report.passed).toBe(false);
    expect(report.worst.label).toMatch(/kernel/);
    expect(report.perTensor['input 0']).toBeLessThan(1e-3);
    expect(report.maxRelativeError).toBeGreaterThan(0.3);
    expect(() => checkLayerGradients(layer, x)).toThrow(/gradient check failed: .* at .*kernel/);
    tf.dispose(x);
  });

  it('fails when a trainable weight has no path to the output', () => {
    const layer = new WrongWeightGradient({ unusedWeight: true });
    const x = tf.randomUniform([2, 5], -1, 1, 'float32', 6);
    expect(() => checkLayerGradients(layer, x)).toThrow(/trainable weight\(s\) .*unused have no path/);
    tf.dispose(x);
  });

  it('restores every weight exactly and leaks nothing', async () => {
    const dense = tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.glorotUniform({ seed: 7 }) });
    const x = tf.randomUniform([3, 4], -1, 1, 'float32', 8);
    checkLayerGradients(dense, x); // builds it
    const before = dense.getWeights().map((w) => Array.from(w.dataSync()));
    await expectNoTensorLeaks(() => {
      checkLayerGradients(dense, x, { seed: 3 });
    });
    expect(dense.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(before);
    tf.dispose(x);
    dense.dispose();
  });

  it('rejects bad options naming the field', () => {
    const dense = tf.layers.dense({ units: 2 });
    const x = tf.ones([1, 2]);
    expect(() => checkLayerGradients(dense, x, { trainig: true } as never)).toThrow(/no option named 'trainig'/);
    expect(() => checkLayerGradients(dense, x, { tolerance: -1 })).toThrow(/option 'tolerance'/);
    tf.dispose(x);
  });
});
