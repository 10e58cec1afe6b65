import * as tf from '@tensorflow/tfjs';
import { ConfigError, ShapeError, useBackend } from '@dl/core';
import { checkLayerGradients, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { TransformerEncoder, transformerEncoder } from './transformer-encoder.js';
import { expectSaveLoadRoundTrip, multiHeadAttentionReference, randomTensor, randomizeWeights } from './testing.test-util.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

function layerNorm(row: number[], gamma: number[], beta: number[], epsilon: number): number[] {
  const mean = row.reduce((a, b) => a + b, 0) / row.length;
  const variance = row.reduce((a, b) => a + (b - mean) ** 2, 0) / row.length;
  return row.map((x, i) => ((x - mean) / Math.sqrt(variance + epsilon)) * gamma[i]! + beta[i]!);
}

function dense(row: number[], kernel: number[], bias: number[], units: number): number[] {
  return Array.from({ length: units }, (_, j) => row.reduce((s, x, d) => s + x * kernel[d * units + j]!, bias[j]!));
}

/** float64 post-LN / pre-LN encoder block for one sequence. */
function reference(x: number[][], w: number[][], heads: number, intermediate: number, normFirst: boolean, mask?: number[]): number[][] {
  const dim = x[0]!.length;
  const attentionWeights = w.slice(0, 8);
  const [g1, b1, k1, c1, k2, c2, g2, b2] = w.slice(8) as number[][];
  const pairMask = mask === undefined ? undefined : mask.map((mi) => mask.map((mj) => mi * mj));
  const attend = (t: number[][]) => multiHeadAttentionReference(t, t, attentionWeights, { heads, keyDim: dim / heads, valueDim: dim / heads, outputDim: dim }, pairMask);
  const ffn = (t: number[][]) => t.map((row) => dense(dense(row, k1!, c1!, intermediate).map((v) => Math.max(0, v)), k2!, c2!, dim));
  const add = (a: number[][], b: number[][]) => a.map((row, i) => row.map((v, d) => v + b[i]![d]!));
  const norm = (t: number[][], g: number[], b: number[]) => t.map((row) => layerNorm(row, g, b, 1e-5));
  if (normFirst) {
    const h = add(x, attend(norm(x, g1!, b1!)));
    return add(h, ffn(norm(h, g2!, b2!)));
  }
  const h = norm(add(x, attend(x)), g1!, b1!);
  return norm(add(h, ffn(h)), g2!, b2!);
}

describe.each(['cpu', 'wasm'] as const)('TransformerEncoder on %s', (backend) => {
  it.each([false, true])('matches the float64 reference (normFirst %s), with a padding mask', async (normFirst) => {
    await useBackend(backend);
    const layer = new TransformerEncoder({ numHeads: 2, intermediateDim: 6, normFirst });
    const x = randomTensor([2, 3, 4], 1);
    layer.apply(x);
    randomizeWeights(layer, 5);
    const w = layer.getWeights().map((t) => Array.from(t.dataSync()));
    const rows = x.arraySync() as number[][][];
    const out = layer.apply(x) as tf.Tensor;
    rows.forEach((row, b) => expectTensorsClose(out.slice([b, 0, 0], [1, -1, -1]).squeeze([0]), reference(row, w, 2, 6, normFirst), { rtol: 1e-4, atol: 1e-5 }));
    const mask = tf.tensor2d([[1, 1, 0], [1, 0, 0]]);
    const masked = layer.call(x, { mask } as never) as tf.Tensor;
    [[1, 1, 0], [1, 0, 0]].forEach((m, b) => {
      const expected = reference(rows[b]!, w, 2, 6, normFirst, m);
      // Padded positions are not compared: their values only need to be finite.
      const real = m.filter((v) => v === 1).length;
      expectTensorsClose(masked.slice([b, 0, 0], [1, real, -1]).squeeze([0]), expected.slice(0, real), { rtol: 1e-4, atol: 1e-5 });
    });
    tf.dispose([x, out, mask, masked]);
  });

  it('validates options and shapes', async () => {
    await useBackend(backend);
    expect(() => transformerEncoder({ numHeads: 3, intermediateDim: 8 }).apply(tf.input({ shape: [5, 8] }))).toThrow(ShapeError);
    expect(() => transformerEncoder({ numHeads: 2, intermediateDim: 0 })).toThrow(ConfigError);
    expect(() => transformerEncoder({ numHeads: 2, intermediateDim: 8, activation: 'swish' as never })).toThrow(/activation/);
    expect((transformerEncoder({ numHeads: 2, intermediateDim: 8 }).apply(tf.input({ shape: [5, 8] })) as tf.SymbolicTensor).shape).toEqual([null, 5, 8]);
  });

  it.each([false, true])('passes a gradient check through its input and every weight (normFirst %s)', async (normFirst) => {
    await useBackend(backend);
    const layer = new TransformerEncoder({ numHeads: 2, intermediateDim: 4, activation: 'gelu', normFirst });
    const x = randomTensor([2, 3, 4], 2);
    layer.apply(x);
    randomizeWeights(layer, 9);
    const report = checkLayerGradients(layer, x);
    expect(Object.keys(report.perTensor)).toHaveLength(1 + layer.trainableWeights.length);
    expect(layer.trainableWeights.length).toBeGreaterThanOrEqual(8 + 4 + 4); // attention, two dense layers, two layer norms
    x.dispose();
    layer.dispose();
  });

  it('trains without leaks and round-trips through save/load', async () => {
    await useBackend(backend);

    const input = tf.input({ shape: [5, 8] });
    const encoded = transformerEncoder({ numHeads: 2, intermediateDim: 16, dropout: 0.1 }).apply(input) as tf.SymbolicTensor;
    const output = tf.layers.dense({ units: 1 }).apply(tf.layers.globalAveragePooling1d().apply(encoded)) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: output });
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
    const data = randomTensor([32, 5, 8], 3);
    const target = tf.tidy(() => data.slice([0, 0, 0], [-1, 1, 1]).reshape([32, 1]));
    const first = (await model.fit(data, target, { epochs: 1, batchSize: 16, verbose: 0 })).history.loss![0] as number;
    const history = await expectNoTensorLeaks(() => model.fit(data, target, { epochs: 30, batchSize: 16, verbose: 0 }));
    expect(history.history.loss!.at(-1) as number).toBeLessThan(first * 0.5);
    const loaded = await expectSaveLoadRoundTrip(model, data);
    expect(loaded.layers[1]).toBeInstanceOf(TransformerEncoder);
    tf.dispose([data, target]);
    model.dispose();
    loaded.dispose();
  });
});
