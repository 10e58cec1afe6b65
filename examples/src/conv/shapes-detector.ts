/**
 * `pnpm --filter @dl/examples detector`: `createSingleObjectDetector` on `shapesDataset`
 * (synthetic circles, squares and triangles with their boxes), trained on one seed and scored
 * on held-out images of another: mean IoU of predicted and true boxes and class accuracy per
 * epoch, wall time. Writes examples/results/shapes-detector.json and
 * docs/guides/figures/shapes-detector.png (test images, true boxes green, predicted red).
 *
 * Options: `--epochs=N`, `--train=N`, `--test=N`, `--size=N` (pixels), `--noise=X`,
 * `--box-loss=smoothL1|iou|smoothL1+iou`, `--box-loss-weight=X`, `--out=NAME` (file names
 * of the JSON and PNG, default shapes-detector; use another name for experiments).
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { useBackend, withSeededRandom } from '@dl/core';
import { boxLossNames, createSingleObjectDetector, drawBoxes, predictBoxes, type BoxLossName } from '@dl/conv';
import { imageGrid, shapeClassNames, shapesDataset } from '@dl/data';
import { writePng } from '@dl/data/node';
import { integerFlag, numberFlag, textFlag } from '../shared/flags.js';
import { figuresDir, resultsDir } from '../shared/output-dirs.js';

/** IoU of two `[yMin, xMin, yMax, xMax]` boxes in float64, from the definition (empty boxes: 0). */
function boxIou(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const area = (y0: number, x0: number, y1: number, x1: number) => Math.max(0, y1 - y0) * Math.max(0, x1 - x0);
  const inter = area(Math.max(a[0]!, b[0]!), Math.max(a[1]!, b[1]!), Math.min(a[2]!, b[2]!), Math.min(a[3]!, b[3]!));
  const union = area(a[0]!, a[1]!, a[2]!, a[3]!) + area(b[0]!, b[1]!, b[2]!, b[3]!) - inter;
  return union > 0 ? inter / union : 0;
}

