import * as tf from '@tensorflow/tfjs';
import { ConfigError, ShapeError, useBackend } from '@dl/core';
import { checkGradients, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { MultiHeadAttention, multiHeadAttention } from './multi-head-attention.js';
import { expectSaveLoadRoundTrip, multiHeadAttentionReference as reference, randomTensor, randomizeWeights, weightArrays } from './testing.test-util.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe.each(['cpu', 'wasm'] as const)('MultiHeadAttention on %s', (backend) => {
  it('has the symbolic output shape, Keras parameter count and weight names', async () => {
    await useBackend(backend);
    const query = tf.input({ shape: [5, 12] });
    const value = tf.input({ shape: [7, 6] });
    const layer = multiHeadAttention({ numHeads: 3, keyDim: 4, valueDim: 2, outputShape: 8, name: 'mha' });
    const out = layer.apply([query, value]) as tf.SymbolicTensor;
    expect(out.shape).toEqual([null, 5, 8]);
    // H·K·(dq + dk) + H·V·dv + H·V·O + biases (2·H·K + H·V + O)
    expect(layer.countParams()).toBe(3 * 4 * (12 + 6) + 3 * 2 * 6 + 3 * 2 * 8 + (2 * 3 * 4 + 3 * 2 + 8));
    expect(layer.weights.map((w) => w.originalName)).toEqual([
      'mha/query/kernel', 'mha/query/bias', 'mha/key/kernel', 'mha/key/bias',
      'mha/value/kernel', 'mha/value/bias', 'mha/attention_output/kernel', 'mha/attention_output/bias',
    ]);
    const scores = multiHeadAttention({ numHeads: 2, keyDim: 3, returnAttentionScores: true }).apply([query, value]) as tf.SymbolicTensor[];
    expect(scores.map((s) => s.shape)).toEqual([[null, 5, 12], [null, 2, 5, 7]]);
  });

  it('matches a float64 reference with fixed weights, with and without a padding mask', async () => {
    await useBackend(backend);
    const sizes = { heads: 2, keyDim: 3, valueDim: 2, outputDim: 4 };
    const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 3, valueDim: 2, outputShape: 4 });
    const query = randomTensor([2, 3, 5], 1);
    const value = randomTensor([2, 4, 6], 2);
    layer.apply([query, value]);
    randomizeWeights(layer, 10);
    const w = weightArrays(layer);
    const rows = (t: tf.Tensor, b: number) => (t.arraySync() as number[][][])[b]!;
    const output = layer.apply([query, value]) as tf.Tensor;
    for (let b = 0; b < 2; b++) {
      expectTensorsClose(output.slice([b, 0, 0], [1, -1, -1]).squeeze([0]), reference(rows(query, b), rows(value, b), w, sizes), { rtol: 1e-4, atol: 1e-5 });
    }
    const attentionMask = tf.tensor3d([[[1, 1, 0, 0], [1, 0, 0, 0], [1, 1, 1, 1]], [[0, 1, 1, 1], [1, 1, 1, 0], [0, 0, 1, 0]]]);
    const masked = layer.call([query, value], { attentionMask } as never) as tf.Tensor;
    const maskRows = attentionMask.arraySync() as number[][][];
    for (let b = 0; b < 2; b++) {
      expectTensorsClose(masked.slice([b, 0, 0], [1, -1, -1]).squeeze([0]), reference(rows(query, b), rows(value, b), w, sizes, maskRows[b]), { rtol: 1e-4, atol: 1e-5 });
    }
    tf.dispose([query, value, output, attentionMask, masked]);
    layer.dispose();
  });

  it('uses padding masks from an Embedding and the causal mask', async () => {
    await useBackend(backend);
    const ids = tf.input({ shape: [4], dtype: 'int32' });
    const embedded = tf.layers.embedding({ inputDim: 10, outputDim: 6, maskZero: true }).apply(ids) as tf.SymbolicTensor;
    const attention = multiHeadAttention({ numHeads: 2, keyDim: 3, returnAttentionScores: true, useCausalMask: true });
    const [, scores] = attention.apply(embedded) as tf.SymbolicTensor[];
    const model = tf.model({ inputs: ids, outputs: scores! });
    const weights = model.predict(tf.tensor2d([[3, 4, 0, 0]], undefined, 'int32')) as tf.Tensor;
    const w = weights.arraySync() as number[][][][];
    for (const head of w[0]!) {
      expect(head[0]).toEqual([1, 0, 0, 0]); // causal: the first token sees only itself
      expect(head[1]![2]).toBe(0); // padding key
      expect(head[1]![3]).toBe(0);
      expect(head[2]).toEqual([0, 0, 0, 0]); // padding query attends to nothing
    }
    weights.dispose();
  });

  it('rejects bad options and shapes', async () => {
    await useBackend(backend);
    expect(() => multiHeadAttention({ numHeads: 0, keyDim: 4 })).toThrow(ConfigError);
    expect(() => multiHeadAttention({ numHeads: 2, keyDim: 4, dropout: 1.5 })).toThrow(/dropout/);
    expect(() => multiHeadAttention({ numHeads: 2, keyDim: 4 }).apply(tf.input({ shape: [4] }))).toThrow(ShapeError);
    const q = tf.input({ shape: [3, 4] });
    expect(() => multiHeadAttention({ numHeads: 2, keyDim: 4 }).apply([q, tf.input({ shape: [5, 4] }), tf.input({ shape: [6, 4] })])).toThrow(ShapeError);
  });

  it('passes a gradient check through inputs', async () => {
    await useBackend(backend);
    const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 2 });
    const x = randomTensor([1, 3, 4], 3);
    layer.apply(x);
    randomizeWeights(layer, 20);
    expect(checkGradients((input) => layer.apply(input!) as tf.Tensor, [x], { tolerance: 2e-2 }).passed).toBe(true);
    x.dispose();
    layer.dispose();
  });

  it('round-trips through save/load with identical outputs, and trains without leaks', async () => {
    await useBackend(backend);
    const input = tf.input({ shape: [6, 8] });
    const attended = multiHeadAttention({ numHeads: 2, keyDim: 4, dropout: 0.1 }).apply(input) as tf.SymbolicTensor;
    const pooled = tf.layers.globalAveragePooling1d().apply(attended) as tf.SymbolicTensor;
    const output = tf.layers.dense({ units: 1 }).apply(pooled) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: output });
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
    const x = randomTensor([32, 6, 8], 4);
    const y = tf.tidy(() => x.slice([0, 0, 0], [-1, 1, 1]).reshape([32, 1]).mul(3));
    const before = (await model.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0 })).history.loss![0] as number;
    const history = await expectNoTensorLeaks(() => model.fit(x, y, { epochs: 25, batchSize: 16, verbose: 0 }));
    expect(history.history.loss!.at(-1) as number).toBeLessThan(before * 0.5);
    const loaded = await expectSaveLoadRoundTrip(model, x);
    expect(loaded.layers[1]).toBeInstanceOf(MultiHeadAttention);
    expect(loaded.layers[1]!.getConfig()).toEqual(model.layers[1]!.getConfig());
    tf.dispose([x, y]);
    model.dispose();
    loaded.dispose();
  });
});
