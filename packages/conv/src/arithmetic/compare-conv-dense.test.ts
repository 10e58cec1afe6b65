import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { compareConvDense } from './compare-conv-dense.js';

describe('compareConvDense', () => {
  it('counts both layers as tfjs builds them, with the same number of outputs', () => {
    const c = compareConvDense({ inputShape: [28, 28, 1], kernelSize: 3, filters: 32 });
    const conv = tf.layers.conv2d({ filters: 32, kernelSize: 3 });
    const out = conv.apply(tf.input({ shape: [28, 28, 1] })) as tf.SymbolicTensor;
    const dense = tf.layers.dense({ units: c.dense.units });
    dense.apply(tf.input({ shape: [28 * 28] }));
    expect(c.conv.outputShape).toEqual(out.shape.slice(1));
    expect(c.conv.parameters).toBe(conv.countParams());
    expect(c.dense.units).toBe(26 * 26 * 32);
    expect(c.dense.parameters).toBe(dense.countParams());
    expect(c.ratio).toBeCloseTo(dense.countParams() / conv.countParams(), 10);
    expect(c.ratio).toBeGreaterThan(50_000);
  });
});