const settings = {
  size: integerFlag('size', 32),
  train: integerFlag('train', 3000),
  test: integerFlag('test', 1000),
  noise: numberFlag('noise', 0.1),
  epochs: integerFlag('epochs', 7),
  batchSize: 32,
  boxLoss: textFlag('box-loss', 'smoothL1+iou') as BoxLossName,
  boxLossWeight: numberFlag('box-loss-weight', 1),
  learningRate: 1e-3,
  seed: 1,
  trainDataSeed: 1,
  testDataSeed: 2,
};
if (!boxLossNames.includes(settings.boxLoss)) throw new Error(`--box-loss must be one of ${boxLossNames.join(', ')}`);
const out = textFlag('out', 'shapes-detector');
// `--threads=N`: XNNPACK threads (same results bit for bit, faster convolutions on several cores).
const report = await useBackend('wasm', { threads: integerFlag('threads', 1) });
const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, tfjs ${tf.version.tfjs} ${report.backend}` +
  (report.wasm === undefined ? '' : ` (simd=${report.wasm.simd}, threads=${report.wasm.threads})`);
console.log(`Shapes detector on ${machine}: ${JSON.stringify(settings)}`);

const { size } = settings;
const trainData = shapesDataset({ count: settings.train, size, seed: settings.trainDataSeed, noise: settings.noise });
const testData = shapesDataset({ count: settings.test, size, seed: settings.testDataSeed, noise: settings.noise });
const x = tf.tensor4d(trainData.images, [settings.train, size, size, 1]);
const y = { class: tf.tensor1d(Float32Array.from(trainData.labels)), box: tf.tensor2d(trainData.boxes, [settings.train, 4]) };
const xTest = tf.tensor4d(testData.images, [settings.test, size, size, 1]);

const model = createSingleObjectDetector({ inputShape: [size, size, 1], numClasses: 3, boxLoss: settings.boxLoss, boxLossWeight: settings.boxLossWeight, learningRate: settings.learningRate, seed: settings.seed });

function evaluate(): { meanIou: number; classAccuracy: number; iouAbove05: number; predictions: ReturnType<typeof predictBoxes> } {
  const predictions = predictBoxes(model, xTest, { batchSize: 256 });
  let iouSum = 0;
  let correct = 0;
  let above = 0;
  for (let i = 0; i < settings.test; i += 1) {
    const value = boxIou(predictions.boxes.subarray(4 * i, 4 * i + 4), testData.boxes.subarray(4 * i, 4 * i + 4));
    iouSum += value;
    if (value >= 0.5) above += 1;
    if (predictions.classes[i] === testData.labels[i]) correct += 1;
  }
  return { meanIou: iouSum / settings.test, classAccuracy: correct / settings.test, iouAbove05: above / settings.test, predictions };
}

const history: { epoch: number; loss: number; classLoss: number; boxLoss: number; trainClassAccuracy: number; trainMeanIou: number; testMeanIou: number; testClassAccuracy: number; testIouAbove05: number; seconds: number }[] = [];
const started = performance.now();
let epochStart = started;
await withSeededRandom(settings.seed, () =>
  model.fit(x, y, {
    epochs: settings.epochs,
    batchSize: settings.batchSize,
    shuffle: true,
    verbose: 0,
    callbacks: {
      onEpochEnd: (epoch: number, logs?: tf.Logs) => {
        const trainSeconds = (performance.now() - epochStart) / 1000;
        const test = evaluate();
        const entry = {
          epoch: epoch + 1,
          loss: Number(logs?.loss),
          classLoss: Number(logs?.class_loss),
          boxLoss: Number(logs?.box_loss),
          trainClassAccuracy: Number(logs?.class_acc),
          trainMeanIou: Number(logs?.box_meanIou),
          testMeanIou: test.meanIou,
          testClassAccuracy: test.classAccuracy,
          testIouAbove05: test.iouAbove05,
          seconds: trainSeconds,
        };
        history.push(entry);
        console.log(
          `epoch ${String(entry.epoch).padStart(2)}: loss ${entry.loss.toFixed(4)} (class ${entry.classLoss.toFixed(4)}, box ${entry.boxLoss.toFixed(4)}) | ` +
            `test mean IoU ${entry.testMeanIou.toFixed(4)}, IoU>=0.5 ${entry.testIouAbove05.toFixed(3)}, class accuracy ${entry.testClassAccuracy.toFixed(4)} | ${trainSeconds.toFixed(1)} s`,
        );
        epochStart = performance.now();
      },
    },
  }),
);
const seconds = (performance.now() - started) / 1000;
const final = evaluate();
const perClass = shapeClassNames.map((name, k) => {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < settings.test; i += 1) {
    if (testData.labels[i] !== k) continue;
    n += 1;
    sum += boxIou(final.predictions.boxes.subarray(4 * i, 4 * i + 4), testData.boxes.subarray(4 * i, 4 * i + 4));
  }
  return { class: name, count: n, meanIou: sum / n };
});
console.log(`final: test mean IoU ${final.meanIou.toFixed(4)} (target 0.8), class accuracy ${final.classAccuracy.toFixed(4)} (target 0.95); ${settings.epochs} epochs in ${seconds.toFixed(0)} s wall (${model.countParams()} parameters)`);
console.log(`mean IoU per class: ${perClass.map((c) => `${c.class} ${c.meanIou.toFixed(3)}`).join(', ')}`);

const command = `pnpm --filter @dl/examples detector${process.argv.slice(2).length > 0 ? ` ${process.argv.slice(2).join(' ')}` : ''}`;
writeFileSync(
  `${resultsDir()}/${out}.json`,
  `${JSON.stringify({ command, machine, date: new Date().toISOString().slice(0, 10), settings, parameters: model.countParams(), seconds, final: { testMeanIou: final.meanIou, testClassAccuracy: final.classAccuracy, testIouAbove05: final.iouAbove05, perClass }, history }, null, 2)}\n`,
);

// A grid of the first 32 test images: true boxes green, predicted boxes red.
const shown = Math.min(32, settings.test);
const drawn = drawBoxes({ data: testData.images.subarray(0, shown * size * size), shape: [shown, size, size] }, [
  { boxes: testData.boxes.subarray(0, shown * 4), color: [0, 0.85, 0] },
  { boxes: final.predictions.boxes.subarray(0, shown * 4), color: [1, 0.1, 0.1] },
]);
const grid = imageGrid(drawn, { columns: 8, padding: 2, padValue: [0.5, 0.5, 0.5] });
// Upscaled 4x (nearest neighbour), so that one-pixel outlines are visible.
const scale = 4;
const big = new Float32Array(grid.height * scale * grid.width * scale * 3);
for (let r = 0; r < grid.height * scale; r += 1) for (let c = 0; c < grid.width * scale; c += 1) for (let k = 0; k < 3; k += 1) {
  big[(r * grid.width * scale + c) * 3 + k] = grid.data[(Math.floor(r / scale) * grid.width + Math.floor(c / scale)) * 3 + k]!;
}
await writePng(`${figuresDir()}/${out}.png`, { data: big, height: grid.height * scale, width: grid.width * scale, channels: 3 });
console.log(`Wrote examples/results/${out}.json and docs/guides/figures/${out}.png`);
tf.dispose([x, y.class, y.box, xTest]);
model.optimizer.dispose();
model.dispose();
console.log(`Live tensors at exit: ${tf.memory().numTensors}`);
