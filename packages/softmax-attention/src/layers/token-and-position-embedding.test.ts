import * as tf from '@tensorflow/tfjs';
import { ConfigError, ShapeError, useBackend } from '@dl/core';
import { checkLayerGradients, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { TokenAndPositionEmbedding, sinusoidalPositionEncoding, tokenAndPositionEmbedding } from './token-and-position-embedding.js';
import { expectSaveLoadRoundTrip, randomizeWeights } from './testing.test-util.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('sinusoidalPositionEncoding', () => {
  it('matches sin/cos(p / 10000^(2i/d)) in float64', () => {
    const [length, dim] = [5, 6];
    const pe = sinusoidalPositionEncoding(length, dim);
    for (let p = 0; p < length; p++)
      for (let i = 0; i < dim; i++) {
        const angle = p / Math.pow(10000, (2 * Math.floor(i / 2)) / dim);
        expect(pe[p * dim + i]).toBeCloseTo(i % 2 === 0 ? Math.sin(angle) : Math.cos(angle), 6);
      }
  });
});

describe.each(['cpu', 'wasm'] as const)('TokenAndPositionEmbedding on %s', (backend) => {
  it.each(['learned', 'sinusoidal'] as const)('adds token and %s position embeddings, under keras_hub weight names', async (positionEncoding) => {
    await useBackend(backend);
    const layer = new TokenAndPositionEmbedding({ vocabularySize: 10, embeddingDim: 4, sequenceLength: 6, positionEncoding });
    const ids = tf.tensor2d([[1, 2, 3], [0, 9, 9]], undefined, 'int32');
    layer.apply(ids);
    expect(layer.weights.map((w) => w.originalName.slice(layer.name.length + 1))).toEqual([
      'token_embedding/embeddings',
      positionEncoding === 'learned' ? 'position_embedding/embeddings' : 'position_embedding/encoding',
    ]);
    if (positionEncoding === 'learned') randomizeWeights(layer, 1);
    const [tokens, positions] = layer.getWeights().map((w) => w.arraySync() as number[][]);
    if (positionEncoding === 'sinusoidal') {
      expect(layer.trainableWeights).toHaveLength(1);
      expectTensorsClose(tf.tensor2d(positions!), sinusoidalPositionEncoding(6, 4), { rtol: 1e-6, atol: 1e-7 });
    }
    const out = layer.apply(ids) as tf.Tensor;
    const expected = (ids.arraySync() as number[][]).map((row) => row.map((id, t) => tokens![id]!.map((v, d) => v + positions![t]![d]!)));
    expectTensorsClose(out, expected, { rtol: 1e-6, atol: 1e-7 });
    // Ids are integers: check the gradients of the trainable tables only.
    const report = checkLayerGradients(layer, ids, { checkInputs: false });
    expect(Object.keys(report.perTensor)).toHaveLength(positionEncoding === 'learned' ? 2 : 1);
    tf.dispose([ids, out]);
  });

  it('emits a padding mask with maskZero, validates options and shapes, and round-trips', async () => {
    await useBackend(backend);
    const layer = tokenAndPositionEmbedding({ vocabularySize: 10, embeddingDim: 4, sequenceLength: 5, maskZero: true, positionEncoding: 'sinusoidal' });
    const ids = tf.tensor2d([[4, 5, 0, 0]], undefined, 'int32');
    const mask = layer.computeMask(ids) as tf.Tensor;
    expect(Array.from(mask.dataSync())).toEqual([1, 1, 0, 0]);
    expect(tokenAndPositionEmbedding({ vocabularySize: 10, embeddingDim: 4, sequenceLength: 5 }).computeMask(ids)).toBeNull();
    expect(() => tokenAndPositionEmbedding({ vocabularySize: 10, embeddingDim: 4, sequenceLength: 5, positionEncoding: 'rotary' as never })).toThrow(ConfigError);
    expect(() => tokenAndPositionEmbedding({ vocabularySize: 10, embeddingDim: 4, sequenceLength: 3 }).apply(tf.input({ shape: [4] }))).toThrow(ShapeError);
    // Features instead of ids: the error points to PositionEmbedding.
    expect(() => tokenAndPositionEmbedding({ vocabularySize: 10, embeddingDim: 4, sequenceLength: 3 }).apply(tf.input({ shape: [3, 4] }))).toThrow(/use PositionEmbedding/);
    const input = tf.input({ shape: [4], dtype: 'int32' });
    const model = tf.model({ inputs: input, outputs: layer.apply(input) as tf.SymbolicTensor });
    const loaded = await expectSaveLoadRoundTrip(model, ids);
    expect(loaded.layers[1]).toBeInstanceOf(TokenAndPositionEmbedding);
    expect(loaded.layers[1]!.getConfig()).toMatchObject({ positionEncoding: 'sinusoidal', maskZero: true, sequenceLength: 5, vocabularySize: 10, embeddingDim: 4, tieWeights: true });
    tf.dispose([ids, mask]);
    model.dispose();
    loaded.dispose();
  });
});
