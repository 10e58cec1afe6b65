import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCharLanguageModel } from './char-language-model.js';
import { createRecurrentClassifier } from './recurrent-classifier.js';
import { createSequenceRegressor } from './sequence-regressor.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Tensors alive after build, one training step and model.dispose(), less those before. */
async function leftAfterDispose(build: () => tf.LayersModel, x: tf.Tensor, y: tf.Tensor): Promise<number> {
  const before = tf.memory().numTensors;
  const model = build();
  await model.fit(x, y, { epochs: 1, batchSize: 2, verbose: 0 });
  model.dispose();
  return tf.memory().numTensors - before;
}

describe('model.dispose() frees everything the factories made, Adam state included', () => {
  it('classifier, character language model and sequence regressor', async () => {
    const ids = tf.tensor2d([[0, 1, 2, 3], [4, 5, 6, 7]], undefined, 'int32');
    expect(await leftAfterDispose(() => createRecurrentClassifier({ vocabularySize: 10, sequenceLength: 4, units: 4, seed: 1 }), ids, tf.tensor2d([[1], [0]]))).toBe(0);
    const nextIds = tf.tensor3d([[[1], [2], [3], [4]], [[5], [6], [7], [8]]]); // sparse targets, float as tfjs's loss wants
    expect(await leftAfterDispose(() => createCharLanguageModel({ vocabularySize: 10, sequenceLength: 4, units: 4, seed: 1 }), ids, nextIds)).toBe(0);
    const series = tf.randomNormal([2, 5, 3], 0, 1, 'float32', 1);
    expect(await leftAfterDispose(() => createSequenceRegressor({ inputDim: 3, sequenceLength: 5, units: 4, seed: 1 }), series, tf.randomNormal([2, 1], 0, 1, 'float32', 2))).toBe(0);
  });
});
