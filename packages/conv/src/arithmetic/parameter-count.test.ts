import * as tf from '@tensorflow/tfjs';
import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { convParameterCount } from './parameter-count.js';

/** countParams() of a tfjs layer built on `inputShape` (batch axis added). */
function built(layer: tf.layers.Layer, inputShape: number[]): number {
  layer.apply(tf.input({ shape: inputShape }));
  return layer.countParams();
}

describe('convParameterCount', () => {
  it("equals tfjs layers' countParams()", () => {
    for (const k of [1, 3, 5]) for (const cin of [1, 3, 16]) for (const useBias of [true, false]) {
      expect(convParameterCount({ kind: 'conv', kernelSize: [k, k + 1], inputChannels: cin, filters: 8, useBias })).toBe(built(tf.layers.conv2d({ filters: 8, kernelSize: [k, k + 1], useBias }), [9, 9, cin]));
      expect(convParameterCount({ kind: 'transpose', kernelSize: k, inputChannels: cin, filters: 8, useBias })).toBe(built(tf.layers.conv2dTranspose({ filters: 8, kernelSize: k, useBias }), [9, 9, cin]));
      expect(convParameterCount({ kind: 'depthwise', kernelSize: k, inputChannels: cin, depthMultiplier: 2, useBias })).toBe(built(tf.layers.depthwiseConv2d({ kernelSize: k, depthMultiplier: 2, useBias }), [9, 9, cin]));
      expect(convParameterCount({ kind: 'separable', kernelSize: k, inputChannels: cin, filters: 8, depthMultiplier: 2, useBias })).toBe(built(tf.layers.separableConv2d({ filters: 8, kernelSize: k, depthMultiplier: 2, useBias }), [9, 9, cin]));
      expect(convParameterCount({ kind: 'dense', inputs: cin * 7, units: 5, useBias })).toBe(built(tf.layers.dense({ units: 5, useBias }), [cin * 7]));
    }
    expect(convParameterCount({ kind: 'batchNorm', channels: 12 })).toBe(built(tf.layers.batchNormalization(), [5, 5, 12]));
    expect(convParameterCount({ kind: 'pool' })).toBe(built(tf.layers.maxPooling2d({ poolSize: 2 }), [8, 8, 3]));
    expect(convParameterCount({ kind: 'pool' })).toBe(0);
  });

  it("counts the seed's CNN (conv32-pool-conv64-pool-dense10 on 28x28x1) as tfjs builds it", () => {
    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 32, kernelSize: 3, activation: 'relu' }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 10 }),
      ],
    });
    const ours =
      convParameterCount({ kind: 'conv', kernelSize: 3, inputChannels: 1, filters: 32 }) +
      convParameterCount({ kind: 'conv', kernelSize: 3, inputChannels: 32, filters: 64 }) +
      convParameterCount({ kind: 'dense', inputs: 5 * 5 * 64, units: 10 });
    expect(ours).toBe(model.countParams());
    expect(ours).toBe(320 + 18_496 + 16_010);
  });

  it('rejects bad specs with a ConfigError naming the field', () => {
    expect(catchConfigError(() => convParameterCount({ kind: 'conv', kernelSize: 3, inputChannels: 0, filters: 2 })).path).toBe('inputChannels');
    expect(catchConfigError(() => convParameterCount({ kind: 'dense', inputs: 3 } as never)).message).toContain('units');
    expect(catchConfigError(() => convParameterCount({ kind: 'lstm' } as never)).path).toBe('kind');
  });
});
