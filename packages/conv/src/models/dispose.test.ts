import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createConvClassifier } from './conv-classifier.js';
import { createSingleObjectDetector } from './single-object-detector.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('model.dispose() frees everything the factories made, Adam state included', () => {
  it('classifier and detector', async () => {
    const images = tf.randomUniform([4, 16, 16, 1], 0, 1, 'float32', 1);
    const classes = tf.tensor1d([0, 1, 2, 1]);
    const boxes = tf.tensor2d([[0.1, 0.1, 0.5, 0.5], [0.2, 0.2, 0.6, 0.7], [0, 0, 1, 1], [0.3, 0.1, 0.9, 0.4]]);
    for (const [build, targets] of [
      [() => createConvClassifier({ inputShape: [16, 16, 1], numClasses: 3, seed: 1 }), classes],
      [() => createSingleObjectDetector({ inputShape: [16, 16, 1], numClasses: 3, seed: 1 }), [classes, boxes]],
    ] as const) {
      const before = tf.memory().numTensors;
      const model = build();
      await model.fit(images, targets as tf.Tensor | tf.Tensor[], { epochs: 1, batchSize: 2, verbose: 0 });
      model.dispose();
      expect(tf.memory().numTensors - before).toBe(0);
    }
  });
});
