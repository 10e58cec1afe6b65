import * as tf from '@tensorflow/tfjs';
import { ConfigError, ShapeError, useBackend } from '@dl/core';
import { checkLayerGradients, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
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

  it('projects keys from a key input of its own size ([query, value, key]) as the float64 reference does', async () => {
    await useBackend(backend);
    const sizes = { heads: 2, keyDim: 3, valueDim: 2, outputDim: 4 };
    const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 3, valueDim: 2, outputShape: 4 });
    const query = randomTensor([2, 3, 5], 11);
    const value = randomTensor([2, 4, 6], 12);
    const key = randomTensor([2, 4, 7], 13);
    layer.apply([query, value, key]);
    expect(layer.getWeights()[2]!.shape).toEqual([7, 2, 3]); // the key kernel is sized by the key, not the value
    randomizeWeights(layer, 14);
    const w = weightArrays(layer);
    const rows = (t: tf.Tensor, b: number) => (t.arraySync() as number[][][])[b]!;
    const output = layer.apply([query, value, key]) as tf.Tensor;
    for (let b = 0; b < 2; b++) {
      const expected = reference(rows(query, b), rows(value, b), w, sizes, undefined, rows(key, b));
      expectTensorsClose(output.slice([b, 0, 0], [1, -1, -1]).squeeze([0]), expected, { rtol: 1e-4, atol: 1e-5 });
    }
    tf.dispose([query, value, key, output]);
    layer.dispose();
  });

  it('passes a gradient check through its inputs and all eight weights (self- and cross-attention)', async () => {
    await useBackend(backend);
    const self = new MultiHeadAttention({ numHeads: 2, keyDim: 2 });
    const x = randomTensor([2, 3, 4], 3);
    self.apply(x);
    randomizeWeights(self, 20);
    const report = checkLayerGradients(self, x);
    expect(Object.keys(report.perTensor)).toHaveLength(1 + 8);
    const cross = new MultiHeadAttention({ numHeads: 2, keyDim: 3, valueDim: 2, outputShape: 3 });
    const [q, v, k] = [randomTensor([2, 2, 4], 4), randomTensor([2, 3, 5], 5), randomTensor([2, 3, 3], 6)];
    cross.apply([q, v, k]);
    randomizeWeights(cross, 30);
    const attentionMask = tf.tensor3d([[[1, 1, 0], [1, 0, 1]], [[0, 1, 1], [1, 1, 1]]]);
    expect(Object.keys(checkLayerGradients(cross, [q, v, k], { callArgs: { attentionMask } }).perTensor)).toHaveLength(3 + 8);
    tf.dispose([x, q, v, k, attentionMask]);
    self.dispose();
    cross.dispose();
  });

  it('drops attention weights in training with inverted scaling: the mean over many calls is the inference output', async () => {
    await useBackend(backend);
    const rate = 0.5;
    const layer = new MultiHeadAttention({ numHeads: 1, keyDim: 3, dropout: rate });
    const x = randomTensor([1, 4, 3], 7);
    layer.apply(x);
    randomizeWeights(layer, 40);
    const inference = layer.apply(x, { training: false }) as tf.Tensor;
    expectTensorsClose(layer.apply(x) as tf.Tensor, inference, { rtol: 0, atol: 0 });
    const calls = 600;
    const samples = tf.tidy(() => tf.stack(Array.from({ length: calls }, () => layer.apply(x, { training: true }) as tf.Tensor)));
    const mean = tf.tidy(() => samples.mean(0));
    const spread = tf.tidy(() => samples.sub(mean).square().mean(0).sqrt());
    // Without the 1/(1-rate) factor the mean would shrink by half; 5 standard errors of the mean is a loose band around it.
    const band = tf.tidy(() => spread.mul(5 / Math.sqrt(calls)).add(1e-6));
    const deviation = tf.tidy(() => mean.sub(inference).abs());
    expect(tf.tidy(() => deviation.lessEqual(band).all().dataSync()[0])).toBe(1);
    expect(tf.tidy(() => spread.max().dataSync()[0]!)).toBeGreaterThan(1e-3); // dropout did something
    tf.dispose([x, inference, samples, mean, spread, band, deviation]);
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
