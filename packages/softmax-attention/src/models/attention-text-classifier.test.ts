import * as tf from '@tensorflow/tfjs';
import { ConfigError, createSeededRandom, ShapeError, useBackend, withSeededRandom } from '@dl/core';
import { expectNoTensorLeaks } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { AttentionPooling } from '../layers/attention-pooling.js';
import { expectSaveLoadRoundTrip } from '../layers/testing.test-util.js';
import { createAttentionTextClassifier } from './attention-text-classifier.js';
import { explainAttention, topAttendedTokens } from './explain-attention.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

/** Sequences of random length (padding 'post'); label 1 when the "spam" token 5 occurs. */
function toyData(count: number, length: number, seed: number): { x: tf.Tensor2D; y: tf.Tensor2D; rows: number[][] } {
  const random = createSeededRandom(seed);
  const rows = Array.from({ length: count }, (_, i) => {
    const real = 3 + random.nextInt(length - 3);
    const row = Array.from({ length }, (_, t) => (t < real ? 6 + random.nextInt(24) : 0));
    if (i % 2 === 0) row[random.nextInt(real)] = 5;
    return row;
  });
  return { x: tf.tensor2d(rows, undefined, 'int32'), y: tf.tensor2d(rows.map((r) => [r.includes(5) ? 1 : 0])), rows };
}

/** Sequences of random length whose class (0, 1 or 2) is the marker token 2 + class placed at a random position. */
function markerData(count: number, length: number, seed: number): { x: tf.Tensor2D; y: tf.Tensor2D; labels: number[] } {
  const random = createSeededRandom(seed);
  const labels = Array.from({ length: count }, () => random.nextInt(3));
  const rows = labels.map((label) => {
    const real = 3 + random.nextInt(length - 3);
    const row = Array.from({ length }, (_, t) => (t < real ? 6 + random.nextInt(24) : 0));
    row[random.nextInt(real)] = 2 + label;
    return row;
  });
  return { x: tf.tensor2d(rows, undefined, 'int32'), y: tf.tensor2d(labels.map((l) => [l])), labels };
}

/** Fraction of rows whose predicted class (argmax, or p > 0.5 for one sigmoid unit) equals the label. */
function accuracy(model: tf.LayersModel, x: tf.Tensor, labels: readonly number[]): number {
  const predicted = tf.tidy(() => {
    const p = model.predict(x) as tf.Tensor;
    return Array.from((p.shape[1] === 1 ? p.greater(0.5).squeeze([1]) : p.argMax(1)).dataSync());
  });
  return predicted.filter((c, i) => c === labels[i]).length / labels.length;
}

describe.each(['cpu', 'wasm'] as const)('createAttentionTextClassifier on %s', (backend) => {
  it('builds, predicts probabilities, learns a toy task and explains it with the right token', async () => {
    await useBackend(backend);
    const model = createAttentionTextClassifier({ vocabularySize: 30, sequenceLength: 12, embeddingDim: 16, poolingUnits: 8, learningRate: 0.02, seed: 1 });
    const { x, y, rows } = toyData(128, 12, 2);
    const p = model.predict(x) as tf.Tensor;
    expect(p.shape).toEqual([128, 1]);
    p.dispose();
    await withSeededRandom(1, () => model.fit(x, y, { epochs: 20, batchSize: 32, verbose: 0 }));
    const test = toyData(200, 12, 99);
    expect(accuracy(model, test.x, test.rows.map((r) => (r.includes(5) ? 1 : 0)))).toBeGreaterThanOrEqual(0.97);
    tf.dispose([test.x, test.y]);
    const weights = explainAttention(model, x);
    const w = weights.arraySync();
    rows.slice(0, 6).forEach((row, i) => {
      const real = row.filter((id) => id !== 0).length;
      expect(w[i]!.slice(0, real).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      expect(w[i]!.slice(real).every((value) => value === 0)).toBe(true);
      if (row.includes(5)) expect(topAttendedTokens(w[i]!, row, 1)[0]!.id).toBe(5);
    });
    tf.dispose([x, y, weights]);
    model.dispose();
  });

  it('builds a Transformer variant for several classes that trains and round-trips through save/load', async () => {
    await useBackend(backend);
    const model = createAttentionTextClassifier({
      vocabularySize: 30,
      sequenceLength: 10,
      numClasses: 3,
      embeddingDim: 8,
      transformerLayers: 1,
      numHeads: 2,
      hiddenUnits: 8,
      learningRate: 0.01,
      seed: 3,
    });
    expect(model.layers.map((l) => l.name)).toEqual(['tokens', 'embedding', 'transformer_0', 'attention_pooling', 'dropout', 'hidden', 'classifier']);
    const { x, y } = markerData(192, 10, 4);
    await withSeededRandom(2, () => model.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0 }));
    await expectNoTensorLeaks(() => withSeededRandom(3, () => model.fit(x, y, { epochs: 14, batchSize: 16, verbose: 0 })));
    const test = markerData(150, 10, 5);
    expect(accuracy(model, test.x, test.labels)).toBeGreaterThanOrEqual(0.9); // chance is 1/3
    tf.dispose([test.x, test.y]);
    const loaded = await expectSaveLoadRoundTrip(model, x);
    expect(loaded.layers.some((l) => l instanceof AttentionPooling)).toBe(true);
    const w = explainAttention(loaded, x);
    expect(w.shape).toEqual([192, 10]);
    tf.dispose([x, y, w]);
    model.dispose();
    loaded.dispose();
  });
});

