import * as tf from '@tensorflow/tfjs';
import { ShapeError, useBackend, withSeededRandom } from '@dl/core';
import { checkLayerGradients, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { softmaxRow } from '../ops/reference.test-util.js';
import { AttentionPooling, attentionPooling } from './attention-pooling.js';
import { expectSaveLoadRoundTrip, randomTensor, randomizeWeights } from './testing.test-util.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

/** float64: score_t = u·tanh(W x_t + b) (or w·x_t), softmax over unmasked t, Σ_t a_t x_t. */
function reference(x: number[][], weights: number[][], units: number | undefined, mask?: number[]): { pooled: number[]; attention: number[] } {
  const features = x[0]!.length;
  const scores = x.map((xt) => {
    if (units === undefined) {
      const [w] = weights as [number[]];
      return xt.reduce((s, v, d) => s + v * w[d]!, 0);
    }
    const [W, b, u] = weights as [number[], number[], number[]];
    const hidden = Array.from({ length: units }, (_, j) => Math.tanh(xt.reduce((s, v, d) => s + v * W[d * units + j]!, b[j]!)));
    return hidden.reduce((s, h, j) => s + h * u[j]!, 0);
  });
  const attention = softmaxRow(scores, mask);
  return { pooled: Array.from({ length: features }, (_, d) => attention.reduce((s, a, t) => s + a * x[t]![d]!, 0)), attention };
}

describe.each(['cpu', 'wasm'] as const)('AttentionPooling on %s', (backend) => {
  it.each([undefined, 3])('matches the float64 reference (units %s), with padding masked out', async (units) => {
    await useBackend(backend);
    const layer = new AttentionPooling(units === undefined ? {} : { units });
    const x = randomTensor([2, 4, 5], 1);
    layer.apply(x);
    randomizeWeights(layer, 2, 1);
    const weights = layer.getWeights().map((w) => Array.from(w.dataSync()));
    const rows = x.arraySync() as number[][][];
    const mask = tf.tensor2d([[1, 1, 1, 0], [1, 0, 0, 0]]);
    const pooled = layer.call(x, { mask } as never) as tf.Tensor;
    const attention = layer.attentionWeights(x, mask);
    [[1, 1, 1, 0], [1, 0, 0, 0]].forEach((m, b) => {
      const expected = reference(rows[b]!, weights, units, m);
      expectTensorsClose(pooled.slice([b, 0], [1, -1]).squeeze([0]), expected.pooled, { rtol: 1e-5, atol: 1e-6 });
      expectTensorsClose(attention.slice([b, 0], [1, -1]).squeeze([0]), expected.attention, { rtol: 1e-5, atol: 1e-6 });
    });
    expect((attention.arraySync() as number[][])[1]).toEqual([1, 0, 0, 0]);
    tf.dispose([x, mask, pooled, attention]);
  });

  it('with several heads, concatenates one weighted sum per head and averages their weights', async () => {
    await useBackend(backend);
    const layer = new AttentionPooling({ heads: 3 });
    const x = randomTensor([2, 4, 5], 6);
    layer.apply(x);
    randomizeWeights(layer, 7, 1);
    const [kernel] = layer.getWeights().map((w) => w.arraySync() as number[][]);
    expect(layer.getWeights()).toHaveLength(1); // a score bias would be constant over time: softmax ignores it
    const rows = x.arraySync() as number[][][];
    const mask = tf.tensor2d([[1, 1, 0, 1], [1, 1, 1, 1]]);
    const pooled = layer.call(x, { mask } as never) as tf.Tensor;
    expect(pooled.shape).toEqual([2, 15]);
    const perHead = layer.headWeights(x, mask);
    const mean = layer.attentionWeights(x, mask);
    [[1, 1, 0, 1], [1, 1, 1, 1]].forEach((m, b) => {
      const expectedHeads = [0, 1, 2].map((h) =>
        reference(rows[b]!, [kernel!.map((r) => r[h]!)], undefined, m),
      );
      expectTensorsClose(pooled.slice([b, 0], [1, -1]).squeeze([0]), expectedHeads.flatMap((e) => e.pooled), { rtol: 1e-5, atol: 1e-6 });
      expectTensorsClose(perHead.slice([b, 0, 0], [1, -1, -1]).squeeze([0]), expectedHeads.map((e) => e.attention), { rtol: 1e-5, atol: 1e-6 });
      const average = [0, 1, 2, 3].map((t) => expectedHeads.reduce((s, e) => s + e.attention[t]!, 0) / 3);
      expectTensorsClose(mean.slice([b, 0], [1, -1]).squeeze([0]), average, { rtol: 1e-5, atol: 1e-6 });
    });
    expect((attentionPooling({ heads: 2 }).apply(tf.input({ shape: [7, 6] })) as tf.SymbolicTensor).shape).toEqual([null, 12]);
    tf.dispose([x, mask, pooled, perHead, mean]);
  });

  it('has the symbolic shape, drops the mask, and rejects rank-2 input', async () => {
    await useBackend(backend);
    const ids = tf.input({ shape: [7], dtype: 'int32' });
    const embedded = tf.layers.embedding({ inputDim: 20, outputDim: 6, maskZero: true }).apply(ids) as tf.SymbolicTensor;
    const pooled = attentionPooling({ units: 4 }).apply(embedded) as tf.SymbolicTensor;
    expect(pooled.shape).toEqual([null, 6]);
    expect(() => attentionPooling().apply(tf.input({ shape: [6] }))).toThrow(ShapeError);
    expect(() => attentionPooling({ units: 0 })).toThrow(/units/);
  });

  it('passes a gradient check and trains a masked classifier that round-trips through save/load', async () => {
    await useBackend(backend);
    const x = randomTensor([2, 3, 4], 3);
    const mask = tf.tensor2d([[1, 1, 0], [1, 1, 1]]);
    for (const args of [{ units: 3 }, {}, { units: 2, heads: 2 }]) {
      const layer = new AttentionPooling(args);
      layer.apply(x);
      randomizeWeights(layer, 4, 1);
      const report = checkLayerGradients(layer, x, { callArgs: { mask } });
      expect(Object.keys(report.perTensor)).toHaveLength(1 + layer.trainableWeights.length);
      layer.dispose();
    }
    tf.dispose([x, mask]);

    const ids = tf.input({ shape: [6], dtype: 'int32' });
    const embedded = tf.layers.embedding({ inputDim: 12, outputDim: 8, maskZero: true, embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.1, maxval: 0.1, seed: 1 }) }).apply(ids);
    const pooled = attentionPooling({ units: 8 }).apply(embedded) as tf.SymbolicTensor;
    const out = tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(pooled) as tf.SymbolicTensor;
    const model = tf.model({ inputs: ids, outputs: out });
    model.compile({ optimizer: tf.train.adam(0.05), loss: 'binaryCrossentropy' });
    // Label: does token 7 occur? A padded sequence of varying length.
    const sequences = Array.from({ length: 64 }, (_, i) => Array.from({ length: 6 }, (_, t) => (t < 2 + (i % 5) ? 1 + ((i * 7 + t * 3) % 11) : 0)));
    const x2 = tf.tensor2d(sequences, undefined, 'int32');
    const y = tf.tensor2d(sequences.map((s) => [s.includes(7) ? 1 : 0]));
    const first = (await withSeededRandom(1, () => model.fit(x2, y, { epochs: 1, batchSize: 16, verbose: 0 }))).history.loss![0] as number;
    const history = await expectNoTensorLeaks(() => withSeededRandom(2, () => model.fit(x2, y, { epochs: 40, batchSize: 16, verbose: 0 })));
    expect(history.history.loss!.at(-1) as number).toBeLessThan(first * 0.5);
    const loaded = await expectSaveLoadRoundTrip(model, x2);
    tf.dispose([x2, y]);
    model.dispose();
    loaded.dispose();
  });
});
