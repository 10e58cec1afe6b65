import * as tf from '@tensorflow/tfjs';
import { seededInitializers, useBackend } from '@dl/core';
import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { planImageStages, upsamplingStack } from './image-stages.js';

describe('planImageStages', () => {
  it('divides height and width by 2 ** stages', () => {
    expect(planImageStages([28, 28, 1], 2, 'imageShape')).toEqual({ baseHeight: 7, baseWidth: 7 });
    expect(planImageStages([64, 32, 3], 3, 'imageShape')).toEqual({ baseHeight: 8, baseWidth: 4 });
    expect(planImageStages([5, 7, 1], 0, 'imageShape')).toEqual({ baseHeight: 5, baseWidth: 7 });
    expect(planImageStages([4, 4, 1], 2, 'imageShape')).toEqual({ baseHeight: 1, baseWidth: 1 });
  });

  it('refuses an unreachable size with a ConfigError naming the field and listing sizes that work', () => {
    const error = catchConfigError(() => planImageStages([30, 30, 1], 2, 'imageShape'));
    expect(error.path).toBe('imageShape');
    expect(error.message).toContain('multiples of 4 (2 stride-2 stages');
    expect(error.message).toContain('24, 28, 32, 36');
    expect(error.message).toContain('30x30');
    // Width alone wrong; the field name is the caller's.
    const width = catchConfigError(() => planImageStages([32, 20, 3], 3, 'decoder.imageShape'));
    expect(width.path).toBe('decoder.imageShape');
    expect(width.message).toContain('multiples of 8');
    expect(width.message).toContain('8, 16, 24, 32');
    // Smaller than one base pixel.
    expect(catchConfigError(() => planImageStages([2, 2, 1], 2, 'imageShape')).message).toContain('4, 8, 12, 16');
    expect(catchConfigError(() => planImageStages([8, 8, 1], -1, 'imageShape')).path).toBe('stages');
  });
});

describe('upsamplingStack', () => {
  it('doubles the size at every stage and ends with the asked channels and activation', async () => {
    await useBackend('cpu');
    for (const [imageShape, filters] of [[[28, 28, 1], [8, 4]], [[32, 32, 3], [8, 4, 4]], [[64, 64, 3], [4, 4, 4, 2]], [[12, 20, 2], [3, 2]]] as const) {
      const { baseHeight, baseWidth } = planImageStages(imageShape, filters.length, 'imageShape');
      const input = tf.input({ shape: [baseHeight, baseWidth, 5] });
      const output = upsamplingStack(input, { filters, channels: imageShape[2], batchNorm: true, outputActivation: 'tanh', init: seededInitializers(1), namePrefix: 'g' });
      expect(output.shape).toEqual([null, ...imageShape]);
      const model = tf.model({ inputs: input, outputs: output });
      const y = model.predict(tf.randomNormal([2, baseHeight, baseWidth, 5], 0, 3, 'float32', 1)) as tf.Tensor;
      expect(y.shape).toEqual([2, ...imageShape]);
      const values = y.dataSync();
      expect(Math.max(...values.map(Math.abs))).toBeLessThanOrEqual(1);
      tf.dispose(y);
      model.dispose();
    }
  });

  it('names its layers, leaves the bias out before BatchNorm and keeps it without', () => {
    const input = tf.input({ shape: [2, 2, 3] });
    const withBn = tf.model({ inputs: input, outputs: upsamplingStack(input, { filters: [4], channels: 1, batchNorm: true, outputActivation: 'sigmoid', init: seededInitializers(2), namePrefix: 'dec' }) });
    expect(withBn.layers.slice(1).map((layer) => layer.name)).toEqual(['dec_up1', 'dec_up1_bn', 'dec_up1_relu', 'dec_output']);
    expect(withBn.getLayer('dec_up1').getWeights()).toHaveLength(1);
    expect(withBn.getLayer('dec_output').getConfig().activation).toBe('sigmoid');
    const input2 = tf.input({ shape: [2, 2, 3] });
    const noBn = tf.model({ inputs: input2, outputs: upsamplingStack(input2, { filters: [4], channels: 1, batchNorm: false, outputActivation: 'linear', init: seededInitializers(2), namePrefix: 'dec', kernelSize: 5 }) });
    expect(noBn.getLayer('dec_up1').getWeights()).toHaveLength(2);
    expect(noBn.getLayer('dec_up1').getConfig().kernelSize).toEqual([5, 5]);
    withBn.dispose();
    noBn.dispose();
  });
});
