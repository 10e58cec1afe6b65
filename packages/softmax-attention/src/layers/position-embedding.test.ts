import * as tf from '@tensorflow/tfjs';
import { ShapeError, useBackend } from '@dl/core';
import { checkLayerGradients, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { PositionEmbedding, positionEmbedding } from './position-embedding.js';
import { expectSaveLoadRoundTrip, randomTensor, randomizeWeights } from './testing.test-util.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

/**
 * float64, from keras_hub's definition: row p of the output for a table E [L, D] is E[p] when
 * p < L, else α·u[⌊p/L⌋] + (1−α)·u[p mod L] with u = (E − α·E[0]) / (1−α).
 */
function positionsReference(table: number[][], time: number, alpha: number): number[][] {
  const length = table.length;
  if (time <= length) return table.slice(0, time);
  const u = table.map((row) => row.map((x, d) => (x - alpha * table[0]![d]!) / (1 - alpha)));
  return Array.from({ length: time }, (_, p) => u[0]!.map((__, d) => alpha * u[Math.floor(p / length)]![d]! + (1 - alpha) * u[p % length]![d]!));
}

describe.each(['cpu', 'wasm'] as const)('PositionEmbedding on %s', (backend) => {
  it('outputs the position table broadcast to the input shape, whatever the input values', async () => {
    await useBackend(backend);
    const layer = new PositionEmbedding({ sequenceLength: 5 });
    expect((layer.apply(tf.input({ shape: [5, 3] })) as tf.SymbolicTensor).shape).toEqual([null, 5, 3]);
    randomizeWeights(layer, 1);
    const table = layer.getWeights()[0]!.arraySync() as number[][];
    expect(layer.weights.map((w) => w.originalName)).toEqual([`${layer.name}/embeddings`]);
    for (const [time, seed] of [[5, 2], [3, 3]] as const) {
      const x = randomTensor([2, time, 3], seed);
      const out = layer.apply(x) as tf.Tensor;
      const rows = positionsReference(table, time, 0.4);
      expectTensorsClose(out, [rows, rows], { rtol: 0, atol: 0 });
      tf.dispose([x, out]);
    }
  });

  it("follows keras_hub's hierarchical rule past sequenceLength (up to sequenceLength²), with its alpha", async () => {
    await useBackend(backend);
    const layer = positionEmbedding({ sequenceLength: 3, hierarchicalAlpha: 0.25 });
    const x = tf.zeros([1, 8, 2]);
    layer.apply(x);
    randomizeWeights(layer, 4);
    const table = layer.getWeights()[0]!.arraySync() as number[][];
    const out = layer.apply(x) as tf.Tensor;
    expectTensorsClose(out.squeeze([0]), positionsReference(table, 8, 0.25), { rtol: 1e-5, atol: 1e-6 });
    expect(() => layer.apply(tf.zeros([1, 10, 2]))).toThrow(ShapeError);
    tf.dispose([x, out]);
  });

  it('adds to token embeddings as in the documented example, and passes the incoming mask on', async () => {
    await useBackend(backend);
    const ids = tf.input({ shape: [4], dtype: 'int32' });
    const embed = tf.layers.embedding({ inputDim: 7, outputDim: 3 });
    const positions = positionEmbedding({ sequenceLength: 6 });
    const tokens = embed.apply(ids) as tf.SymbolicTensor;
    const model = tf.model({ inputs: ids, outputs: tf.layers.add().apply([tokens, positions.apply(tokens) as tf.SymbolicTensor]) as tf.SymbolicTensor });
    randomizeWeights(positions, 5);
    const [tokenTable, positionTable] = [embed, positions].map((l) => l.getWeights()[0]!.arraySync() as number[][]);
    const batch = [[1, 6, 0, 2], [3, 3, 5, 4]];
    const input = tf.tensor2d(batch, undefined, 'int32');
    const out = model.predict(input) as tf.Tensor;
    expectTensorsClose(out, batch.map((row) => row.map((id, t) => tokenTable![id]!.map((e, d) => e + positionTable![t]![d]!))), { rtol: 1e-6, atol: 1e-7 });
    const mask = tf.tensor2d([[1, 0, 1]]);
    expect(positions.computeMask(tf.zeros([1, 3, 3]), mask)).toBe(mask);
    tf.dispose([input, out, mask]);
    model.dispose();
  });

  it('rejects inputs that are not [batch, time, features] or change the features size, checks gradients and round-trips', async () => {
    await useBackend(backend);
    expect(() => positionEmbedding({ sequenceLength: 4 }).apply(tf.input({ shape: [4] }))).toThrow(ShapeError);
    expect(() => positionEmbedding({ sequenceLength: 4 }).apply(tf.input({ shape: [4, null] as unknown as number[] }))).toThrow(ShapeError);
    const layer = positionEmbedding({ sequenceLength: 4 });
    const x = randomTensor([2, 4, 3], 6);
    layer.apply(x);
    expect(() => layer.apply(tf.zeros([2, 4, 5]))).toThrow(ShapeError);
    // The output does not depend on the input's values: check the table only.
    const report = checkLayerGradients(layer, x, { checkInputs: false });
    expect(Object.keys(report.perTensor)).toEqual([layer.trainableWeights[0]!.name]);
    const input = tf.input({ shape: [4, 3] });
    const model = tf.model({ inputs: input, outputs: positionEmbedding({ sequenceLength: 4, hierarchicalAlpha: 0.3 }).apply(input) as tf.SymbolicTensor });
    const loaded = await expectSaveLoadRoundTrip(model, x);
    expect(loaded.layers[1]).toBeInstanceOf(PositionEmbedding);
    expect(loaded.layers[1]!.getConfig()).toMatchObject({ sequenceLength: 4, hierarchicalAlpha: 0.3 });
    tf.dispose(x);
    model.dispose();
    loaded.dispose();
  });
});
