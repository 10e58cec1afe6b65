import * as tf from '@tensorflow/tfjs';
import { withSeededRandom } from '@dl/core';
import { createConvClassifier, createSingleObjectDetector } from '@dl/conv';
import { createDcgan, createVae } from '@dl/generative';
import { createRecurrentClassifier, gru, lstm } from '@dl/recurrent';
import { createAttentionTextClassifier, MultiHeadAttention, scaledDotProductAttention, softmax } from '@dl/softmax-attention';
import { averageEnsemble, branchAttention, createTransferModel } from '@dl/transfer-fusion';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerNodeWebGpu } from './node-webgpu.js';
import { expectParity, onCpuAndWebGpu } from './parity.js';

beforeAll(async () => {
  expect((await registerNodeWebGpu()).backend).toBe('webgpu');
});

const read = async (t: tf.Tensor): Promise<number[]> => Array.from(await t.data());
/** Losses of `epochs` epochs of `model.fit` without shuffling, dropout masks from a seeded `Math.random`. */
const fitLosses = (model: tf.LayersModel, x: tf.Tensor | tf.Tensor[], y: tf.Tensor | tf.Tensor[], epochs = 2) =>
  withSeededRandom(1, async () => (await model.fit(x, y, { epochs, batchSize: 8, shuffle: false, verbose: 0 })).history.loss as number[]);

describe('@dl/softmax-attention on webgpu', () => {
  it('masked softmax, attention and their gradients match cpu', async () => {
    expectParity(
      await onCpuAndWebGpu(async () => {
        const x = tf.randomNormal([2, 3, 5], 0, 3, 'float32', 1);
        const mask = tf.tensor3d([[[1, 1, 1, 0, 0]], [[1, 1, 1, 1, 1]]]).tile([1, 3, 1]);
        const [q, k, v] = [2, 3, 4].map((seed) => tf.randomNormal([2, 4, 8], 0, 1, 'float32', seed));
        const dq = tf.grad((query: tf.Tensor) => scaledDotProductAttention(query, k!, v!, { causal: true }).output.square().sum())(q!);
        return { softmax: await read(softmax(x, { mask })), attention: await read(scaledDotProductAttention(q!, k!, v!, { causal: true }).output), dq: await read(dq) };
      }),
    );
  });

  it('MultiHeadAttention and the attention classifier (training) match cpu', async () => {
    expectParity(
      await onCpuAndWebGpu(async () => {
        const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 4, kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }) });
        const x = tf.randomNormal([2, 5, 8], 0, 1, 'float32', 6);
        const model = createAttentionTextClassifier({ vocabularySize: 30, sequenceLength: 8, seed: 1 });
        const tokens = tf.tensor2d(Array.from({ length: 16 * 8 }, (_, i) => (i * 7) % 30), [16, 8], 'int32');
        const labels = tf.tensor2d(Array.from({ length: 16 }, (_, i) => i % 2), [16, 1]);
        return { attention: await read(layer.apply([x, x]) as tf.Tensor), losses: await fitLosses(model, tokens, labels) };
      }),
    );
  });
});

describe('@dl/conv on webgpu', () => {
  it('the classifier and the detector train with the same losses as cpu', async () => {
    expectParity(
      await onCpuAndWebGpu(async () => {
        const images = tf.randomUniform([16, 16, 16, 1], 0, 1, 'float32', 7);
        const classifier = createConvClassifier({ inputShape: [16, 16, 1], numClasses: 3, seed: 1 });
        const classes = tf.tensor1d(Array.from({ length: 16 }, (_, i) => i % 3));
        const detector = createSingleObjectDetector({ inputShape: [16, 16, 1], numClasses: 3, seed: 1 });
        const boxes = tf.tensor2d(Array.from({ length: 16 }, (_, i) => [0.1, 0.1 + (i % 4) * 0.05, 0.6, 0.7]));
        return { classifier: await fitLosses(classifier, images, classes), detector: await fitLosses(detector, images, [classes, boxes]) };
      }),
      { atol: 2e-4, rtol: 2e-3 },
    );
  });
});

