import * as tf from '@tensorflow/tfjs';
import { ShapeError, useBackend } from '@dl/core';
import { checkLayerGradients, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { softmaxRow } from '../ops/reference.test-util.js';
import { AdditiveAttention, additiveAttention } from './additive-attention.js';
import { expectSaveLoadRoundTrip, randomTensor, randomizeWeights } from './testing.test-util.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

/**
 * float64, from Keras's definition: scores[i][j] = Σ_d v_d tanh(q_id + k_jd); softmax over j
 * (mask on values); output = A · value, then output row i times queryMask[i]. Keys default to the values.
 */
function reference(
  q: number[][],
  value: number[][],
  scale: number[] | undefined,
  valueMask?: number[],
  key: number[][] = value,
  queryMask?: number[],
): { output: number[][]; weights: number[][] } {
  const weights = q.map((qi) =>
    softmaxRow(key.map((kj) => qi.reduce((s, qd, d) => s + (scale?.[d] ?? 1) * Math.tanh(qd + kj[d]!), 0)), valueMask),
  );
  const output = weights.map((a, i) => value[0]!.map((_, d) => (queryMask?.[i] ?? 1) * a.reduce((s, w, j) => s + w * value[j]![d]!, 0)));
  return { output, weights };
}

describe.each(['cpu', 'wasm'] as const)('AdditiveAttention on %s', (backend) => {
  it('has the symbolic output shapes', async () => {
    await useBackend(backend);
    const query = tf.input({ shape: [3, 4] });
    const value = tf.input({ shape: [5, 4] });
    expect((additiveAttention().apply([query, value]) as tf.SymbolicTensor).shape).toEqual([null, 3, 4]);
    const both = additiveAttention({ returnAttentionScores: true }).apply([query, value]) as tf.SymbolicTensor[];
    expect(both.map((t) => t.shape)).toEqual([[null, 3, 4], [null, 3, 5]]);
  });

  it('matches the float64 reference with a fixed scale, and respects a value padding mask', async () => {
    await useBackend(backend);
    const layer = new AdditiveAttention({ returnAttentionScores: true });
    const q = randomTensor([1, 2, 3], 1);
    const v = randomTensor([1, 4, 3], 2);
    layer.apply([q, v]);
    randomizeWeights(layer, 3);
    const scale = Array.from(layer.getWeights()[0]!.dataSync());
    const [output, weights] = layer.apply([q, v]) as tf.Tensor[];
    const expected = reference((q.arraySync() as number[][][])[0]!, (v.arraySync() as number[][][])[0]!, scale);
    expectTensorsClose(output!.squeeze([0]), expected.output, { rtol: 1e-5, atol: 1e-6 });
    expectTensorsClose(weights!.squeeze([0]), expected.weights, { rtol: 1e-5, atol: 1e-6 });
    const valueMask = tf.tensor2d([[1, 1, 0, 1]]);
    const [maskedOutput] = layer.call([q, v], { mask: [null, valueMask] } as never) as tf.Tensor[];
    const expectedMasked = reference((q.arraySync() as number[][][])[0]!, (v.arraySync() as number[][][])[0]!, scale, [1, 1, 0, 1]);
    expectTensorsClose(maskedOutput!.squeeze([0]), expectedMasked.output, { rtol: 1e-5, atol: 1e-6 });
    tf.dispose([q, v, output!, weights!, valueMask, maskedOutput!]);
  });

  it('scores against a separate key and sums the values, per batch entry with its own value mask', async () => {
    await useBackend(backend);
    const layer = new AdditiveAttention();
    const [q, v, k] = [randomTensor([2, 2, 3], 21), randomTensor([2, 4, 5], 22), randomTensor([2, 4, 3], 23)];
    layer.apply([q, v, k]);
    randomizeWeights(layer, 24);
    const scale = Array.from(layer.getWeights()[0]!.dataSync());
    const valueMask = tf.tensor2d([[1, 0, 1, 1], [0, 1, 1, 0]]);
    const output = layer.call([q, v, k], { mask: [null, valueMask] } as never) as tf.Tensor;
    const rows = (t: tf.Tensor, b: number) => (t.arraySync() as number[][][])[b]!;
    const masks = valueMask.arraySync() as number[][];
    for (let b = 0; b < 2; b++) {
      const expected = reference(rows(q, b), rows(v, b), scale, masks[b], rows(k, b));
      expectTensorsClose(output.slice([b, 0, 0], [1, -1, -1]).squeeze([0]), expected.output, { rtol: 1e-5, atol: 1e-6 });
    }
    tf.dispose([q, v, k, valueMask, output]);
    layer.dispose();
  });

  it('zeroes the output rows of padded queries (Keras multiplies by the query mask) and passes the query mask on', async () => {
    await useBackend(backend);
    const layer = new AdditiveAttention({ returnAttentionScores: true });
    const [q, v] = [randomTensor([2, 3, 4], 31), randomTensor([2, 5, 4], 32)];
    layer.apply([q, v]);
    randomizeWeights(layer, 33);
    const scale = Array.from(layer.getWeights()[0]!.dataSync());
    const queryMask = tf.tensor2d([[1, 0, 1], [1, 1, 0]]);
    const valueMask = tf.tensor2d([[1, 1, 1, 0, 0], [1, 0, 1, 1, 1]]);
    const [output, weights] = layer.call([q, v], { mask: [queryMask, valueMask] } as never) as tf.Tensor[];
    const rows = (t: tf.Tensor, b: number) => (t.arraySync() as number[][][])[b]!;
    for (let b = 0; b < 2; b++) {
      const masks = [(queryMask.arraySync() as number[][])[b]!, (valueMask.arraySync() as number[][])[b]!];
      const expected = reference(rows(q, b), rows(v, b), scale, masks[1], rows(v, b), masks[0]);
      expectTensorsClose(tf.tensor(rows(output!, b)), expected.output, { rtol: 1e-5, atol: 1e-6 });
      expectTensorsClose(tf.tensor(rows(weights!, b)), expected.weights, { rtol: 1e-5, atol: 1e-6 });
    }
    expect((output!.arraySync() as number[][][])[0]![1]!.every((x) => x === 0)).toBe(true);
    const passed = layer.computeMask([q, v], [queryMask, valueMask]) as tf.Tensor[];
    expect(passed[0]).toBe(queryMask);

    tf.dispose([q, v, queryMask, valueMask, output!, weights!]);
  });

  it('uses Embedding({ maskZero }) masks in model.predict: padded query rows are zero; self-attention also masks the values', async () => {
    await useBackend(backend);
    const queryIds = tf.input({ shape: [4], dtype: 'int32' });
    const valueIds = tf.input({ shape: [3], dtype: 'int32' });
    const embed = tf.layers.embedding({ inputDim: 6, outputDim: 2, maskZero: true });
    const [queries, values] = [embed.apply(queryIds), embed.apply(valueIds)] as tf.SymbolicTensor[];
    const cross = tf.model({ inputs: [queryIds, valueIds], outputs: new AdditiveAttention({ useScale: false }).apply([queries!, values!]) as tf.SymbolicTensor });
    const self = tf.model({ inputs: queryIds, outputs: new AdditiveAttention({ useScale: false }).apply([queries!, queries!]) as tf.SymbolicTensor });
    const table = embed.getWeights()[0]!.arraySync() as number[][];
    const [qIds, vIds] = [[3, 0, 2, 0], [1, 5, 4]];
    const [qTensor, vTensor] = [tf.tensor2d([qIds], undefined, 'int32'), tf.tensor2d([vIds], undefined, 'int32')];
    const embedded = (ids: number[]) => ids.map((id) => table[id]!);
    const crossOut = cross.predict([qTensor, vTensor]) as tf.Tensor;
    expectTensorsClose(crossOut.squeeze([0]), reference(embedded(qIds), embedded(vIds), undefined, undefined, undefined, [1, 0, 1, 0]).output, { rtol: 1e-5, atol: 1e-6 });
    const selfOut = self.predict(qTensor) as tf.Tensor;
    expectTensorsClose(selfOut.squeeze([0]), reference(embedded(qIds), embedded(qIds), undefined, [1, 0, 1, 0], undefined, [1, 0, 1, 0]).output, { rtol: 1e-5, atol: 1e-6 });
    tf.dispose([qTensor, vTensor, crossOut, selfOut]);
    cross.dispose();
    self.dispose();
  });

  it('rejects mismatched shapes, passes a gradient check and round-trips through save/load', async () => {
    await useBackend(backend);
    expect(() => additiveAttention().apply(tf.input({ shape: [3, 4] }))).toThrow(ShapeError);
    expect(() => additiveAttention().apply([tf.input({ shape: [3, 4] }), tf.input({ shape: [5, 6] })])).toThrow(ShapeError);
    const layer = new AdditiveAttention();
    const q = randomTensor([2, 2, 3], 4);
    const v = randomTensor([2, 3, 3], 5);
    layer.apply([q, v]);
    randomizeWeights(layer, 6);
    expect(Object.keys(checkLayerGradients(layer, [q, v]).perTensor)).toEqual(['input 0', 'input 1', layer.trainableWeights[0]!.name]);
    const query = tf.input({ shape: [2, 3] });
    const value = tf.input({ shape: [3, 3] });
    const model = tf.model({ inputs: [query, value], outputs: additiveAttention().apply([query, value]) as tf.SymbolicTensor });
    const loaded = await expectSaveLoadRoundTrip(model, [q, v]);
    expect(loaded.layers[2]).toBeInstanceOf(AdditiveAttention);
    tf.dispose([q, v]);
    model.dispose();
    loaded.dispose();
  });
});
