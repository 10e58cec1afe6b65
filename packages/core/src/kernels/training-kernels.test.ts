import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../backend/use-backend.js';
import { createSeededRandom } from '../random/seeded-random.js';
import { withSeededRandom } from '../random/with-seeded-random.js';
import { checkGradients } from '../testing/check-gradients.js';
import { expectNoTensorLeaks } from '../testing/expect-no-tensor-leaks.js';
import { expectTensorsClose } from '../testing/expect-tensors-close.js';
import { conv2dBackpropFilterKernel } from './conv2d-backprop-filter.js';
import { conv2dBackpropInputKernel } from './conv2d-backprop-input.js';
import { maxPoolGradKernel } from './max-pool-grad.js';
import { unsortedSegmentSumKernel } from './unsorted-segment-sum.js';
import { conv2dFilterGradReference, conv2dInputGradReference, maxPoolGradReference, outputSize, segmentSumReference, tfjsPad, type ConvCase, type Padding } from './reference.test-util.js';

const backends = ['wasm', 'cpu'] as const;

beforeAll(async () => {
  for (const backend of backends) await useBackend(backend);
});

afterAll(async () => {
  await tf.setBackend('cpu');
});

function filterGrad(x: tf.Tensor4D, dy: tf.Tensor4D, filterShape: number[], strides: number | readonly [number, number], pad: Padding): tf.Tensor {
  return tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { strides: typeof strides === 'number' ? strides : [...strides], pad: tfjsPad(pad), dataFormat: 'NHWC', filterShape }) as tf.Tensor;
}

function randomValues(count: number, seed: number): Float32Array {
  const random = createSeededRandom(seed);
  return Float32Array.from({ length: count }, () => random.next() * 2 - 1);
}

const convCases: ConvCase[] = [
  { batch: 2, height: 7, width: 6, inChannels: 3, outChannels: 4, kernel: [3, 3], stride: [1, 1], pad: 'valid' },
  { batch: 2, height: 7, width: 6, inChannels: 3, outChannels: 4, kernel: [3, 3], stride: [1, 1], pad: 'same' },
  { batch: 1, height: 9, width: 8, inChannels: 2, outChannels: 5, kernel: [3, 2], stride: [2, 2], pad: 'same' },
  { batch: 3, height: 10, width: 10, inChannels: 1, outChannels: 2, kernel: [5, 5], stride: [2, 3], pad: 'valid' },
  { batch: 2, height: 5, width: 5, inChannels: 4, outChannels: 3, kernel: [1, 1], stride: [1, 1], pad: 'valid' },
  { batch: 2, height: 8, width: 8, inChannels: 2, outChannels: 2, kernel: [4, 4], stride: [2, 2], pad: 'same' },
  // Wide enough for Conv2DBackpropFilter's forward-convolution form (>= 8 input channels), with odd and asymmetric padding.
  { batch: 2, height: 12, width: 13, inChannels: 16, outChannels: 3, kernel: [3, 3], stride: [1, 1], pad: 'same' },
  { batch: 1, height: 14, width: 12, inChannels: 17, outChannels: 2, kernel: [4, 2], stride: [1, 1], pad: 'same' },
  { batch: 2, height: 16, width: 15, inChannels: 16, outChannels: 2, kernel: [3, 3], stride: [1, 1], pad: 'valid' },
  { batch: 2, height: 24, width: 26, inChannels: 16, outChannels: 3, kernel: [4, 4], stride: [2, 2], pad: 'same' },
  // Strided 'valid' windows that leave the last input row and column unread (the forward form crops them).
  { batch: 2, height: 26, width: 28, inChannels: 16, outChannels: 2, kernel: [3, 3], stride: [2, 2], pad: 'valid' },
  { batch: 1, height: 40, width: 29, inChannels: 18, outChannels: 2, kernel: [5, 3], stride: [3, 2], pad: 'same' },
  // Conv2DBackpropInput by phases: a kernel smaller than the stride (phases no tap reaches stay zero), and 'valid' with a remainder.
  { batch: 2, height: 9, width: 10, inChannels: 8, outChannels: 3, kernel: [1, 1], stride: [2, 2], pad: 'valid' },
  { batch: 2, height: 11, width: 9, inChannels: 9, outChannels: 4, kernel: [2, 3], stride: [3, 2], pad: 'valid' },
];

