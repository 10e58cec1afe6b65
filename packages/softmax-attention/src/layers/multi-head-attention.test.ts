import * as tf from '@tensorflow/tfjs';
import { ConfigError, ShapeError, useBackend, withSeededRandom } from '@dl/core';
import { catchConfigError, checkLayerGradients, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { MultiHeadAttention, multiHeadAttention } from './multi-head-attention.js';
import { indices, multiHeadAttentionNdReference as ndReference, ndArray, offset, type NdArray } from './multi-head-attention-reference.test-util.js';
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
    const masked = layer.call([query, value], { attentionMask }) as tf.Tensor;
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
    const before = (await withSeededRandom(1, () => model.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0 }))).history.loss![0] as number;
    const history = await expectNoTensorLeaks(() => withSeededRandom(2, () => model.fit(x, y, { epochs: 25, batchSize: 16, verbose: 0 })));
    expect(history.history.loss!.at(-1) as number).toBeLessThan(before * 0.5);
    const loaded = await expectSaveLoadRoundTrip(model, x);
    expect(loaded.layers[1]).toBeInstanceOf(MultiHeadAttention);
    expect(loaded.layers[1]!.getConfig()).toEqual(model.layers[1]!.getConfig());
    tf.dispose([x, y]);
    model.dispose();
    loaded.dispose();
  });
});

/** Asserts shape and values against a float64 reference. */
function expectNdClose(actual: tf.Tensor, expected: NdArray): void {
  expect(actual.shape).toEqual(expected.shape);
  expectTensorsClose(actual, expected.data, { rtol: 1e-4, atol: 2e-5 });
}

/** A seeded 0/1 tensor with every query row keeping at least its first key. */
function binaryMask(shape: number[], seed: number): tf.Tensor {
  return tf.tidy(() => randomTensor(shape, seed).greater(-0.3).cast('float32'));
}

