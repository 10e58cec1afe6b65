import * as tf from '@tensorflow/tfjs';
import { createSeededRandom, useBackend, withSeededRandom } from '@dl/core';
import { catchConfigError, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { recurrentParameterCount } from '../ops/parameter-count.js';
import { createRecurrentClassifier } from './recurrent-classifier.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

/** Sequences of 12 ids with leading padding; label 1 when token 7 occurs. */
function tokenTask(count: number, seed: number): { ids: tf.Tensor2D; labels: tf.Tensor2D } {
  const random = createSeededRandom(seed);
  const ids: number[][] = [];
  const labels: number[] = [];
  for (let n = 0; n < count; n += 1) {
    const length = 4 + random.nextInt(9);
    const tokens = Array.from({ length }, () => 2 + random.nextInt(18));
    if (n % 2 === 0) tokens[random.nextInt(length)] = 7;
    ids.push([...new Array<number>(12 - length).fill(0), ...tokens]);
    labels.push(tokens.includes(7) ? 1 : 0);
  }
  return { ids: tf.tensor2d(ids, undefined, 'int32'), labels: tf.tensor2d(labels, [count, 1]) };
}

describe.each(['cpu', 'wasm'] as const)('createRecurrentClassifier on %s', (backend) => {
  it.each(['lstm', 'gru', 'simple'] as const)('goBackwards reads last to first: equal to the forward model on reversed ids (%s)', async (cell) => {
    await useBackend(backend);
    const { ids } = tokenTask(16, 5);
    const options = { cell, vocabularySize: 20, sequenceLength: 12, embeddingDim: 4, units: 5, numClasses: 3, seed: 4 };
    const backward = createRecurrentClassifier({ ...options, goBackwards: true });
    const forward = createRecurrentClassifier(options);
    // Left-padded ids read backwards = the reversed (right-padded) ids read forwards; masked steps are skipped either way.
    const reversed = tf.reverse(ids, 1);
    const [a, b, c] = [backward.predict(ids) as tf.Tensor, forward.predict(reversed) as tf.Tensor, forward.predict(ids) as tf.Tensor];
    expectTensorsClose(a, b, { atol: 1e-5, rtol: 1e-4 });
    expect(tf.sub(a, c).abs().max().dataSync()[0]).toBeGreaterThan(1e-3);
    tf.dispose([ids, reversed, a, b, c]);
    backward.dispose();
    forward.dispose();
  });

  it.each(['lstm', 'gru', 'simple'] as const)('learns a token task with padding (%s)', async (cell) => {
    await useBackend(backend);
    const train = tokenTask(256, 1);
    const test = tokenTask(128, 2);
    const model = createRecurrentClassifier({ cell, vocabularySize: 20, sequenceLength: 12, embeddingDim: 8, units: 16, learningRate: 0.02, clipNorm: 5, seed: 1 });
    // model.fit shuffles with Math.random: seeded, so the run (and this test) is deterministic.
    await withSeededRandom(1, () => model.fit(train.ids, train.labels, { epochs: 25, batchSize: 32, verbose: 0 }));
    const [, accuracy] = model.evaluate(test.ids, test.labels) as tf.Scalar[];
    expect(accuracy!.dataSync()[0]).toBeGreaterThan(0.9);
  });

  it('ignores padding: leading and trailing zeros do not change the prediction (stacked, bidirectional)', async () => {
    await useBackend(backend);
    const model = createRecurrentClassifier({ vocabularySize: 20, embeddingDim: 4, units: 6, layers: 2, bidirectional: true, numClasses: 3, seed: 2 });
    const predict = (ids: number[]) => model.predict(tf.tensor2d([ids], undefined, 'int32')) as tf.Tensor;
    const plain = predict([3, 4, 5]);
    expect(plain.shape).toEqual([1, 3]);
    expectTensorsClose(predict([0, 0, 0, 3, 4, 5]), plain, { atol: 1e-6, rtol: 0 });
    expectTensorsClose(predict([3, 4, 5, 0, 0]), plain, { atol: 1e-6, rtol: 0 });
    // A real token instead of a zero does change it.
    expect(tf.max(tf.abs(tf.sub(predict([9, 3, 4, 5]), plain))).dataSync()[0]).toBeGreaterThan(1e-4);
  });
});

describe('createRecurrentClassifier', () => {
  it('builds the documented architecture: parameter count from the cell equations, seeded weights', async () => {
    await useBackend('cpu');
    const model = createRecurrentClassifier({ cell: 'gru', vocabularySize: 100, embeddingDim: 8, units: 5, layers: 2, bidirectional: true, numClasses: 4, seed: 3 });
    const gruParams = (inputDim: number) => 2 * recurrentParameterCount({ cell: 'gru', inputDim, units: 5 });
    expect(model.countParams()).toBe(100 * 8 + gruParams(8) + gruParams(10) + (10 * 4 + 4));
    const again = createRecurrentClassifier({ cell: 'gru', vocabularySize: 100, embeddingDim: 8, units: 5, layers: 2, bidirectional: true, numClasses: 4, seed: 3 });
    model.getWeights().forEach((w, i) => expectTensorsClose(w, again.getWeights()[i]!, { atol: 0, rtol: 0 }));
    const features = createRecurrentClassifier({ inputDim: 3, units: 4, cell: 'simple' });
    expect((features.predict(tf.zeros([2, 7, 3])) as tf.Tensor).shape).toEqual([2, 1]);
    expect(createRecurrentClassifier({ vocabularySize: 10, clipNorm: 1 }).optimizer.getConfig()).toMatchObject({ clipNorm: 1 });
  });

  it('leaves no tensors behind once the model and its optimizer are disposed', async () => {
    await useBackend('cpu');
    await expectNoTensorLeaks(() => {
      for (const cell of ['lstm', 'gru', 'simple'] as const) {
        const model = createRecurrentClassifier({ cell, vocabularySize: 10, units: 3, layers: 2, bidirectional: true, clipNorm: 1, seed: 1 });
        model.optimizer.dispose();
        model.dispose();
      }
    });
  });

  it('rejects bad options with a ConfigError naming the field', () => {
    expect(catchConfigError(() => createRecurrentClassifier({})).message).toContain('vocabularySize');
    expect(catchConfigError(() => createRecurrentClassifier({ vocabularySize: 10, inputDim: 3 })).path).toBe('vocabularySize');
    expect(catchConfigError(() => createRecurrentClassifier({ vocabularySize: 10, goBackwards: true, layers: 2 })).path).toBe('goBackwards');
    expect(catchConfigError(() => createRecurrentClassifier({ vocabularySize: 10, goBackwards: true, bidirectional: true })).message).toContain('bidirectional already reads both ways');
    expect(catchConfigError(() => createRecurrentClassifier({ vocabularySize: 10, cel: 'gru' } as never)).message).toContain("'cell'");
    expect(catchConfigError(() => createRecurrentClassifier({ vocabularySize: 10, cell: 'rnn' as never })).path).toBe('cell');
    expect(catchConfigError(() => createRecurrentClassifier({ vocabularySize: 10, clipNorm: 0 })).path).toBe('clipNorm');
    expect(catchConfigError(() => createRecurrentClassifier({ vocabularySize: 10, dropout: 1 })).path).toBe('dropout');
  });
});
