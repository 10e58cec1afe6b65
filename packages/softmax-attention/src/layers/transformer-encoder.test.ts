import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { ConfigError, ShapeError, useBackend, withSeededRandom } from '@dl/core';
import { catchConfigError, checkLayerGradients, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { TransformerEncoder, transformerEncoder, type TransformerEncoderActivation } from './transformer-encoder.js';
import { gelu64, geluTanh64 } from '../ops/gelu.test-util.js';
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

const activations: Record<TransformerEncoderActivation, (x: number) => number> = { relu: (x) => Math.max(0, x), gelu: gelu64, gelu_approximate: geluTanh64 };

/**
 * float64 post-LN / pre-LN encoder block for one sequence; `w` in keras_hub's order (attention,
 * attention LayerNorm, feed-forward LayerNorm, intermediate dense, output dense). With a padding
 * mask, query i may attend to key j when both are real: a padded query attends to nothing.
 */
function reference(
  x: number[][],
  w: number[][],
  heads: number,
  intermediate: number,
  normFirst: boolean,
  mask?: number[],
  activation: TransformerEncoderActivation = 'relu',
  epsilon = 1e-5,
): number[][] {
  const dim = x[0]!.length;
  const attentionWeights = w.slice(0, 8);
  const [g1, b1, g2, b2, k1, c1, k2, c2] = w.slice(8) as number[][];
  const pairMask = mask === undefined ? undefined : mask.map((mi) => mask.map((mj) => mi * mj));
  const attend = (t: number[][]) => multiHeadAttentionReference(t, t, attentionWeights, { heads, keyDim: dim / heads, valueDim: dim / heads, outputDim: dim }, pairMask);
  const ffn = (t: number[][]) => t.map((row) => dense(dense(row, k1!, c1!, intermediate).map(activations[activation]), k2!, c2!, dim));
  const add = (a: number[][], b: number[][]) => a.map((row, i) => row.map((v, d) => v + b[i]![d]!));
  const norm = (t: number[][], g: number[], b: number[]) => t.map((row) => layerNorm(row, g, b, epsilon));
  if (normFirst) {
    const h = add(x, attend(norm(x, g1!, b1!)));
    return add(h, ffn(norm(h, g2!, b2!)));
  }
  const h = norm(add(x, attend(x)), g1!, b1!);
  return norm(add(h, ffn(h)), g2!, b2!);
}

describe.each(['cpu', 'wasm'] as const)('TransformerEncoder on %s', (backend) => {
  it.each([
    [false, 'relu'],
    [true, 'relu'],
    [false, 'gelu'],
    [true, 'gelu_approximate'],
  ] as const)('matches the float64 reference (normFirst %s, %s), padded positions included', async (normFirst, activation) => {
    await useBackend(backend);
    const layer = new TransformerEncoder({ numHeads: 2, intermediateDim: 6, normFirst, activation });
    const x = randomTensor([2, 3, 4], 1);
    layer.apply(x);
    randomizeWeights(layer, 5);
    const w = layer.getWeights().map((t) => Array.from(t.dataSync()));
    const rows = x.arraySync() as number[][][];
    const out = layer.apply(x) as tf.Tensor;
    expectTensorsClose(out, rows.map((row) => reference(row, w, 2, 6, normFirst, undefined, activation)), { rtol: 1e-4, atol: 1e-5 });
    const padding = [[1, 1, 0], [1, 0, 0]];
    const mask = tf.tensor2d(padding);
    const masked = layer.call(x, { mask } as never) as tf.Tensor;
    // Padded positions too: they attend to nothing (the documented rule), so their rows are pinned as well.
    expectTensorsClose(masked, padding.map((m, b) => reference(rows[b]!, w, 2, 6, normFirst, m, activation)), { rtol: 1e-4, atol: 1e-5 });
    tf.dispose([x, out, mask, masked]);
  });

  it('uses layerNormEpsilon (default 1e-5) where it matters: rows of tiny variance', async () => {
    await useBackend(backend);
    const x = randomTensor([1, 3, 4], 4, 2e-3); // variance ~1e-6, comparable to epsilon
    const rows = x.arraySync() as number[][][];
    for (const [args, epsilon] of [[{}, 1e-5], [{ layerNormEpsilon: 1e-3 }, 1e-3]] as const) {
      const layer = new TransformerEncoder({ numHeads: 2, intermediateDim: 6, ...args });
      layer.apply(x);
      randomizeWeights(layer, 11);
      const w = layer.getWeights().map((t) => Array.from(t.dataSync()));
      const out = layer.apply(x) as tf.Tensor;
      expectTensorsClose(out, [reference(rows[0]!, w, 2, 6, false, undefined, 'relu', epsilon)], { rtol: 1e-3, atol: 1e-4 });
      const wrong = reference(rows[0]!, w, 2, 6, false, undefined, 'relu', epsilon === 1e-5 ? 1e-3 : 1e-5);
      expect(() => expectTensorsClose(out, [wrong], { rtol: 1e-3, atol: 1e-4 })).toThrow();
      out.dispose();
      layer.dispose();
    }
    x.dispose();
  });

  it('validates options and shapes', async () => {
    await useBackend(backend);
    expect(() => transformerEncoder({ numHeads: 3, intermediateDim: 8 }).apply(tf.input({ shape: [5, 8] }))).toThrow(ShapeError);
    expect(() => transformerEncoder({ numHeads: 2, intermediateDim: 0 })).toThrow(ConfigError);
    expect(() => transformerEncoder({ numHeads: 2, intermediateDim: 8, activation: 'swish' as never })).toThrow(/activation/);
    for (const spelling of ['gelu_tanh', 'gelu_new', 'GELU', 'tanh']) {
      const error = catchConfigError(() => transformerEncoder({ numHeads: 2, intermediateDim: 8, activation: spelling as never }));
      expect(error.path).toBe('activation');
      expect(error.message).toContain('"gelu_approximate"');
    }
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
    const first = (await withSeededRandom(1, () => model.fit(data, target, { epochs: 1, batchSize: 16, verbose: 0 }))).history.loss![0] as number;
    const history = await expectNoTensorLeaks(() => withSeededRandom(2, () => model.fit(data, target, { epochs: 30, batchSize: 16, verbose: 0 })));
    expect(history.history.loss!.at(-1) as number).toBeLessThan(first * 0.5);
    const loaded = await expectSaveLoadRoundTrip(model, data);
    expect(loaded.layers[1]).toBeInstanceOf(TransformerEncoder);
    tf.dispose([data, target]);
    model.dispose();
    loaded.dispose();
  });
});

/**
 * keras_hub's TransformerEncoder trainable weights, in `layer.trainable_weights` order, read from
 * keras_hub/src/layers/modeling/transformer_encoder.py: `build` creates the sublayers
 * `_self_attention_layer` (keras.layers.MultiHeadAttention: query, key, value, attention_output
 * EinsumDense, each kernel then bias), `_self_attention_layer_norm`, `_feedforward_layer_norm`,
 * `_feedforward_intermediate_dense`, `_feedforward_output_dense`, and Keras lists a layer's weights
 * by sublayer in the order they were assigned (the Dropout layers hold none that train).
 */
const kerasHubWeights = [
  ['self_attention_layer/query/kernel', [8, 2, 4]],
  ['self_attention_layer/query/bias', [2, 4]],
  ['self_attention_layer/key/kernel', [8, 2, 4]],
  ['self_attention_layer/key/bias', [2, 4]],
  ['self_attention_layer/value/kernel', [8, 2, 4]],
  ['self_attention_layer/value/bias', [2, 4]],
  ['self_attention_layer/attention_output/kernel', [2, 4, 8]],
  ['self_attention_layer/attention_output/bias', [8]],
  ['self_attention_layer_norm/gamma', [8]],
  ['self_attention_layer_norm/beta', [8]],
  ['feedforward_layer_norm/gamma', [8]],
  ['feedforward_layer_norm/beta', [8]],
  ['feedforward_intermediate_dense/kernel', [8, 16]],
  ['feedforward_intermediate_dense/bias', [16]],
  ['feedforward_output_dense/kernel', [16, 8]],
  ['feedforward_output_dense/bias', [8]],
] as const;

interface Golden {
  readonly config: { batch: number; sequence: number; dim: number; numHeads: number; intermediateDim: number; layerNormEpsilon: number };
  readonly inputs: number[];
  readonly paddingMask: number[][];
  readonly weights: { name: string; shape: number[]; values: number[] }[];
  readonly cases: {
    normFirst: boolean;
    activation: TransformerEncoderActivation;
    torchUnmasked: number[];
    torchMasked: number[];
    paddedRowsAttendingToNothing: Record<string, number[]>;
  }[];
}

/** Written by bench/python/transformer_encoder_golden.py from PyTorch's nn.TransformerEncoderLayer. */
const golden = JSON.parse(readFileSync(new URL('./fixtures/transformer-encoder-golden.json', import.meta.url), 'utf8')) as Golden;

/** `layer.weights` names without the layer's own scope (which `apply` adds, `build` alone does not). */
function weightNames(layer: tf.layers.Layer): string[] {
  const scope = `${layer.name}/`;
  return layer.weights.map((w) => (w.originalName.startsWith(scope) ? w.originalName.slice(scope.length) : w.originalName));
}

describe('TransformerEncoder against keras_hub and PyTorch', () => {
  it('lists its weights in keras_hub order, with keras_hub names and shapes', () => {
    const layer = new TransformerEncoder({ numHeads: 2, intermediateDim: 16 });
    layer.apply(tf.input({ shape: [5, 8] }));
    expect(layer.weights[0]!.originalName).toBe(`${layer.name}/self_attention_layer/query/kernel`);
    expect(weightNames(layer)).toEqual(kerasHubWeights.map(([name]) => name));
    expect(layer.getWeights().map((w) => w.shape)).toEqual(kerasHubWeights.map(([, shape]) => shape));
    expect(layer.trainableWeights.map((w) => w.originalName)).toEqual(layer.weights.map((w) => w.originalName));
    // The fixture's PyTorch -> Keras mapping writes the same list.
    expect(golden.weights.map((w) => [w.name, w.shape])).toEqual(kerasHubWeights.map(([name, shape]) => [name, shape]));
    layer.dispose();
  });

  it('has the defaults of keras_hub and PyTorch: relu, epsilon 1e-5, post-LN, and (as keras_hub) dropout 0', () => {
    const config = new TransformerEncoder({ numHeads: 2, intermediateDim: 16 }).getConfig();
    expect(config).toMatchObject({ activation: 'relu', layerNormEpsilon: 1e-5, normFirst: false, dropout: 0 });
    // tfjs serializes glorotUniform as the VarianceScaling it is (Keras's glorot_uniform likewise).
    expect(config.kernelInitializer).toMatchObject({ className: 'VarianceScaling', config: { scale: 1, mode: 'fanAvg', distribution: 'uniform' } });
  });

  describe.each(['cpu', 'wasm'] as const)('on %s', (backend) => {
    const { batch, sequence, dim, numHeads, intermediateDim } = golden.config;
    const real = (b: number, i: number) => golden.paddingMask[b]![i] === 1;
    const rowsOf = (flat: readonly number[]) =>
      Array.from({ length: batch }, (_, b) => Array.from({ length: sequence }, (_, i) => flat.slice((b * sequence + i) * dim, (b * sequence + i + 1) * dim)));

    it.each(golden.cases.map((c) => [c.normFirst ? 'pre-LN' : 'post-LN', c.activation, c] as const))(
      'matches nn.TransformerEncoderLayer (%s, %s) with mapped weights, without and with a padding mask',
      async (_, __, expected) => {
        await useBackend(backend);
        const layer = new TransformerEncoder({ numHeads, intermediateDim, normFirst: expected.normFirst, activation: expected.activation });
        layer.apply(tf.input({ shape: [sequence, dim] }));
        const byName = new Map(golden.weights.map((w) => [w.name, w]));
        tf.tidy(() => layer.setWeights(weightNames(layer).map((name) => tf.tensor(byName.get(name)!.values, byName.get(name)!.shape))));
        const x = tf.tensor3d(golden.inputs, [batch, sequence, dim]);
        const unmasked = layer.apply(x) as tf.Tensor;
        expectTensorsClose(unmasked, rowsOf(expected.torchUnmasked), { rtol: 0, atol: 1e-5 });

        const mask = tf.tensor2d(golden.paddingMask);
        const masked = layer.call(x, { mask } as never) as tf.Tensor;
        const ours = masked.arraySync() as number[][][];
        const torch = rowsOf(expected.torchMasked);
        let paddedCompared = 0;
        ours.forEach((rows, b) =>
          rows.forEach((row, i) => {
            if (real(b, i)) {
              // Real tokens: PyTorch's src_key_padding_mask gives the same outputs.
              tf.tidy(() => expectTensorsClose(tf.tensor1d(row), torch[b]![i]!, { rtol: 0, atol: 1e-5 }));
              return;
            }
            // Padded tokens attend to nothing here; PyTorch lets them attend to the real tokens.
            tf.tidy(() => expectTensorsClose(tf.tensor1d(row), expected.paddedRowsAttendingToNothing[`${b},${i}`]!, { rtol: 0, atol: 1e-5 }));
            expect(Math.max(...row.map((v, d) => Math.abs(v - torch[b]![i]![d]!)))).toBeGreaterThan(1e-3);
            paddedCompared++;
          }),
        );
        expect(paddedCompared).toBe(2);
        tf.dispose([x, unmasked, mask, masked]);
        layer.dispose();
      },
    );
  });
});
