import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { classificationModel } from './classification-model.js';

describe('classificationModel', () => {
  it('ends in one sigmoid unit for two classes and a softmax otherwise, with the matching loss', async () => {
    await tf.setBackend('cpu');
    for (const [numClasses, units, activation, loss] of [[2, 1, 'sigmoid', 'binaryCrossentropy'], [5, 5, 'softmax', 'sparseCategoricalCrossentropy']] as const) {
      const input = tf.input({ shape: [3] });
      const model = classificationModel({ inputs: input, features: input, numClasses, kernelInitializer: tf.initializers.zeros(), name: 'm', optimizer: tf.train.sgd(0.1) });
      const head = model.getLayer('classifier').getConfig();
      expect([head.units, head.activation, model.name]).toEqual([units, activation, 'm']);
      expect(model.loss).toBe(loss);
      expect(model.metricsNames).toContain('acc');
    }
  });

  it('leaves the model uncompiled without an optimizer', () => {
    const input = tf.input({ shape: [3] });
    const model = classificationModel({ inputs: input, features: input, numClasses: 3, kernelInitializer: tf.initializers.zeros(), name: 'm' });
    expect(model.optimizer).toBeUndefined();
  });
});
