import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAttentionTextClassifier } from './attention-text-classifier.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('model.dispose() frees everything the factory made, Adam state included', () => {
  it('attention text classifier', async () => {
    const ids = tf.tensor2d([[0, 1, 2, 3], [4, 5, 6, 7]], undefined, 'int32');
    const labels = tf.tensor2d([[1], [0]]);
    const before = tf.memory().numTensors;
    const model = createAttentionTextClassifier({ vocabularySize: 10, sequenceLength: 4, seed: 1 });
    await model.fit(ids, labels, { epochs: 1, verbose: 0 });
    model.dispose();
    expect(tf.memory().numTensors - before).toBe(0);
  });
});
