import * as tf from '@tensorflow/tfjs';
import { ConfigError, ShapeError, createSeededRandom, useBackend } from '@dl/core';
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

describe.each(['cpu', 'wasm'] as const)('createAttentionTextClassifier on %s', (backend) => {
  it('builds, predicts probabilities, learns a toy task and explains it with the right token', async () => {
    await useBackend(backend);
    const model = createAttentionTextClassifier({ vocabularySize: 30, sequenceLength: 12, embeddingDim: 16, poolingUnits: 8, learningRate: 0.02, seed: 1 });
    const { x, y, rows } = toyData(128, 12, 2);
    const p = model.predict(x) as tf.Tensor;
    expect(p.shape).toEqual([128, 1]);
    p.dispose();
    const history = await model.fit(x, y, { epochs: 20, batchSize: 32, verbose: 0 });
    const losses = history.history.loss as number[];
    expect(losses.at(-1)!).toBeLessThan(losses[0]! * 0.3);
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
    const { x, rows } = toyData(64, 10, 4);
    const y = tf.tensor2d(rows.map((r) => [r.filter((t) => t !== 0).length % 3]));
    const first = (await model.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0 })).history.loss![0] as number;
    const history = await expectNoTensorLeaks(() => model.fit(x, y, { epochs: 15, batchSize: 16, verbose: 0 }));
    expect(history.history.loss!.at(-1) as number).toBeLessThan(first);
    const loaded = await expectSaveLoadRoundTrip(model, x);
    expect(loaded.layers.some((l) => l instanceof AttentionPooling)).toBe(true);
    const w = explainAttention(loaded, x);
    expect(w.shape).toEqual([64, 10]);
    tf.dispose([x, y, w]);
    model.dispose();
    loaded.dispose();
  });
});

describe('createAttentionTextClassifier options', () => {
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