describe.each(['cpu', 'wasm'] as const)('MultiHeadAttention Keras parity on %s', (backend) => {
  it('outputShape as a shape: outputs [batch, Tq, ...outputShape], Keras kernel layout, float64 numbers, config round trip', async () => {
    await useBackend(backend);
    const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 3, valueDim: 2, outputShape: [3, 2], name: 'shaped' });
    const symbolic = layer.apply([tf.input({ shape: [4, 5] }), tf.input({ shape: [6, 7] })]) as tf.SymbolicTensor;
    expect(symbolic.shape).toEqual([null, 4, 3, 2]);
    expect(layer.getWeights().slice(6).map((w) => w.shape)).toEqual([[2, 2, 3, 2], [3, 2]]);
    randomizeWeights(layer, 50);
    const [query, value] = [randomTensor([2, 4, 5], 51), randomTensor([2, 6, 7], 52)];
    const expected = ndReference({ query: ndArray(query), value: ndArray(value) }, weightArrays(layer), { heads: 2, keyDim: 3, valueDim: 2, outputShape: [3, 2] }, [1]);
    const output = layer.apply([query, value]) as tf.Tensor;
    expectNdClose(output, expected.output);
    expect(layer.getConfig().outputShape).toEqual([3, 2]);
    const again = MultiHeadAttention.fromConfig(MultiHeadAttention, JSON.parse(JSON.stringify(layer.getConfig())) as tf.serialization.ConfigDict) as MultiHeadAttention;
    expect(again.getConfig()).toEqual(layer.getConfig());
    expect(again.outputFeatureShape).toEqual([3, 2]);
    expect(new MultiHeadAttention({ numHeads: 1, keyDim: 2, outputShape: 6 }).getConfig().outputShape).toBe(6); // an integer stays an integer
    tf.dispose([query, value, output]);
    layer.dispose();
  });

  it('attentionAxes for rank 3: default, [1], [-2] and 1 all attend over the sequence as the float64 reference', async () => {
    await useBackend(backend);
    const [query, value] = [randomTensor([2, 3, 4], 60), randomTensor([2, 5, 4], 61)];
    for (const attentionAxes of [undefined, [1], [-2], 1]) {
      const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 2, ...(attentionAxes === undefined ? {} : { attentionAxes }) });
      layer.apply([query, value]);
      randomizeWeights(layer, 62);
      const [output, scores] = layer.apply([query, value], { returnAttentionScores: true }) as tf.Tensor[];
      const expected = ndReference({ query: ndArray(query), value: ndArray(value) }, weightArrays(layer), { heads: 2, keyDim: 2, valueDim: 2, outputShape: [4] }, [1]);
      expectNdClose(output!, expected.output);
      expectNdClose(scores!, expected.scores);
      tf.dispose([output!, scores!]);
      layer.dispose();
    }
    tf.dispose([query, value]);
  });

  it('attends over both axes of [B, H, W, C] inputs, with Keras-expanded attention masks and scores [B, heads, H, W, H, W]', async () => {
    await useBackend(backend);
    const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 3, outputShape: [2, 2], attentionAxes: [1, -2] });
    const image = tf.input({ shape: [3, 2, 4] });
    const symbolic = layer.apply(image, { returnAttentionScores: true }) as tf.SymbolicTensor[];
    expect(symbolic.map((s) => s.shape)).toEqual([[null, 3, 2, 2, 2], [null, 2, 3, 2, 3, 2]]);
    randomizeWeights(layer, 70);
    const x = randomTensor([2, 3, 2, 4], 71);
    const model = tf.model({ inputs: image, outputs: symbolic[0]! });
    const loaded = await expectSaveLoadRoundTrip(model, x);
    expect(loaded.layers[1]!.getConfig()).toMatchObject({ outputShape: [2, 2], attentionAxes: [1, -2] });
    loaded.dispose();
    // Keras expands a [B, H, W, H, W] mask at the head axis; 1 = may attend.
    const attentionMask = binaryMask([2, 3, 2, 3, 2], 72);
    const m = attentionMask.arraySync() as number[][][][][];
    const [output, scores] = layer.apply(x, { attentionMask, returnAttentionScores: true }) as tf.Tensor[];
    const expected = ndReference({ query: ndArray(x), value: ndArray(x) }, weightArrays(layer), { heads: 2, keyDim: 3, valueDim: 3, outputShape: [2, 2] }, [1, 2], (q, k) => m[q[0]!]![q[1]!]![q[2]!]![k[1]!]![k[2]!] === 1);
    expectNdClose(output!, expected.output);
    expectNdClose(scores!, expected.scores);
    tf.dispose([x, attentionMask, output!, scores!]);
    layer.dispose();
  });

  it('attends over one axis of rank-4 inputs (the other acts as a batch axis), cross-attention with padding and a [B, T, S] mask', async () => {
    await useBackend(backend);
    const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 2, valueDim: 3, attentionAxes: [2] });
    const [query, value, key] = [randomTensor([2, 3, 4, 5], 80), randomTensor([2, 3, 6, 4], 81), randomTensor([2, 3, 6, 3], 82)];
    layer.apply([query, value, key]);
    randomizeWeights(layer, 83);
    const queryMask = binaryMask([2, 3, 4], 84);
    const valueMask = binaryMask([2, 3, 6], 85);
    const keyMask = binaryMask([2, 3, 6], 86);
    const attentionMask = binaryMask([2, 4, 6], 87); // Keras: expanded twice at axis -3 → [B, 1, 1, T, S]
    const [qm, vm, km, am] = [queryMask, valueMask, keyMask, attentionMask].map((t) => t.arraySync()) as [number[][][], number[][][], number[][][], number[][][]];
    const visible = (q: number[], k: number[]) => qm[q[0]!]![q[1]!]![q[2]!] === 1 && vm[k[0]!]![k[1]!]![k[2]!] === 1 && km[k[0]!]![k[1]!]![k[2]!] === 1 && am[q[0]!]![q[2]!]![k[2]!] === 1;
    const [output, scores] = layer.apply([query, value, key], { mask: [queryMask, valueMask, keyMask], attentionMask, returnAttentionScores: true }) as tf.Tensor[];
    const expected = ndReference({ query: ndArray(query), value: ndArray(value), key: ndArray(key) }, weightArrays(layer), { heads: 2, keyDim: 2, valueDim: 3, outputShape: [5] }, [2], visible);
    expect(scores!.shape).toEqual([2, 3, 2, 4, 6]);
    expectNdClose(output!, expected.output);
    expectNdClose(scores!, expected.scores);
    // A mask over the non-attention axis too, [B, X, T, S], is expanded at the head axis: [B, X, 1, T, S].
    const perRow = binaryMask([2, 3, 4, 6], 88);
    const pm = perRow.arraySync() as number[][][][];
    const [rowOutput, rowScores] = layer.apply([query, value, key], { attentionMask: perRow, returnAttentionScores: true }) as tf.Tensor[];
    const rowExpected = ndReference({ query: ndArray(query), value: ndArray(value), key: ndArray(key) }, weightArrays(layer), { heads: 2, keyDim: 2, valueDim: 3, outputShape: [5] }, [2], (q, k) => pm[q[0]!]![q[1]!]![q[2]!]![k[2]!] === 1);
    expectNdClose(rowOutput!, rowExpected.output);
    expectNdClose(rowScores!, rowExpected.scores);
    tf.dispose([query, value, key, queryMask, valueMask, keyMask, attentionMask, output!, scores!, perRow, rowOutput!, rowScores!]);
    layer.dispose();
  });

  it('passes a gradient check for rank-4 inputs over two attention axes with an output shape', async () => {
    await useBackend(backend);
    const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 2, outputShape: [2, 2], attentionAxes: [1, 2] });
    const x = randomTensor([1, 2, 3, 3], 90);
    layer.apply(x);
    randomizeWeights(layer, 91);
    expect(Object.keys(checkLayerGradients(layer, x).perTensor)).toHaveLength(1 + 8);
    x.dispose();
    layer.dispose();
  });

  it('takes useCausalMask and returnAttentionScores at call time (the call wins over the constructor)', async () => {
    await useBackend(backend);
    const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 2, returnAttentionScores: true, useCausalMask: true });
    const x = randomTensor([2, 4, 3], 100);
    layer.apply(x);
    randomizeWeights(layer, 101);
    const w = weightArrays(layer);
    const sizes = { heads: 2, keyDim: 2, valueDim: 2, outputShape: [3] };
    const causal = ndReference({ query: ndArray(x), value: ndArray(x) }, w, sizes, [1], (q, k) => k[1]! <= q[1]!);
    const full = ndReference({ query: ndArray(x), value: ndArray(x) }, w, sizes, [1]);
    const [constructed, constructedScores] = layer.apply(x) as tf.Tensor[];
    expectNdClose(constructed!, causal.output);
    expectNdClose(constructedScores!, causal.scores);
    const plain = layer.apply(x, { useCausalMask: false, returnAttentionScores: false }) as tf.Tensor;
    expect(Array.isArray(plain)).toBe(false);
    expectNdClose(plain, full.output);
    const other = new MultiHeadAttention({ numHeads: 2, keyDim: 2 });
    other.apply(x);
    other.setWeights(layer.getWeights());
    const [called, calledScores] = other.call(x, { useCausalMask: true, returnAttentionScores: true }) as tf.Tensor[];
    expectNdClose(called!, causal.output);
    expectNdClose(calledScores!, causal.scores);
    tf.dispose([x, constructed!, constructedScores!, plain, called!, calledScores!]);
    layer.dispose();
    other.dispose();
  });

  it('keeps call-time options of a functional model through predict and save/load (tfjs drops call arguments when it runs a model)', async () => {
    await useBackend(backend);
    const input = tf.input({ shape: [4, 3] });
    const layer = multiHeadAttention({ numHeads: 1, keyDim: 2 });
    const [output, scores] = layer.apply(input, { useCausalMask: true, returnAttentionScores: true }) as tf.SymbolicTensor[];
    expect(scores!.shape).toEqual([null, 1, 4, 4]);
    const model = tf.model({ inputs: input, outputs: scores! });
    const x = randomTensor([2, 4, 3], 110);
    const upper = tf.tidy(() => tf.sub(1, tf.linalg.bandPart(tf.ones([4, 4]), -1, 0)));
    const predicted = model.predict(x) as tf.Tensor;
    expect(tf.tidy(() => predicted.mul(upper).abs().max().dataSync()[0])).toBe(0); // causal: nothing above the diagonal
    const loaded = await expectSaveLoadRoundTrip(model, x);
    const reloaded = loaded.predict(x) as tf.Tensor;
    expect(tf.tidy(() => reloaded.mul(upper).abs().max().dataSync()[0])).toBe(0);
    expect(catchConfigError(() => layer.apply(input, { useCausalMask: false })).path).toBe('useCausalMask');
    expect(tf.model({ inputs: input, outputs: output! }).outputs[0]!.shape).toEqual([null, 4, 3]);
    tf.dispose([x, upper, predicted, reloaded]);
    model.dispose();
    loaded.dispose();
  });

  it("uses the key's own padding mask in [query, value, key] (Keras: query_mask & value_mask & key_mask), eagerly and in a model", async () => {
    await useBackend(backend);
    const ids = [tf.input({ shape: [3], dtype: 'int32' }), tf.input({ shape: [4], dtype: 'int32' }), tf.input({ shape: [4], dtype: 'int32' })];
    const embedded = ids.map((input) => tf.layers.embedding({ inputDim: 10, outputDim: 4, maskZero: true }).apply(input) as tf.SymbolicTensor);
    const layer = multiHeadAttention({ numHeads: 2, keyDim: 2 });
    const [output, scores] = layer.apply(embedded, { returnAttentionScores: true }) as tf.SymbolicTensor[];
    const model = tf.model({ inputs: ids, outputs: [output!, scores!, ...embedded] });
    const feeds = [tf.tensor2d([[1, 2, 0]], undefined, 'int32'), tf.tensor2d([[3, 4, 5, 0]], undefined, 'int32'), tf.tensor2d([[6, 0, 7, 8]], undefined, 'int32')];
    const [out, weights, q, v, k] = model.predict(feeds) as tf.Tensor[];
    const w = (weights!.arraySync() as number[][][][])[0]!;
    for (const head of w) {
      for (const row of [0, 1]) {
        expect(head[row]![1]).toBe(0); // key padding
        expect(head[row]![3]).toBe(0); // value padding
        expect(head[row]![0]! + head[row]![2]!).toBeCloseTo(1, 5);
      }
      expect(head[2]).toEqual([0, 0, 0, 0]); // padded query
    }
    const visible = (qp: number[], kp: number[]) => qp[1]! < 2 && kp[1] !== 1 && kp[1] !== 3;
    const expected = ndReference({ query: ndArray(q!), value: ndArray(v!), key: ndArray(k!) }, weightArrays(layer), { heads: 2, keyDim: 2, valueDim: 2, outputShape: [4] }, [1], visible);
    expectNdClose(out!, expected.output);
    const masks = feeds.map((f) => tf.notEqual(f, 0));
    // A layer keeps the options of its symbolic call (scores on) for calls with tensors, unless told otherwise.
    const both = layer.apply([q!, v!, k!], { mask: masks }) as tf.Tensor[];
    expect(both).toHaveLength(2);
    tf.dispose(both);
    const eager = layer.apply([q!, v!, k!], { mask: masks, returnAttentionScores: false }) as tf.Tensor;
    expectNdClose(eager, expected.output);
    tf.dispose([...feeds, ...masks, out!, weights!, q!, v!, k!, eager]);
    model.dispose();
  });

  it('uses the padding masks tfjs attaches to eager tensors (tensor.kerasMask) and passes the query mask on', async () => {
    await useBackend(backend);
    const embed = tf.layers.embedding({ inputDim: 9, outputDim: 4, maskZero: true });
    const [queryIds, valueIds] = [tf.tensor2d([[1, 2, 0]], undefined, 'int32'), tf.tensor2d([[3, 0, 4, 5]], undefined, 'int32')];
    const [query, value] = [embed.apply(queryIds) as tf.Tensor, embed.apply(valueIds) as tf.Tensor];
    const layer = multiHeadAttention({ numHeads: 1, keyDim: 2 });
    const [output, scores] = layer.apply([query, value], { returnAttentionScores: true }) as tf.Tensor[];
    const [row0, row1, row2] = (scores!.arraySync() as number[][][][])[0]![0]!;
    expect([row0![1], row1![1]]).toEqual([0, 0]);
    expect(row2).toEqual([0, 0, 0, 0]);
    expect(output!.kerasMask?.arraySync()).toEqual([[1, 1, 0]]);
    tf.dispose([queryIds, valueIds, query, value, output!, scores!]);
    layer.dispose();
  });

  it('takes a symbolic attentionMask as a model input: predicts as the eager call, saves and loads', async () => {
    await useBackend(backend);
    const query = tf.input({ shape: [3, 4] });
    const value = tf.input({ shape: [5, 6] });
    const allowed = tf.input({ shape: [3, 5] });
    const layer = multiHeadAttention({ numHeads: 2, keyDim: 2 });
    const [output, scores] = layer.apply([query, value], { attentionMask: allowed, returnAttentionScores: true }) as tf.SymbolicTensor[];
    expect(output!.shape).toEqual([null, 3, 4]);
    const model = tf.model({ inputs: [query, value, allowed], outputs: output! });
    const scoring = tf.model({ inputs: [query, value, allowed], outputs: scores! });
    randomizeWeights(layer, 120);
    const feeds = [randomTensor([2, 3, 4], 121), randomTensor([2, 5, 6], 122), binaryMask([2, 3, 5], 123)];
    const m = feeds[2]!.arraySync() as number[][][];
    const expected = ndReference({ query: ndArray(feeds[0]!), value: ndArray(feeds[1]!) }, weightArrays(layer), { heads: 2, keyDim: 2, valueDim: 2, outputShape: [4] }, [1], (q, k) => m[q[0]!]![q[1]!]![k[1]!] === 1);
    const predicted = model.predict(feeds) as tf.Tensor;
    expectNdClose(predicted, expected.output);
    const predictedScores = scoring.predict(feeds) as tf.Tensor;
    expectNdClose(predictedScores, expected.scores);
    const [eager] = layer.call([feeds[0]!, feeds[1]!], { attentionMask: feeds[2]!, returnAttentionScores: true }) as tf.Tensor[];
    expectTensorsClose(eager!, predicted, { rtol: 1e-6, atol: 1e-6 });
    const [asInput] = layer.apply(feeds) as tf.Tensor[]; // as tfjs runs the model: three tensors, the last is the mask
    expectTensorsClose(asInput!, predicted, { rtol: 1e-6, atol: 1e-6 });
    const loaded = await expectSaveLoadRoundTrip(model, feeds);
    expect(loaded.inputs.map((input) => input.shape)).toEqual([[null, 3, 4], [null, 5, 6], [null, 3, 5]]);
    // The stored form, written by hand: the last input is the mask.
    const explicit = multiHeadAttention({ numHeads: 2, keyDim: 2 });
    const byHand = tf.model({ inputs: [query, value, allowed], outputs: explicit.apply([query, value, allowed], { attentionMaskIsLastInput: true }) as tf.SymbolicTensor });
    explicit.setWeights(layer.getWeights());
    const byHandOutput = byHand.predict(feeds) as tf.Tensor;
    expectTensorsClose(byHandOutput, predicted, { rtol: 0, atol: 0 });
    tf.dispose([...feeds, predicted, predictedScores, eager!, asInput!, byHandOutput]);
    model.dispose();
    loaded.dispose();
  });
});

