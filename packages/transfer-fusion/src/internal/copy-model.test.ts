import * as tf from '@tensorflow/tfjs';
import { expectTensorsClose } from '@dl/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTransferModel } from '../models/transfer-model.js';
import { smallBase, toyData } from '../models/small-base.test-util.js';
import { copyModelWithPrefix } from './copy-model.js';
import { leafLayers } from './model-layers.js';
import { saveToMemory } from '../models/ensemble-members.test-util.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('copyModelWithPrefix', () => {
  it('copies a model with a nested model: same outputs, every layer renamed, nothing shared', () => {
    const original = createTransferModel({ base: smallBase(), head: { numClasses: 3, units: [5] }, freeze: { upTo: 'block1_pool' }, seed: 2 });
    const copy = copyModelWithPrefix(original, 'm1_', 'copy');
    const { x } = toyData(4, 3);
    expectTensorsClose(copy.predict(x) as tf.Tensor, original.predict(x) as tf.Tensor, { atol: 0 });
    const names = leafLayers(copy).map((layer) => layer.name);
    expect(names).toEqual(leafLayers(original).map((layer) => `m1_${layer.name}`));
    expect(copy.layers.map((layer) => layer.name)).toEqual(['m1_input', 'm1_base', 'm1_head_dense_1', 'm1_classifier']);
    const originalLayers = new Set(leafLayers(original));
    expect(leafLayers(copy).some((layer) => originalLayers.has(layer))).toBe(false);
    expect(copy.trainableWeights.map((w) => w.originalName)).toEqual(original.trainableWeights.map((w) => `m1_${w.originalName}`));
  });

  it('makes two copies of one model savable and loadable side by side', async () => {
    const base = smallBase();
    const input = tf.input({ shape: [8, 8, 1] });
    const [first, second] = ['a_', 'b_'].map((prefix) => copyModelWithPrefix(base, prefix, `${prefix}member`).apply(input) as tf.SymbolicTensor);
    const pair = tf.model({ inputs: input, outputs: tf.layers.average().apply([first!, second!]) as tf.SymbolicTensor });
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(await saveToMemory(pair)));
    const { x } = toyData(3, 3);
    expectTensorsClose(loaded.predict(x) as tf.Tensor, base.predict(x) as tf.Tensor, { atol: 1e-6 });
  });
});
