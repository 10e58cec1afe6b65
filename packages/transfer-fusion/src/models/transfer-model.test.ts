import * as tf from '@tensorflow/tfjs';
import { ConfigError, ShapeError, withSeededRandom } from '@dl/core';
import { catchConfigError, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { freezeBatchNorm } from '../training/freeze-batch-norm.js';
import { createTransferModel } from './transfer-model.js';
import { smallBase, toyData, weightValues } from './small-base.test-util.js';
import { saveToMemory } from './ensemble-members.test-util.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const fitQuietly = (model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor, epochs = 2) =>
  withSeededRandom(5, () => model.fit(x, y, { epochs, batchSize: 8, verbose: 0 }));

describe('createTransferModel', () => {
  it('replaces the head: input → base (cut before its own classifier) → a new classifier', () => {
    const base = smallBase();
    const model = createTransferModel({ base, head: { numClasses: 5 }, seed: 2 });
    expect(model.layers.map((layer) => layer.name)).toEqual(['input', 'base', 'classifier']);
    const nested = model.getLayer('base') as tf.LayersModel;
    expect(nested.outputs[0]!.shape).toEqual([null, 8]); // the dense layer's 8 features, through 'dropout'
    expect(nested.layers.map((layer) => layer.name)).not.toContain('classifier');
    expect(model.outputs[0]!.shape).toEqual([null, 5]);
    // The kept layers are the base's own (shared weights), the old head is gone.
    expect(nested.getLayer('dense')).toBe(base.getLayer('dense'));
  });

  it('gives the base penultimate features to the head: the new logits are features · W + b', () => {
    const base = smallBase();
    const model = createTransferModel({ base, head: { numClasses: 4 }, seed: 2 });
    const features = tf.model({ inputs: base.inputs, outputs: base.getLayer('dropout').output as tf.SymbolicTensor });
    const { x } = toyData(6, 4);
    const f = features.predict(x) as tf.Tensor2D;
    const [kernel, bias] = model.getLayer('classifier').getWeights() as [tf.Tensor2D, tf.Tensor1D];
    // Reference in float64 from the definition of the head: softmax(f W + b).
    const fv = f.arraySync(), w = kernel.arraySync(), b = bias.arraySync();
    const expected = fv.map((row) => {
      const logits = b.map((bj, j) => bj + row.reduce((sum, fi, i) => sum + fi * w[i]![j]!, 0));
      const max = Math.max(...logits);
      const exps = logits.map((l) => Math.exp(l - max));
      const total = exps.reduce((s, e) => s + e, 0);
      return exps.map((e) => e / total);
    });
    expectTensorsClose(model.predict(x) as tf.Tensor, tf.tensor2d(expected), { atol: 1e-6 });
  });

  it('keeps a frozen base exactly as it was while the head trains (BatchNorm statistics included)', async () => {
    const base = smallBase();
    const model = createTransferModel({ base, head: { numClasses: 3, units: [6], dropout: 0.2 }, seed: 2 });
    const before = weightValues(model);
    const { x, y } = toyData(32, 3);
    await fitQuietly(model, x, y);
    const after = weightValues(model);
    const changed = [...before.keys()].filter((name) => !tf.util.arraysEqual(before.get(name)!, after.get(name)!));
    expect(changed.sort()).toEqual(['classifier/bias', 'classifier/kernel', 'head_dense_1/bias', 'head_dense_1/kernel']);
    expect(model.trainableWeights.map((w) => w.originalName).sort()).toEqual(changed.sort());
  });

  it("would let tfjs's own trainable = false change the BatchNorm statistics (why freezeBatchNorm exists)", async () => {
    const base = smallBase();
    base.layers.forEach((layer) => {
      layer.trainable = layer.name === 'classifier'; // tfjs refuses to fit with nothing to train
    });
    base.compile({ optimizer: tf.train.sgd(0.1), loss: 'sparseCategoricalCrossentropy' });
    const movingMean = () => base.getLayer('block1_conv1_bn').getWeights()[2]!.dataSync().slice();
    const before = movingMean();
    const { x, y } = toyData(16, 3);
    await fitQuietly(base, x, y, 1);
    expect(tf.util.arraysEqual(before, movingMean())).toBe(false);
    freezeBatchNorm(base);
    const frozen = movingMean();
    await fitQuietly(base, x, y, 1);
    expect(Array.from(movingMean())).toEqual(Array.from(frozen));
  });

  it("freezes up to a named layer with freeze: { upTo }, nothing but BatchNorm with 'none'", () => {
    const upTo = createTransferModel({ base: smallBase(), freeze: { upTo: 'block1_pool' }, head: { numClasses: 3 } });
    expect(upTo.trainableWeights.map((w) => w.originalName).sort()).toEqual(['classifier/bias', 'classifier/kernel', 'dense/bias', 'dense/kernel']);
    const none = createTransferModel({ base: smallBase(), freeze: 'none', head: { numClasses: 3 } });
    expect(none.trainableWeights.map((w) => w.originalName).sort()).toEqual(['block1_conv1/kernel', 'classifier/bias', 'classifier/kernel', 'dense/bias', 'dense/kernel']);
  });

  it('cuts at a conv layer and pools its map: average, max or flatten', () => {
    const base = smallBase();
    const { x } = toyData(3, 3);
    const map = tf.model({ inputs: base.inputs, outputs: base.getLayer('block1_pool').output as tf.SymbolicTensor }).predict(x) as tf.Tensor4D; // [3, 4, 4, 4]
    const expected = { average: map.mean([1, 2]), max: map.max([1, 2]), flatten: map.reshape([3, 64]) };
    for (const pooling of ['average', 'max', 'flatten'] as const) {
      const model = createTransferModel({ base, cutAt: 'block1_pool', pooling, head: { numClasses: 3 }, compile: false });
      const features = tf.model({ inputs: model.inputs, outputs: model.getLayer('classifier').input as tf.SymbolicTensor });
      expectTensorsClose(features.predict(x) as tf.Tensor, expected[pooling], { atol: 1e-6 });
    }
  });

  it('preprocesses new inputs: scale and offset, then a resize to the base size, then gray into each channel', () => {
    const input = tf.input({ shape: [6, 6, 3] });
    const pooled = tf.layers.globalAveragePooling2d({}).apply(input) as tf.SymbolicTensor;
    const rgbBase = tf.model({ inputs: input, outputs: tf.layers.dense({ units: 2 }).apply(pooled) as tf.SymbolicTensor });
    const model = createTransferModel({ base: rgbBase, preprocess: { inputShape: [3, 3, 1], scale: 1 / 255, offset: -0.5 }, head: { numClasses: 3 }, compile: false });
    expect(model.layers.map((layer) => layer.name)).toEqual(['input', 'preprocess_rescaling', 'preprocess_resizing', 'preprocess_channels', 'base', 'classifier']);
    const bytes = tf.tensor4d(Array.from({ length: 9 }, (_, i) => i * 30), [1, 3, 3, 1]);
    const seen = tf.model({ inputs: model.inputs, outputs: model.getLayer('preprocess_channels').output as tf.SymbolicTensor }).predict(bytes) as tf.Tensor;
    expect(seen.shape).toEqual([1, 6, 6, 3]);
    const data = seen.arraySync() as number[][][][];
    // A 2× half-pixel bilinear resize keeps the corner pixels' values; rescaled: v/255 − 0.5, in every channel.
    for (const [row, col, value] of [[0, 0, 0], [0, 5, 60], [5, 0, 180], [5, 5, 240]] as const) {
      for (const channel of data[0]![row]![col]!) expect(channel).toBeCloseTo(value / 255 - 0.5, 6);
    }
    const twoChannels = () => createTransferModel({ base: rgbBase, preprocess: { inputShape: [6, 6, 2] }, head: { numClasses: 3 } });
    expect(twoChannels).toThrow(ShapeError);
  });

  it('round-trips through save and load with the same predictions', async () => {
    const model = createTransferModel({ base: smallBase(), head: { numClasses: 3, units: [4] }, seed: 2 });
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(await saveToMemory(model)));
    const { x } = toyData(4, 3);
    expectTensorsClose(loaded.predict(x) as tf.Tensor, model.predict(x) as tf.Tensor, { atol: 0 });
    expect(freezeBatchNorm(loaded)).toBe(1);
  });

  it('predicts without leaking tensors', async () => {
    const model = createTransferModel({ base: smallBase(), head: { numClasses: 3 } });
    const { x } = toyData(4, 3);
    await expectNoTensorLeaks(() => {
      (model.predict(x) as tf.Tensor).dispose();
    });
  });

  it('rejects bad options with a ConfigError naming the field, before building anything', () => {
    const base = smallBase();
    const layersBefore = tf.memory().numTensors;
    expect(catchConfigError(() => createTransferModel({ base, head: { numClasses: 3 }, cutat: 'dense' } as never)).path).toBe('cutat');
    const unknownLayer = catchConfigError(() => createTransferModel({ base, cutAt: 'dens', head: { numClasses: 3 } }));
    expect(unknownLayer.path).toBe('cutAt');
    expect(unknownLayer.message).toContain("did you mean 'dense'");
    expect(catchConfigError(() => createTransferModel({ base, freeze: { upTo: 'block1_pol' }, head: { numClasses: 3 } })).path).toBe('freeze.upTo');
    expect(catchConfigError(() => createTransferModel({ base, freeze: 'some' as never, head: { numClasses: 3 } })).path).toBe('freeze');
    expect(catchConfigError(() => createTransferModel({ base, head: { numClasses: 1 } })).path).toBe('head.numClasses');
    expect(catchConfigError(() => createTransferModel({ base, head: { numClasses: 3, unit: [4] } as never })).path).toBe('head.unit');
    expect(catchConfigError(() => createTransferModel({ base: {} as tf.LayersModel, head: { numClasses: 3 } })).path).toBe('base');
    expect(tf.memory().numTensors).toBe(layersBefore);
    const a = tf.input({ shape: [2] });
    const b = tf.input({ shape: [2] });
    const twoInputs = tf.model({ inputs: [a, b], outputs: tf.layers.add().apply([a, b]) as tf.SymbolicTensor });
    expect(() => createTransferModel({ base: twoInputs, head: { numClasses: 3 } })).toThrow(ConfigError);
  });
});
