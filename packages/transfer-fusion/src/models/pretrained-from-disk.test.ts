import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { withSeededRandom } from '@dl/core';
import { loadModel, saveModel } from '@dl/core/node';
import { expectTensorsClose } from '@dl/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransferModel } from './transfer-model.js';
import { weightValues } from './small-base.test-util.js';

let dir = '';
beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = await mkdtemp(join(tmpdir(), 'dl-pretrained-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A MobileNet v1 in miniature, with its layer names: conv → depthwise → pointwise blocks, BatchNorm and ReLU6, global pooling, softmax. */
function tinyMobileNet(): tf.LayersModel {
  const input = tf.input({ shape: [32, 32, 3], name: 'input_1' });
  const block = (x: tf.SymbolicTensor, name: string, layer: tf.layers.Layer): tf.SymbolicTensor => {
    const y = layer.apply(x) as tf.SymbolicTensor;
    const normalized = tf.layers.batchNormalization({ name: `${name}_bn` }).apply(y) as tf.SymbolicTensor;
    return tf.layers.reLU({ maxValue: 6, name: `${name}_relu` }).apply(normalized) as tf.SymbolicTensor;
  };
  let x = block(input, 'conv1', tf.layers.conv2d({ filters: 8, kernelSize: 3, strides: 2, padding: 'same', useBias: false, name: 'conv1', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }));
  x = block(x, 'conv_dw_1', tf.layers.depthwiseConv2d({ kernelSize: 3, padding: 'same', useBias: false, name: 'conv_dw_1', depthwiseInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
  x = block(x, 'conv_pw_1', tf.layers.conv2d({ filters: 16, kernelSize: 1, useBias: false, name: 'conv_pw_1', kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }));
  const pooled = tf.layers.globalAveragePooling2d({ name: 'global_average_pooling2d_1' }).apply(x) as tf.SymbolicTensor;
  const output = tf.layers.dense({ units: 4, activation: 'softmax', name: 'conv_preds', kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }) }).apply(pooled) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output, name: 'mobilenet_mini' });
}

describe('a pretrained network loaded from disk as the base (the README path)', () => {
  it('loads with @dl/core/node, preprocesses gray 28×28 bytes to its 32×32×3 [-1, 1] input, and trains only the new head', async () => {
    const pretrained = tinyMobileNet();
    pretrained.compile({ optimizer: tf.train.adam(0.01), loss: 'sparseCategoricalCrossentropy' });
    const images = tf.randomUniform([32, 32, 32, 3], -1, 1, 'float32', 5);
    const labels = tf.tensor1d(Array.from({ length: 32 }, (_, i) => i % 4));
    await withSeededRandom(1, () => pretrained.fit(images, labels, { epochs: 2, batchSize: 8, verbose: 0 })); // moves the BatchNorm statistics off their initial values
    await saveModel(pretrained, join(dir, 'mobilenet_mini'));

    const base = await loadModel(join(dir, 'mobilenet_mini'));
    const model = createTransferModel({ base, cutAt: 'conv_pw_1_relu', preprocess: { inputShape: [28, 28, 1], scale: 1 / 127.5, offset: -1 }, head: { numClasses: 3 }, seed: 1 });
    expect(model.inputs[0]!.shape).toEqual([null, 28, 28, 1]);

    // The features the head sees, from the definition: bytes/127.5 − 1, resized (half-pixel bilinear), gray into 3 channels, the base up to conv_pw_1_relu, mean over positions.
    const bytes = tf.randomUniform([5, 28, 28, 1], 0, 255, 'float32', 6);
    const prepared = tf.tile(tf.image.resizeBilinear(bytes.div(127.5).sub(1) as tf.Tensor4D, [32, 32], false, true), [1, 1, 1, 3]);
    const cut = tf.model({ inputs: base.inputs, outputs: base.getLayer('conv_pw_1_relu').output as tf.SymbolicTensor });
    const expected = (cut.predict(prepared) as tf.Tensor4D).mean([1, 2]);
    const seen = tf.model({ inputs: model.inputs, outputs: model.getLayer('pooling').output as tf.SymbolicTensor }).predict(bytes) as tf.Tensor;
    expectTensorsClose(seen, expected, { atol: 1e-5 });

    const before = weightValues(model);
    await withSeededRandom(2, () => model.fit(bytes, tf.tensor1d([0, 1, 2, 0, 1]), { epochs: 2, batchSize: 5, verbose: 0 }));
    const after = weightValues(model);
    const changed = [...before.keys()].filter((name) => !tf.util.arraysEqual(before.get(name)!, after.get(name)!)).sort();
    expect(changed).toEqual(['classifier/bias', 'classifier/kernel']);
  });
});