describe.each(backends)('training kernels on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });

  it('runs dl’s kernels, not the backend’s own, for the gradients tested here', () => {
    expect(tf.getKernel('Conv2DBackpropFilter', backend)?.kernelFunc).toBe(conv2dBackpropFilterKernel.kernelFunc);
    expect(tf.getKernel('Conv2DBackpropInput', backend)?.kernelFunc).toBe(conv2dBackpropInputKernel.kernelFunc);
    expect(tf.getKernel('UnsortedSegmentSum', backend)?.kernelFunc).toBe(unsortedSegmentSumKernel.kernelFunc);
    if (backend === 'wasm') expect(tf.getKernel('MaxPoolGrad', backend)?.kernelFunc).toBe(maxPoolGradKernel.kernelFunc);
  });

  it.each(convCases)('Conv2DBackpropFilter matches the float64 reference: %o', (c) => {
    const oh = outputSize(c.height, c.kernel[0], c.stride[0], c.pad);
    const ow = outputSize(c.width, c.kernel[1], c.stride[1], c.pad);
    const xValues = randomValues(c.batch * c.height * c.width * c.inChannels, 1);
    const dyValues = randomValues(c.batch * oh * ow * c.outChannels, 2);
    const filterShape = [c.kernel[0], c.kernel[1], c.inChannels, c.outChannels] as [number, number, number, number];
    const x = tf.tensor4d(xValues, [c.batch, c.height, c.width, c.inChannels]);
    const dy = tf.tensor4d(dyValues, [c.batch, oh, ow, c.outChannels]);
    const dW = filterGrad(x, dy, filterShape, c.stride, c.pad);
    expectTensorsClose(dW, tf.tensor4d(Array.from(conv2dFilterGradReference(c, xValues, dyValues)), filterShape), { rtol: 1e-4, atol: 1e-5 });
    tf.dispose([x, dy, dW]);
  });

  it.each(convCases)('Conv2DBackpropInput matches the float64 reference: %o', (c) => {
    const oh = outputSize(c.height, c.kernel[0], c.stride[0], c.pad);
    const ow = outputSize(c.width, c.kernel[1], c.stride[1], c.pad);
    const wValues = randomValues(c.kernel[0] * c.kernel[1] * c.inChannels * c.outChannels, 11);
    const dyValues = randomValues(c.batch * oh * ow * c.outChannels, 12);
    const w = tf.tensor4d(wValues, [c.kernel[0], c.kernel[1], c.inChannels, c.outChannels]);
    const dy = tf.tensor4d(dyValues, [c.batch, oh, ow, c.outChannels]);
    const inputShape = [c.batch, c.height, c.width, c.inChannels];
    const dx = tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: w }, { inputShape, strides: [...c.stride], pad: tfjsPad(c.pad), dataFormat: 'NHWC' }) as tf.Tensor;
    expect(dx.shape).toEqual(inputShape);
    expectTensorsClose(dx, Array.from(conv2dInputGradReference(c, wValues, dyValues)), { rtol: 1e-4, atol: 1e-5 });
    tf.dispose([w, dy, dx]);
  });

  it.each([
    { shape: [2, 6, 6, 3] as [number, number, number, number], pool: 2, stride: 2 },
    { shape: [1, 7, 5, 2] as [number, number, number, number], pool: 3, stride: 2 },
    { shape: [2, 5, 5, 4] as [number, number, number, number], pool: 2, stride: 1 },
  ])('MaxPoolGrad matches the float64 reference: %o', ({ shape, pool, stride }) => {
    const xValues = randomValues(shape.reduce((a, b) => a * b, 1), 13);
    const x = tf.tensor4d(xValues, shape);
    const dyValue = tf.tidy(() => tf.randomUniform(tf.maxPool(x, pool, stride, 'valid').shape, -1, 1, 'float32', 14));
    const dx = tf.grad((input: tf.Tensor) => tf.maxPool(input as tf.Tensor4D, pool, stride, 'valid').mul(dyValue).sum())(x);
    expectTensorsClose(dx, Array.from(maxPoolGradReference(xValues, shape, [pool, pool], [stride, stride], 'valid', dyValue.dataSync())), { rtol: 1e-6, atol: 1e-6 });
    tf.dispose([x, dyValue, dx]);
  });

  it('trains a conv2dTranspose + conv2d autoencoder step (input gradient at stride 2)', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [8, 8, 1], filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
        tf.layers.conv2dTranspose({ filters: 1, kernelSize: 3, strides: 2, padding: 'same', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(0.02), loss: 'meanSquaredError' });
    const x = tf.randomUniform([16, 8, 8, 1], 0, 1, 'float32', 3);
    const history = await withSeededRandom(1, () => model.fit(x, x, { epochs: 30, batchSize: 8, verbose: 0 }));
    const losses = history.history.loss as number[];
    expect(losses.at(-1)!).toBeLessThan(losses[0]! * 0.5);
    x.dispose();
    model.dispose();
  });

  it('Conv2DBackpropFilter splits a large problem into blocks with the same result', () => {
    const c: ConvCase = { batch: 64, height: 28, width: 28, inChannels: 32, outChannels: 8, kernel: [3, 3], stride: [1, 1], pad: 'same' };
    const xValues = randomValues(64 * 28 * 28 * 32, 3);
    const dyValues = randomValues(64 * 28 * 28 * 8, 4);
    const x = tf.tensor4d(xValues, [64, 28, 28, 32]);
    const dy = tf.tensor4d(dyValues, [64, 28, 28, 8]);
    const dW = filterGrad(x, dy, [3, 3, 32, 8], 1, 'same');
    expectTensorsClose(dW, Array.from(conv2dFilterGradReference(c, xValues, dyValues)), { rtol: 1e-3, atol: 1e-3 });
    tf.dispose([x, dy, dW]);
  });

  it('Conv2DBackpropInput at stride 2 splits a large problem into blocks with the same result', () => {
    // patchSize 3·3·128 = 1152 and outWidth 32: at most 113 output lines per 16 MB block, and there are 4·32 = 128.
    const c: ConvCase = { batch: 4, height: 64, width: 64, inChannels: 128, outChannels: 4, kernel: [3, 3], stride: [2, 2], pad: 'same' };
    const wValues = randomValues(3 * 3 * 128 * 4, 31);
    const dyValues = randomValues(4 * 32 * 32 * 4, 32);
    const w = tf.tensor4d(wValues, [3, 3, 128, 4]);
    const dy = tf.tensor4d(dyValues, [4, 32, 32, 4]);
    const inputShape = [4, 64, 64, 128];
    const dx = tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: w }, { inputShape, strides: [2, 2], pad: 'same', dataFormat: 'NHWC' }) as tf.Tensor;
    expectTensorsClose(dx, tf.tensor(Array.from(conv2dInputGradReference(c, wValues, dyValues)), inputShape), { rtol: 1e-4, atol: 1e-5 });
    tf.dispose([w, dy, dx]);
  });

  it('passes a gradient check of conv2d through the filter gradient', () => {
    const x = tf.tensor4d(randomValues(2 * 6 * 6 * 2, 5), [2, 6, 6, 2]);
    const w = tf.tensor4d(randomValues(3 * 3 * 2 * 3, 6), [3, 3, 2, 3]);
    const report = checkGradients((xi, wi) => tf.tanh(tf.conv2d(xi as tf.Tensor4D, wi as tf.Tensor4D, [2, 1], 'same')), [x, w]);
    expect(report.passed).toBe(true);
    tf.dispose([x, w]);
  });

  it.each([
    { rows: 6, rowShape: [] as number[], segments: 4 },
    { rows: 10, rowShape: [3], segments: 5 },
    { rows: 7, rowShape: [2, 3], segments: 3 },
  ])('UnsortedSegmentSum matches the float64 reference: %o', ({ rows, rowShape, segments }) => {
    const rowSize = rowShape.reduce((a, b) => a * b, 1);
    const values = randomValues(rows * rowSize, 7);
    const random = createSeededRandom(8);
    const ids = Int32Array.from({ length: rows }, () => random.nextInt(segments + 1) - (rows > 8 ? 1 : 0));
    const result = tf.unsortedSegmentSum(tf.tensor(values, [rows, ...rowShape]), tf.tensor1d(ids, 'int32'), segments);
    expect(result.shape).toEqual([segments, ...rowShape]);
    expectTensorsClose(result, Array.from(segmentSumReference(values, ids, segments, rowSize)), { rtol: 1e-6, atol: 1e-6 });
    result.dispose();
  });

  it('trains an Embedding + Conv1D-free classifier (gather gradient) and leaks nothing', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.embedding({ inputDim: 20, outputDim: 8, inputLength: 6, embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.1, maxval: 0.1, seed: 1 }) }),
        tf.layers.globalAveragePooling1d(),
        tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(0.05), loss: 'binaryCrossentropy' });
    const random = createSeededRandom(9);
    const tokens = Array.from({ length: 64 * 6 }, () => random.nextInt(20));
    const labels = Array.from({ length: 64 }, (_, i) => (tokens.slice(i * 6, i * 6 + 6).some((t) => t < 3) ? 1 : 0));
    const x = tf.tensor2d(tokens, [64, 6], 'int32');
    const y = tf.tensor2d(labels, [64, 1]);
    const first = await withSeededRandom(2, () => model.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0 }));
    const history = await expectNoTensorLeaks(() => withSeededRandom(3, () => model.fit(x, y, { epochs: 20, batchSize: 16, verbose: 0 })));
    expect(history.history.loss!.at(-1) as number).toBeLessThan((first.history.loss![0] as number) * 0.6);
    tf.dispose([x, y]);
    model.dispose();
  });
});