describe('@dl/generative on webgpu', () => {
  it('VAE and DCGAN training steps match cpu', async () => {
    expectParity(
      await onCpuAndWebGpu(async () => {
        const images = tf.randomUniform([16, 28, 28, 1], 0, 1, 'float32', 8) as tf.Tensor4D;
        const vae = createVae({ latentDim: 2, imageShape: [28, 28, 1], seed: 1 });
        const vaeHistory = await vae.train(images, { epochs: 1, batchSize: 8, shuffle: false, seed: 1 });
        const gan = createDcgan({ imageShape: [28, 28, 1], seed: 1 });
        const ganHistory = await gan.train(images.mul(2).sub(1) as tf.Tensor4D, { epochs: 1, batchSize: 8, shuffle: false, seed: 1 });
        const values = { vae: vaeHistory.history.loss as number[], dLoss: ganHistory.history.dLoss as number[], gLoss: ganHistory.history.gLoss as number[] };
        vae.dispose();
        gan.dispose();
        return values;
      }),
      { atol: 1e-3, rtol: 2e-3 },
    );
  });
});

describe('@dl/transfer-fusion on webgpu', () => {
  it('a transfer model trains (frozen base, BatchNorm in inference mode), an ensemble and BranchAttention predict as on cpu', async () => {
    expectParity(
      await onCpuAndWebGpu(async () => {
        const images = tf.randomUniform([16, 16, 16, 1], 0, 1, 'float32', 9);
        const base = createConvClassifier({ inputShape: [16, 16, 1], numClasses: 3, seed: 2 });
        const transfer = createTransferModel({ base, cutAt: 'flatten', head: { numClasses: 2 }, seed: 3 });
        const labels = tf.tensor1d(Array.from({ length: 16 }, (_, i) => i % 2));
        const ensemble = averageEnsemble([base, createConvClassifier({ inputShape: [16, 16, 1], numClasses: 3, seed: 4 })]);
        const fuse = branchAttention({ units: 4, kernelInitializer: tf.initializers.glorotUniform({ seed: 10 }) });
        const branches = [11, 12].map((seed) => tf.randomNormal([4, 6], 0, 1, 'float32', seed));
        return { losses: await fitLosses(transfer, images, labels), ensemble: await read(ensemble.predict(images) as tf.Tensor), fused: await read(fuse.apply(branches) as tf.Tensor) };
      }),
    );
  });
});

describe('@dl/recurrent on webgpu', () => {
  it('LSTM and GRU layers and the classifier match cpu', async () => {
    expectParity(
      await onCpuAndWebGpu(async () => {
        const x = tf.randomNormal([4, 6, 3], 0, 1, 'float32', 13);
        const lstmLayer = lstm({ units: 5, returnSequences: true, kernelInitializer: tf.initializers.glorotUniform({ seed: 14 }), recurrentInitializer: tf.initializers.orthogonal({ seed: 15 }) });
        const gruLayer = gru({ units: 5, kernelInitializer: tf.initializers.glorotUniform({ seed: 16 }), recurrentInitializer: tf.initializers.orthogonal({ seed: 17 }) });
        const model = createRecurrentClassifier({ vocabularySize: 30, sequenceLength: 8, seed: 1 });
        const tokens = tf.tensor2d(Array.from({ length: 16 * 8 }, (_, i) => (i * 5) % 30), [16, 8], 'int32');
        const labels = tf.tensor2d(Array.from({ length: 16 }, (_, i) => i % 2), [16, 1]);
        return { lstm: await read(lstmLayer.apply(x) as tf.Tensor), gru: await read(gruLayer.apply(x) as tf.Tensor), losses: await fitLosses(model, tokens, labels) };
      }),
    );
  });
});
