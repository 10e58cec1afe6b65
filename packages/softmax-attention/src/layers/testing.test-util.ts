import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadModel, saveModel } from '@dl/core/node';
import { expectTensorsClose } from '@dl/core/testing';
import { createSeededRandom } from '@dl/core';
import { softmaxRow } from '../ops/reference.test-util.js';

/** A tensor of seeded uniform values in [-scale, scale]. */
export function randomTensor(shape: number[], seed: number, scale = 1): tf.Tensor {
  const random = createSeededRandom(seed);
  return tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => (random.next() * 2 - 1) * scale), shape);
}

/** Sets every weight of a layer to seeded random values (so biases are not all zero). */
export function randomizeWeights(layer: tf.layers.Layer, seed: number, scale = 0.5): void {
  layer.setWeights(layer.getWeights().map((w, i) => randomTensor(w.shape, seed + i, scale)));
}

/** Saves a model to a temp dir with @dl/core/node, loads it back, and checks identical predictions. */
export async function expectSaveLoadRoundTrip(model: tf.LayersModel, inputs: tf.Tensor | tf.Tensor[]): Promise<tf.LayersModel> {
  const dir = await mkdtemp(join(tmpdir(), 'dl-sa-'));
  try {
    await saveModel(model, dir);
    const loaded = await loadModel(dir);
    const expected = model.predict(inputs) as tf.Tensor;
    const actual = loaded.predict(inputs) as tf.Tensor;
    expectTensorsClose(actual, expected, { rtol: 0, atol: 0 });
    tf.dispose([expected, actual]);
    return loaded;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Weights as nested float64 arrays (for references). */
export function weightArrays(layer: tf.layers.Layer): number[][] {
  return layer.getWeights().map((w) => Array.from(w.dataSync()));
}

/**
 * float64 multi-head attention with Keras's weight layout, one batch entry. mask[i][j] = 1 to
 * attend. Keys are projected from `key` (default: the value, as Keras does when none is given).
 */
export function multiHeadAttentionReference(
  query: number[][],
  value: number[][],
  w: number[][],
  sizes: { heads: number; keyDim: number; valueDim: number; outputDim: number },
  mask?: number[][],
  key: number[][] = value,
): number[][] {
  const [wq, bq, wk, bk, wv, bv, wo, bo] = w as [number[], number[], number[], number[], number[], number[], number[], number[]];
  const { heads: H, keyDim: K, valueDim: V, outputDim: O } = sizes;
  const project = (x: number[][], kernel: number[], bias: number[], size: number) =>
    x.map((row) => Array.from({ length: H * size }, (_, hk) => row.reduce((s, xv, d) => s + xv * kernel[d * H * size + hk]!, bias[hk]!)));
  const q = project(query, wq, bq, K);
  const k = project(key, wk, bk, K);
  const v = project(value, wv, bv, V);
  return query.map((_, i) => {
    const out = Array.from({ length: O }, (_, o) => bo[o]!);
    for (let h = 0; h < H; h++) {
      const scores = value.map((__, j) => {
        let dot = 0;
        for (let d = 0; d < K; d++) dot += q[i]![h * K + d]! * k[j]![h * K + d]!;
        return dot / Math.sqrt(K);
      });
      const weights = softmaxRow(scores, mask?.[i]);
      for (let d = 0; d < V; d++) {
        const context = weights.reduce((s, a, j) => s + a * v[j]![h * V + d]!, 0);
        for (let o = 0; o < O; o++) out[o]! += context * wo[(h * V + d) * O + o]!;
      }
    }
    return out;
  });
}