describe.each(backends)('depthwise convolution gradients on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });

  it.each([
    { shape: [2, 6, 5, 3] as [number, number, number, number], kernel: 3, multiplier: 2, stride: 1 as const, pad: 'same' as const },
    { shape: [1, 7, 7, 2] as [number, number, number, number], kernel: 3, multiplier: 1, stride: 2 as const, pad: 'valid' as const },
  ])('match the float64 reference for %o and pass a gradient check', ({ shape, kernel, multiplier, stride, pad }) => {
    const [batch, height, width, channels] = shape;
    const xValues = randomValues(shape.reduce((a, b) => a * b, 1), 21);
    const wValues = randomValues(kernel * kernel * channels * multiplier, 22);
    const x = tf.tensor4d(xValues, shape);
    const w = tf.tensor4d(wValues, [kernel, kernel, channels, multiplier]);
    const y = tf.depthwiseConv2d(x, w, stride, pad);
    const [, oh, ow] = y.shape;
    const dyValues = randomValues(y.size, 23);
    const dy = tf.tensor4d(dyValues, y.shape);
    const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, pad).mul(dy).sum())([x, w]);
    const top = pad === 'same' ? Math.floor(Math.max((oh! - 1) * stride + kernel - height, 0) / 2) : 0;
    const left = pad === 'same' ? Math.floor(Math.max((ow! - 1) * stride + kernel - width, 0) / 2) : 0;
    const refDx = new Float64Array(xValues.length);
    const refDw = new Float64Array(wValues.length);
    for (let b = 0; b < batch; b++)
      for (let i = 0; i < oh!; i++)
        for (let j = 0; j < ow!; j++)
          for (let p = 0; p < kernel; p++)
            for (let q = 0; q < kernel; q++) {
              const ih = i * stride + p - top;
              const iw = j * stride + q - left;
              if (ih < 0 || ih >= height || iw < 0 || iw >= width) continue;
              for (let c = 0; c < channels; c++)
                for (let m = 0; m < multiplier; m++) {
                  const g = dyValues[((b * oh! + i) * ow! + j) * channels * multiplier + c * multiplier + m]!;
                  const xi = ((b * height + ih) * width + iw) * channels + c;
                  const wi = ((p * kernel + q) * channels + c) * multiplier + m;
                  refDx[xi]! += wValues[wi]! * g;
                  refDw[wi]! += xValues[xi]! * g;
                }
            }
    expectTensorsClose(dx!, Array.from(refDx), { rtol: 1e-4, atol: 1e-5 });
    expectTensorsClose(dw!, Array.from(refDw), { rtol: 1e-4, atol: 1e-5 });
    expect(checkGradients((a, b) => tf.depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, pad), [x, w]).passed).toBe(true);
    tf.dispose([x, w, y, dy, dx!, dw!]);
  });

  it('reports that the backend can now train every layer', async () => {
    const report = await useBackend(backend);
    expect(report.canTrain).toBe(true);
    expect(report.missingTrainingKernels).toEqual([]);
  });
});