describe('MultiHeadAttention without leaks', () => {
  it('trains and predicts with padding masks, an attention-mask input and call-time options without leaking tensors', async () => {
    await useBackend('cpu');
    const ids = tf.input({ shape: [4], dtype: 'int32' });
    const allowed = tf.input({ shape: [4, 4] });
    const embedded = tf.layers.embedding({ inputDim: 9, outputDim: 4, maskZero: true }).apply(ids) as tf.SymbolicTensor;
    const attended = multiHeadAttention({ numHeads: 2, keyDim: 2 }).apply([embedded, embedded], { attentionMask: allowed, useCausalMask: true }) as tf.SymbolicTensor;
    const output = tf.layers.dense({ units: 1 }).apply(tf.layers.flatten().apply(attended) as tf.SymbolicTensor) as tf.SymbolicTensor;
    const model = tf.model({ inputs: [ids, allowed], outputs: output });
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const x = [tf.tensor2d([[1, 2, 0, 0], [3, 4, 5, 6]], undefined, 'int32'), binaryMask([2, 4, 4], 130)];
    const y = tf.ones([2, 1]);
    await model.fit(x, y, { epochs: 1, verbose: 0 });
    await expectNoTensorLeaks(() => model.fit(x, y, { epochs: 2, verbose: 0 }));
    await expectNoTensorLeaks(() => tf.dispose(model.predict(x) as tf.Tensor));
    const eager = new MultiHeadAttention({ numHeads: 1, keyDim: 2, attentionAxes: [1, 2] });
    const image = randomTensor([1, 2, 3, 4], 131);
    tf.dispose(eager.apply(image) as tf.Tensor);
    const everywhere = tf.ones([1, 2, 3, 2, 3]);
    await expectNoTensorLeaks(() => tf.dispose(eager.apply(image, { returnAttentionScores: true, attentionMask: everywhere }) as tf.Tensor[]));
    tf.dispose([...x, y, image, everywhere]);
    model.dispose();
    eager.dispose();
  });
});

