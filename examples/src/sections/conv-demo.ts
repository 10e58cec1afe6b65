import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { withSeededRandom } from '@dl/core';
import { ProgressBar } from '@dl/core/node';
import { compareConvDense, convOutputShape, convParameterCount, createConvClassifier, createSingleObjectDetector, drawBoxes, iou, predictBoxes } from '@dl/conv';
import { imageGrid, shapesDataset } from '@dl/data';
import { fashionMnistFixtureDir, loadFashionMnist, writePng } from '@dl/data/node';

/** Where the demo's pictures go: examples/.cache/demo/ (git-ignored, like the saved models in examples/.cache/). */
const outputDir = fileURLToPath(new URL('../../.cache/demo/', import.meta.url));
const shownDir = 'examples/.cache/demo';

/** Share of `predicted[i] === labels[i]`. */
function accuracyOf(predicted: ArrayLike<number>, labels: ArrayLike<number>): number {
  let correct = 0;
  for (let i = 0; i < labels.length; i += 1) if (predicted[i] === labels[i]) correct += 1;
  return correct / labels.length;
}

/** Arithmetic of the chapter, each number from a function that the package tests against what tfjs builds. */
function convFacts(): void {
  const conv = convOutputShape({ inputShape: [28, 28, 1], kernelSize: 3, filters: 32 });
  const pooled = convOutputShape({ inputShape: conv, kind: 'pool', kernelSize: 2 });
  console.log(`conv 3x3, 32 filters on [28, 28, 1] -> [${conv.join(', ')}]; 2x2 max pool -> [${pooled.join(', ')}]`);
  const denseAfter = (shape: readonly number[]) => convParameterCount({ kind: 'dense', inputs: shape[0]! * shape[1]! * shape[2]!, units: 128 });
  console.log(
    `parameters: that conv ${convParameterCount({ kind: 'conv', kernelSize: 3, inputChannels: 1, filters: 32 })}, the pool ${convParameterCount({ kind: 'pool' })} ` +
      `(pooling has none: it shrinks the dense layer after it, Dense(128) ${denseAfter(conv).toLocaleString('en-US')} -> ${denseAfter(pooled).toLocaleString('en-US')})`,
  );
  const versus = compareConvDense({ inputShape: [28, 28, 1], kernelSize: 3, filters: 32 });
  console.log(`a dense layer with the same input and output sizes needs ${versus.dense.parameters.toLocaleString('en-US')} parameters (${Math.round(versus.ratio).toLocaleString('en-US')}x): weight sharing`);
}

/** createConvClassifier (defaults) for 2 epochs on the committed Fashion-MNIST subset, scored on its 500 test images. */
async function fashionClassifier(): Promise<void> {
  // Always the committed subset, even where Debian's full set is installed: the same demo everywhere.
  const train = await loadFashionMnist({ split: 'train', normalize: true, dir: fashionMnistFixtureDir });
  const test = await loadFashionMnist({ split: 'test', normalize: true, dir: fashionMnistFixtureDir });
  const x = tf.tensor4d(train.images as Float32Array, [train.labels.length, 28, 28, 1]);
  const y = tf.tensor1d(Float32Array.from(train.labels));
  const xTest = tf.tensor4d(test.images as Float32Array, [test.labels.length, 28, 28, 1]);
  const model = createConvClassifier({ inputShape: [28, 28, 1], numClasses: 10, seed: 1 });
  const epochs = 2;
  const started = performance.now();
  // Batch 32 (126 steps): test images are scored with batch norm's moving statistics, which need steps to settle (see the detector below).
  await withSeededRandom(1, () => model.fit(x, y, { epochs, batchSize: 32, shuffle: true, verbose: 0, callbacks: [new ProgressBar()] }));
  const seconds = (performance.now() - started) / 1000;
  const predicted = tf.tidy(() => (model.predict(xTest, { batchSize: 250 }) as tf.Tensor).argMax(-1).dataSync());
  const accuracy = accuracyOf(predicted, test.labels);
  console.log(
    `Fashion-MNIST subset (${train.labels.length.toLocaleString('en-US')} train / ${test.labels.length} test): test accuracy ${accuracy.toFixed(3)} after ${epochs} epochs in ${seconds.toFixed(1)} s ` +
      `(${model.countParams().toLocaleString('en-US')} parameters; \`pnpm --filter @dl/examples fashion\` trains on the full set)`,
  );
  tf.dispose([x, y, xTest]);
  model.optimizer.dispose();
  model.dispose();
}