describe('createAttentionTextClassifier options', () => {
  it('draws a new dropout mask on every training call (a seeded tfjs dropout layer repeats its mask)', () => {
    const model = createAttentionTextClassifier({ vocabularySize: 50, sequenceLength: 8, dropout: 0.5, seed: 7, compile: false });
    const ids = tf.tensor2d([[3, 4, 5, 6, 7, 8, 9, 10], [11, 12, 13, 14, 15, 16, 17, 18]], undefined, 'int32');
    const [a, b] = [model.apply(ids, { training: true }) as tf.Tensor, model.apply(ids, { training: true }) as tf.Tensor];
    expect(tf.sub(a, b).abs().max().dataSync()[0]).toBeGreaterThan(1e-5);
    tf.dispose([ids, a, b]);
    model.dispose();
  });

  it('gives identical initial weights for the same seed', () => {
    const a = createAttentionTextClassifier({ vocabularySize: 50, sequenceLength: 8, seed: 7, compile: false });
    const b = createAttentionTextClassifier({ vocabularySize: 50, sequenceLength: 8, seed: 7, compile: false });
    expect(a.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(b.getWeights().map((w) => Array.from(w.dataSync())));
    a.dispose();
    b.dispose();
  });

  it('rejects bad options with a ConfigError naming the field, before building anything', () => {
    const before = tf.memory().numTensors;
    const cases: [Record<string, unknown>, string][] = [
      [{ sequenceLength: 8 }, 'vocabularySize'],
      [{ vocabularySize: 1, sequenceLength: 8 }, 'vocabularySize'],
      [{ vocabularySize: 10, sequenceLength: 0 }, 'sequenceLength'],
      [{ vocabularySize: 10, sequenceLength: 8, numClasses: 1 }, 'numClasses'],
      [{ vocabularySize: 10, sequenceLength: 8, dropout: 1 }, 'dropout'],
      [{ vocabularySize: 10, sequenceLength: 8, positionEncoding: 'rope' }, 'positionEncoding'],
      [{ vocabularySize: 10, sequenceLength: 8, transformerLayers: 1, embeddingDim: 10, numHeads: 4 }, 'numHeads'],
      [{ vocabularySize: 10, sequenceLength: 8, heads: 2 }, 'heads'],
    ];
    for (const [options, field] of cases) {
      let error: unknown;
      try {
        createAttentionTextClassifier(options as never);
      } catch (e) {
        error = e;
      }
      expect(ConfigError.isInstance(error), field).toBe(true);
      expect((error as ConfigError).path).toBe(field);
      expect((error as ConfigError).message).toMatch(/^\[@dl\/softmax-attention\]/);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('explainAttention rejects models without attention pooling and ids of the wrong shape', () => {
    const plain = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 1 })] });
    const ids = tf.zeros([2, 4], 'int32');
    expect(() => explainAttention(plain, ids)).toThrow(ConfigError);
    const model = createAttentionTextClassifier({ vocabularySize: 10, sequenceLength: 6, compile: false });
    expect(() => explainAttention(model, ids)).toThrow(ShapeError);
    tf.dispose(ids);
    plain.dispose();
    model.dispose();
  });
});