describe('MultiHeadAttention options, inputs and errors', () => {
  it('validates outputShape and attentionAxes (ConfigError naming the option), at construction and for the input rank', async () => {
    await useBackend('cpu');
    for (const outputShape of [0, [], [2, 0], [1.5], 'x']) {
      expect(catchConfigError(() => new MultiHeadAttention({ numHeads: 1, keyDim: 2, outputShape: outputShape as never })).path).toBe('outputShape');
    }
    for (const attentionAxes of [[], 1.5, [1, 1], [0], [-1], 'x']) {
      expect(catchConfigError(() => new MultiHeadAttention({ numHeads: 1, keyDim: 2, attentionAxes: attentionAxes as never })).path).toBe('attentionAxes');
    }
    const rank4 = () => tf.input({ shape: [3, 2, 4] });
    for (const attentionAxes of [[3], [1, -3], [4], [-4]]) {
      const error = catchConfigError(() => new MultiHeadAttention({ numHeads: 1, keyDim: 2, attentionAxes }).apply(rank4()));
      expect(error.path).toBe('attentionAxes');
      expect(error.message).toContain('[1, 2] or [-3, -2]');
    }
    expect(catchConfigError(() => new MultiHeadAttention({ numHeads: 1, keyDim: 2, attentionAxes: [2] }).apply(tf.input({ shape: [3, 4] }))).path).toBe('attentionAxes');
    expect((new MultiHeadAttention({ numHeads: 1, keyDim: 2, attentionAxes: [-2] }).apply(rank4()) as tf.SymbolicTensor).shape).toEqual([null, 3, 2, 4]);
    expect(catchConfigError(() => new MultiHeadAttention({ numHeads: 1, keyDim: 2, attentionAxes: [1, 2], useCausalMask: true })).path).toBe('useCausalMask');
    expect(catchConfigError(() => new MultiHeadAttention({ numHeads: 1, keyDim: 2, useCausalMask: true }).apply(rank4())).path).toBe('useCausalMask');
    expect(new MultiHeadAttention({ numHeads: 1, keyDim: 2, attentionAxes: 2 }).getConfig().attentionAxes).toEqual([2]);
  });

  it('rejects bad call arguments: non-boolean options, a symbolic mask with tensors, a tensor mask in a model', async () => {
    await useBackend('cpu');
    const layer = new MultiHeadAttention({ numHeads: 1, keyDim: 2 });
    const x = tf.ones([1, 2, 4]);
    expect(catchConfigError(() => layer.apply(x, { useCausalMask: 'yes' as never })).path).toBe('useCausalMask');
    expect(catchConfigError(() => layer.apply(x, { returnAttentionScores: 1 as never })).path).toBe('returnAttentionScores');
    expect(catchConfigError(() => layer.apply(x, { attentionMask: tf.input({ shape: [2, 2] }) })).path).toBe('attentionMask');
    expect(catchConfigError(() => layer.apply(tf.input({ shape: [2, 4] }), { attentionMask: x })).path).toBe('attentionMask');
    expect(catchConfigError(() => layer.apply(tf.input({ shape: [2, 4] }), { value: tf.input({ shape: [2, 4] }) })).message).toContain('layer.apply([query, value])');
    x.dispose();
  });

  it('names the input and both sizes when called with other dims than it was built for (ShapeError, not a tfjs reshape error)', async () => {
    await useBackend('cpu');
    const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 4 });
    const [query, value, key] = [tf.ones([1, 3, 12]), tf.ones([1, 5, 24]), tf.ones([1, 5, 8])];
    tf.dispose(layer.apply([query, value, key]) as tf.Tensor);
    const cases: [string, tf.Tensor[], number, number][] = [
      ['value', [query, tf.ones([1, 5, 16]), key], 24, 16],
      ['query', [tf.ones([1, 3, 10]), value, key], 12, 10],
      ['key', [query, value, tf.ones([1, 5, 9])], 8, 9],
    ];
    for (const [name, inputs, built, given] of cases) {
      const error = (() => {
        try {
          layer.apply(inputs);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(ShapeError);
      expect((error as ShapeError).argument).toBe(`MultiHeadAttention ${name}`);
      expect((error as ShapeError).message).toContain(`last dimension ${built}`);
      expect((error as ShapeError).message).toContain(`got ${given}`);
    }
    expect(() => layer.apply(tf.input({ shape: [3, 12] }))).toThrow(/'MultiHeadAttention value'.*last dimension 24/); // self-attention: the value is the query
    expect(() => layer.apply([tf.ones([1, 2, 3, 12]), tf.ones([1, 2, 5, 24]), tf.ones([1, 2, 5, 8])])).toThrow(ShapeError); // another rank
    tf.dispose([query, value, key, ...cases.flatMap(([, inputs]) => inputs)]);
    layer.dispose();
  });

  it('indexes the float64 reference as Keras lays out scores (self-check of the test helper)', () => {
    expect(indices([2, 3])).toHaveLength(6);
    expect(offset([2, 3, 4], [1, 2, 3])).toBe(23);
  });
});