/** createSingleObjectDetector briefly on shapesDataset; mean IoU (`iou`), class accuracy, and a PNG of the boxes. */
async function shapesDetector(): Promise<void> {
  const size = 32;
  const trainData = shapesDataset({ count: 2000, size, seed: 1, noise: 0.1 });
  const testData = shapesDataset({ count: 500, size, seed: 2, noise: 0.1 });
  const x = tf.tensor4d(trainData.images, [2000, size, size, 1]);
  const y = { class: tf.tensor1d(Float32Array.from(trainData.labels)), box: tf.tensor2d(trainData.boxes, [2000, 4]) };
  const xTest = tf.tensor4d(testData.images, [500, size, size, 1]);
  // A backbone of half the default width (16-32-64 filters, dense 64), so that 375 steps (3 epochs of
  // batch 16) cost less than 250 of the default. Held-out images are scored with batch norm's moving
  // statistics, and those need a few hundred steps: after 250 steps of the default backbone, class
  // accuracy on them was 0.31 in inference mode and 1.0 with the batch's own statistics.
  const backbone = { blocks: [{ filters: 16 }, { filters: 32 }, { filters: 64 }], dense: 64 };
  const model = createSingleObjectDetector({ inputShape: [size, size, 1], numClasses: 3, backbone, seed: 1 });
  const epochs = 3;
  const started = performance.now();
  await withSeededRandom(1, () => model.fit(x, y, { epochs, batchSize: 16, shuffle: true, verbose: 0, callbacks: [new ProgressBar()] }));
  const seconds = (performance.now() - started) / 1000;
  const predicted = predictBoxes(model, xTest, { batchSize: 250 });
  const meanIou = tf.tidy(() => iou(tf.tensor2d(predicted.boxes, [500, 4]), tf.tensor2d(testData.boxes, [500, 4])).mean().dataSync()[0]!);
  const classAccuracy = accuracyOf(predicted.classes, testData.labels);
  console.log(
    `shapes detector, backbone 16-32-64 (2,000 train / 500 held-out ${size}x${size} images, ${epochs} epochs in ${seconds.toFixed(1)} s): ` +
      `mean IoU ${meanIou.toFixed(3)}, class accuracy ${classAccuracy.toFixed(3)} (\`pnpm --filter @dl/examples detector\`: default backbone, 3,000 images, 7 epochs)`,
  );

  // 24 held-out images, upscaled 3x so that the outlines are visible: true boxes green, predicted red.
  const shown = 24;
  const scale = 3;
  const big = tf.tidy(() => tf.image.resizeNearestNeighbor(xTest.slice([0], [shown]), [size * scale, size * scale]).dataSync() as Float32Array);
  const drawn = drawBoxes({ data: big, shape: [shown, size * scale, size * scale, 1] }, [
    { boxes: testData.boxes.subarray(0, shown * 4), color: [0, 0.85, 0] },
    { boxes: predicted.boxes.subarray(0, shown * 4), color: [1, 0.1, 0.1] },
  ], { thickness: 2 });
  mkdirSync(outputDir, { recursive: true });
  await writePng(`${outputDir}shapes-detector.png`, imageGrid(drawn, { columns: 8, padding: 4, padValue: [0.5, 0.5, 0.5] }));
  console.log(`wrote ${shownDir}/shapes-detector.png (true boxes green, predicted red)`);
  tf.dispose([x, y.class, y.box, xTest]);
  model.optimizer.dispose();
  model.dispose();
}

/**
 * @dl/conv: three facts of conv arithmetic, `createConvClassifier` for 2 epochs on the committed
 * Fashion-MNIST subset (2,000 train / 500 test images), and the single-object detector on
 * synthetic shapes for 3 epochs with a PNG of its boxes (about 55 s on wasm). `pnpm --filter
 * @dl/examples fashion` and `detector` run the full versions.
 */
export async function convDemo(): Promise<void> {
  console.log(`\n== @dl/conv: conv arithmetic, Fashion-MNIST classifier, shapes detector (backend ${tf.getBackend()}) ==`);
  const tensorsBefore = tf.memory().numTensors;
  const started = performance.now();
  convFacts();
  await fashionClassifier();
  await shapesDetector();
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s in all; live tensors ${tensorsBefore} before, ${tf.memory().numTensors} after)`);
}
