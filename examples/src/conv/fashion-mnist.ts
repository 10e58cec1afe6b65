/**
 * `pnpm --filter @dl/examples fashion`: the default `createConvClassifier` on Fashion-MNIST
 * (the full set from Debian's dataset-fashion-mnist when installed, else the committed 2,000 +
 * 500 subset), test accuracy and loss per epoch, wall time; writes
 * examples/results/fashion-mnist.json and docs/guides/figures/fashion-mnist.png.
 *
 * The schedule is a step decay: `--epochs=N` (default 12) epochs at Adam's 1e-3 (the factory's
 * default), then `--decay-epochs=N` (default 2) at 1e-4. `--limit=N`: training images (default
 * all). The results file is rewritten after every epoch, and the trained model is saved to
 * examples/.cache/fashion-classifier (the DCGAN example scores its samples with it).
 * `--resume` continues a finished run from that saved model and the results file with the
 * decay epochs only (for a run that was started without them).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { useBackend, withSeededRandom } from '@dl/core';
import { loadModel, saveModel } from '@dl/core/node';
import { createConvClassifier } from '@dl/conv';
import { loadFashionMnist } from '@dl/data/node';
import { renderLinePlot, svgToPng } from '../shared/line-plot.js';
import { integerFlag, switchFlag } from '../shared/flags.js';
import { figuresDir, repositoryRoot, resultsDir } from '../shared/output-dirs.js';

const epochs = integerFlag('epochs', 12);
const decayEpochs = integerFlag('decay-epochs', 2, 0);
const resume = switchFlag('resume');
const limit = integerFlag('limit', undefined);
const [learningRate, decayedLearningRate] = [1e-3, 1e-4];
// `--threads=N`: XNNPACK threads (same results bit for bit, faster convolutions on several cores).
const report = await useBackend('wasm', { threads: integerFlag('threads', 1) });
const train = await loadFashionMnist({ split: 'train', normalize: true, ...(limit === undefined ? {} : { limit }) });
const test = await loadFashionMnist({ split: 'test', normalize: true });
console.log(`Fashion-MNIST from ${train.dir}: ${train.labels.length} train, ${test.labels.length} test; backend ${report.backend}`);
const toTensors = (set: typeof train) => ({
  x: tf.tensor4d(set.images as Float32Array, [set.labels.length, 28, 28, 1]),
  y: tf.tensor1d(Float32Array.from(set.labels)),
});
const trainSet = toTensors(train);
const testSet = toTensors(test);
const root = repositoryRoot;
const cacheDir = `${root}examples/.cache/fashion-classifier`;
const resultsPath = `${resultsDir()}/fashion-mnist.json`;
const history: { epoch: number; learningRate: number; loss: number; accuracy: number; testLoss: number; testAccuracy: number; seconds: number }[] = [];
let model: tf.LayersModel;
let previousSeconds = 0;
if (resume) {
  model = await loadModel(cacheDir);
  model.compile({ optimizer: tf.train.adam(decayedLearningRate), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  const previous = JSON.parse(readFileSync(resultsPath, 'utf8')) as { seconds: number; history: typeof history };
  history.push(...previous.history.map((entry) => ({ ...entry, learningRate: entry.learningRate ?? learningRate })));
  previousSeconds = previous.seconds;
  console.log(`resuming after epoch ${history.length} (test accuracy ${history.at(-1)?.testAccuracy.toFixed(4)}) at learning rate ${decayedLearningRate}`);
} else {
  model = createConvClassifier({ inputShape: [28, 28, 1], numClasses: 10, learningRate, seed: 1 });
}
const firstEpoch = history.length;
const fitEpochs = resume ? decayEpochs : epochs + decayEpochs;
const optimizer = model.optimizer as tf.Optimizer & { learningRate: number };
const writeResults = (seconds: number) => {
  writeFileSync(
    resultsPath,
    `${JSON.stringify({ command: `pnpm --filter @dl/examples fashion ${process.argv.slice(2).join(' ')}`.trim(), machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, tfjs ${tf.version.tfjs} ${report.backend}`, date: new Date().toISOString().slice(0, 10), data: train.dir, train: train.labels.length, test: test.labels.length, parameters: model.countParams(), seconds, history }, null, 2)}\n`,
  );
};
const started = performance.now();
let epochStart = started;
await withSeededRandom(resume ? 2 : 1, () =>
  model.fit(trainSet.x, trainSet.y, {
    epochs: fitEpochs,
    batchSize: 64,
    shuffle: true,
    verbose: 0,
    validationData: [testSet.x, testSet.y],
    callbacks: {
      onEpochBegin: (epoch: number) => {
        if (!resume && epoch === epochs) optimizer.learningRate = decayedLearningRate;
      },
      onEpochEnd: (epoch: number, logs?: tf.Logs) => {
        const now = performance.now();
        const entry = { epoch: firstEpoch + epoch + 1, learningRate: optimizer.learningRate, loss: Number(logs?.loss), accuracy: Number(logs?.acc), testLoss: Number(logs?.val_loss), testAccuracy: Number(logs?.val_acc), seconds: (now - epochStart) / 1000 };
        epochStart = now;
        history.push(entry);
        writeResults(previousSeconds + (now - started) / 1000);
        console.log(`epoch ${entry.epoch}: train loss ${entry.loss.toFixed(4)} acc ${entry.accuracy.toFixed(4)} | test loss ${entry.testLoss.toFixed(4)} acc ${entry.testAccuracy.toFixed(4)} | ${entry.seconds.toFixed(1)} s`);
      },
    },
  }),
);
const seconds = previousSeconds + (performance.now() - started) / 1000;
const best = Math.max(...history.map((h) => h.testAccuracy));
console.log(`final test accuracy ${history.at(-1)?.testAccuracy.toFixed(4)}, best ${best.toFixed(4)}, ${history.length} epochs in ${seconds.toFixed(0)} s (${model.countParams()} parameters)`);

writeResults(seconds);
await saveModel(model, cacheDir);
const svg = renderLinePlot({
  title: 'Fashion-MNIST, createConvClassifier defaults',
  xLabel: 'epoch',
  yLabel: 'accuracy',
  series: [
    { label: 'train accuracy', values: history.map((h) => h.accuracy), color: '#1f77b4' },
    { label: 'test accuracy', values: history.map((h) => h.testAccuracy), color: '#d62728' },
    { label: 'target 0.93', values: history.map(() => 0.93), color: '#7f7f7f', dashed: true },
  ],
  legend: 'bottom-right', // the curves end at the top right
});
writeFileSync(`${figuresDir()}/fashion-mnist.png`, svgToPng(svg));
tf.dispose([trainSet.x, trainSet.y, testSet.x, testSet.y]);
model.optimizer.dispose();
model.dispose();
console.log(`Live tensors at exit: ${tf.memory().numTensors}`);
