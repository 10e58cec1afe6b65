import * as tf from '@tensorflow/tfjs';
import { withSeededRandom } from '@dl/core';
import { createSingleObjectDetector, drawBoxes, iou, predictBoxes } from '@dl/conv';
import { drawImage, imageGrid, shapeClassNames, shapesDataset } from '@dl/data';
import { element, onceOnClick, show } from './dom.js';
import { drawLossChart } from './loss-chart.js';

/** What the detector panel found, on `window.dlDemo.detector` for the end-to-end test. */
export interface DetectorPanelResult {
  /** Total training loss (class cross-entropy + box loss) after each batch. */
  readonly losses: readonly number[];
  /** Mean IoU of the predicted and true boxes of the held-out images. */
  readonly meanIou: number;
  /** Fraction of the held-out images whose class was predicted right. */
  readonly classAccuracy: number;
  /** Held-out images drawn with their boxes. */
  readonly drawn: number;
  /** Canvas pixels per image pixel. */
  readonly scale: number;
  /** Wall time of training, in seconds. */
  readonly seconds: number;
  /** Tensors the panel's run left behind (tf.memory().numTensors after it, less before it): 0 unless something leaks. */
  readonly tensorsLeft: number;
}

const size = 32;
const batches = 40;
const batchSize = 32;
const heldOut = 16;
const scale = 3;

/**
 * The detector panel: on a click, trains `createSingleObjectDetector` for a few batches on
 * `shapesDataset` images, then draws held-out images with their true (green) and predicted (red)
 * boxes (`predictBoxes`, `drawBoxes`, `imageGrid`, `drawImage`) and shows the mean IoU (`iou`).
 */
export function setupDetectorPanel(publish: (result: DetectorPanelResult) => void): void {
  onceOnClick('detector-train', 'detector-status', async () => {
    const tensorsBefore = tf.memory().numTensors;
    const count = batches * batchSize;
    const data = shapesDataset({ count, size, noise: 0.1, seed: 1 });
    const test = shapesDataset({ count: heldOut, size, noise: 0.1, seed: 2 });
    // A small backbone without batch norm: after a few dozen steps, batch norm's moving statistics
    // (momentum 0.99) are still mostly their initial values and inference would use them.
    const model = createSingleObjectDetector({
      inputShape: [size, size, 1],
      numClasses: 3,
      backbone: { blocks: [{ filters: 16, batchNorm: false }, { filters: 32, batchNorm: false }, { filters: 32, batchNorm: false }], dense: 64 },
      learningRate: 3e-3,
      seed: 1,
    });
    const x = tf.tensor4d(data.images, [count, size, size, 1]);
    const y = { class: tf.tensor1d(Float32Array.from(data.labels)), box: tf.tensor2d(data.boxes, [count, 4]) };
    const losses: number[] = [];
    show('detector-status', `training on ${count} shapes, ${batches} batches of ${batchSize}…`);
    const started = performance.now();
    await withSeededRandom(1, () =>
      model.fit(x, y, {
        epochs: 1,
        batchSize,
        shuffle: false,
        callbacks: {
          onBatchEnd: async (_batch, logs) => {
            losses.push(Number(logs?.loss));
            drawLossChart(element('detector-chart'), losses);
            await tf.nextFrame();
          },
        },
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    tf.dispose([x, y.class, y.box]);

    const testImages = tf.tensor4d(test.images, [heldOut, size, size, 1]);
    const predicted = predictBoxes(model, testImages);
    testImages.dispose();
    model.dispose(); // the factory's Adam with it (@dl/core's ownOptimizer)
    const overlap = tf.tidy(() => tf.mean(iou(tf.tensor2d(test.boxes, [heldOut, 4]), tf.tensor2d(predicted.boxes, [heldOut, 4]))));
    const meanIou = (await overlap.data())[0]!;
    overlap.dispose();
    const classAccuracy = test.labels.filter((label, i) => label === predicted.classes[i]).length / heldOut;

    const drawnImages = drawBoxes({ data: test.images, shape: test.shape }, [
      { boxes: test.boxes, color: [0, 1, 0] },
      { boxes: predicted.boxes, color: [1, 0, 0] },
    ]);
    const tiled = imageGrid(drawnImages, { columns: 8 });
    const canvas = element<HTMLCanvasElement>('detector-canvas');
    [canvas.width, canvas.height] = [tiled.width * scale, tiled.height * scale];
    drawImage(canvas.getContext('2d')!, tiled, { scale });
    const names = Array.from(predicted.classes, (id) => shapeClassNames[id]);

    show(
      'detector-status',
      `trained ${losses.length} batches in ${seconds.toFixed(1)} s: loss ${losses[0]!.toFixed(3)} → ${losses.at(-1)!.toFixed(3)}; ` +
        `${heldOut} held-out images: mean IoU ${meanIou.toFixed(3)}, class accuracy ${classAccuracy.toFixed(2)} (first row: ${names.slice(0, 8).join(', ')})`,
    );
    publish({ losses, meanIou, classAccuracy, drawn: heldOut, scale, seconds, tensorsLeft: tf.memory().numTensors - tensorsBefore });
  });
}
