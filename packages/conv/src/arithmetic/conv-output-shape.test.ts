import * as tf from '@tensorflow/tfjs';
import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { convOutputShape } from './conv-output-shape.js';

/** Every combination of these, compared with the shape tfjs's own layer computes. */
const sizes = [1, 5, 7, 28, 32];
const kernels = [1, 2, 3, 5];
const strides = [1, 2, 3];
const dilations = [1, 2];
const paddings = ['valid', 'same'] as const;

describe('convOutputShape', () => {
  it('equals tfjs conv2d, depthwiseConv2d and maxPooling2d output shapes over a grid of settings', () => {
    let compared = 0;
    for (const n of sizes) for (const k of kernels) for (const s of strides) for (const padding of paddings) for (const d of dilations) {
      // tfjs (like TF) rejects strides > 1 together with dilation > 1.
      if (s > 1 && d > 1) continue;
      const inputShape = [n, n + 3, 2] as [number, number, number];
      const ours = convOutputShape({ inputShape, kernelSize: [k, k + 1], strides: s, padding, dilation: d, filters: 4 });
      const span = (k - 1) * d + 1;
      if (padding === 'valid' && (n < span || n + 3 < (k + 1 - 1) * d + 1)) {
        expect(ours.some((x) => x === 0)).toBe(true);
        continue;
      }
      const theirs = tf.layers.conv2d({ filters: 4, kernelSize: [k, k + 1], strides: s, padding, dilationRate: d }).computeOutputShape([null, ...inputShape]);
      expect(ours, JSON.stringify({ n, k, s, padding, d })).toEqual(theirs.slice(1));
      // Against tfjs's depthwise op: its DepthwiseConv2D layer drops the dilation rate (see below).
      const depthwise = tf.tidy(() => tf.depthwiseConv2d(tf.zeros([1, ...inputShape]) as tf.Tensor4D, tf.zeros([k, k, 2, 3]) as tf.Tensor4D, s, padding, 'NHWC', d).shape);
      expect(convOutputShape({ inputShape, kind: 'depthwise', kernelSize: k, strides: s, padding, dilation: d, depthMultiplier: 3 }), JSON.stringify({ n, k, s, padding, d })).toEqual(depthwise.slice(1));
      if (d === 1 && n >= k) {
        const pool = tf.layers.maxPooling2d({ poolSize: k, strides: s, padding }).computeOutputShape([null, ...inputShape]);
        expect(convOutputShape({ inputShape, kind: 'pool', kernelSize: k, strides: s, padding })).toEqual(pool.slice(1));
      }
      compared += 1;
    }
    expect(compared).toBeGreaterThan(120);
  });

  it("notes a tfjs-layers bug: DepthwiseConv2D ignores dilationRate (the op honours it, and so do we)", () => {
    const layer = tf.layers.depthwiseConv2d({ kernelSize: 2, dilationRate: 2, depthMultiplier: 3 });
    const viaLayer = tf.tidy(() => (layer.apply(tf.zeros([1, 5, 8, 2])) as tf.Tensor).shape);
    const viaOp = tf.tidy(() => tf.depthwiseConv2d(tf.zeros([1, 5, 8, 2]) as tf.Tensor4D, tf.zeros([2, 2, 2, 3]) as tf.Tensor4D, 1, 'valid', 'NHWC', 2).shape);
    expect(convOutputShape({ inputShape: [5, 8, 2], kind: 'depthwise', kernelSize: 2, dilation: 2, depthMultiplier: 3 })).toEqual(viaOp.slice(1));
    // If this starts failing, tfjs fixed the layer: drop the note from the TSDoc and this test.
    expect(viaLayer.slice(1)).toEqual([4, 7, 6]);
  });

  it('defaults the pooling stride to the pool size, as Keras does', () => {
    const pooled = tf.layers.maxPooling2d({ poolSize: 2 }).computeOutputShape([null, 27, 27, 8]);
    expect(convOutputShape({ inputShape: [27, 27, 8], kind: 'pool', kernelSize: 2 })).toEqual(pooled.slice(1));
  });

  it('equals tfjs conv2dTranspose, whose shapes tfjs computes when it builds', () => {
    for (const n of [1, 4, 7]) for (const k of [1, 2, 3, 4]) for (const s of [1, 2, 3]) for (const padding of paddings) {
      const layer = tf.layers.conv2dTranspose({ filters: 5, kernelSize: k, strides: s, padding });
      const out = tf.tidy(() => (layer.apply(tf.zeros([1, n, n + 1, 2])) as tf.Tensor).shape);
      expect(convOutputShape({ inputShape: [n, n + 1, 2], kind: 'transpose', kernelSize: k, strides: s, padding, filters: 5 }), JSON.stringify({ n, k, s, padding })).toEqual(out.slice(1));
      layer.dispose();
    }
  });

  it('rejects bad arguments with a ConfigError naming the field', () => {
    expect(catchConfigError(() => convOutputShape({ inputShape: [28, 28, 1], kernelSize: 3 })).path).toBe('filters');
    expect(catchConfigError(() => convOutputShape({ inputShape: [28, 28, 1], kernelSize: 0, filters: 2 })).path).toBe('kernelSize');
    expect(catchConfigError(() => convOutputShape({ inputShape: [28, 28], kernelSize: 3, filters: 2 } as never)).path).toMatch(/^inputShape/u);
    expect(catchConfigError(() => convOutputShape({ inputShape: [28, 28, 1], kernelSize: 3, filters: 2, padding: 'full' as never })).path).toBe('padding');
    expect(catchConfigError(() => convOutputShape({ inputShape: [28, 28, 1], kernelSize: 3, filters: 2, stride: 2 } as never)).message).toContain('strides');
  });
});
