/**
 * `pnpm --filter @dl/examples dcgan`: a DCGAN (`createDcgan` defaults) on Fashion-MNIST (the full
 * set from Debian's dataset-fashion-mnist when installed, else the committed 2,000 + 500 subset),
 * with its sample quality measured by a Fashion-MNIST classifier from @dl/conv.
 *
 * Writes docs/guides/figures/dcgan-epoch-<n>.png (64 samples from the same noise every epoch),
 * docs/guides/figures/dcgan-interpolation.png (three rows: straight lines between two noise
 * vectors, 10 steps each) and examples/results/dcgan-fashion.json (losses per epoch, wall time,
 * classifierScores on 1,000 samples and on 1,000 real test images).
 *
 * Cost: one step (batch of 64) is about 1.6 s of one core on wasm (PyTorch, one thread, the same
 * architecture: about 0.33 s), so an epoch of the full 60,000 images takes about 25 minutes;
 * `--limit=20000` a third of that. After ~100 steps samples are still blobs (PyTorch too).
 *
 * Options: `--epochs=N` (default 5), `--limit=N` (training images; default all),
 * `--batch-size=N` (default 64), `--classifier-epochs=N` (default 3; the classifier is trained
 * here on the same training images) or `--classifier=DIR` (a classifier saved with
 * `saveModel` from @dl/core/node, taking [n, 28, 28, 1] pixels in [0, 1]), `--save-classifier=DIR`.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { createConvClassifier } from '@dl/conv';
import { useBackend, withSeededRandom } from '@dl/core';
import { loadModel, saveModel } from '@dl/core/node';
import { imageGrid } from '@dl/data';
import { loadFashionMnist, writePng } from '@dl/data/node';
import { classifierScores, createDcgan, type ClassifierScores } from '@dl/generative';
import { integerFlag, textFlag } from '../shared/flags.js';
import { figuresDir, resultsDir } from '../shared/output-dirs.js';

const epochs = integerFlag('epochs', 5);
const limit = integerFlag('limit', undefined);
const batchSize = integerFlag('batch-size', 64);
const classifierEpochs = integerFlag('classifier-epochs', 3);
const classifierDir = textFlag('classifier', undefined);
const saveClassifierDir = textFlag('save-classifier', undefined);
const figures = figuresDir();
const results = resultsDir();

// `--threads=N`: XNNPACK threads (same results bit for bit, faster convolutions on several cores).
const report = await useBackend('wasm', { threads: integerFlag('threads', 1) });
const train = await loadFashionMnist({ split: 'train', normalize: true, ...(limit === undefined ? {} : { limit }) });
const test = await loadFashionMnist({ split: 'test', normalize: true, limit: 1000 });
console.log(`Fashion-MNIST from ${train.dir}: ${train.labels.length} train images, ${test.labels.length} test images for the scores; backend ${report.backend}`);
const pixels = tf.tensor4d(train.images as Float32Array, [train.labels.length, 28, 28, 1]); // [0, 1]
const testPixels = tf.tensor4d(test.images as Float32Array, [test.labels.length, 28, 28, 1]);

/** Waits (up to an hour) for `dir`/model.json, which a concurrent `pnpm fashion` writes when it ends. */
async function waitForModel(dir: string): Promise<void> {
  const deadline = Date.now() + 60 * 60_000;
  let told = false;
  while (!existsSync(`${dir}/model.json`)) {
    if (Date.now() > deadline) throw new Error(`--classifier: no ${dir}/model.json after waiting an hour`);
    if (!told) console.log(`waiting for ${dir}/model.json (pnpm fashion saves it when it finishes)`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 15_000));
  }
}

/** Samples in [-1, 1] as a [0, 1] PNG grid. */
async function writeGrid(path: string, images: tf.Tensor4D, columns: number): Promise<void> {
  const scaled = tf.tidy(() => images.add(1).div(2));
  const data = scaled.dataSync() as Float32Array;
  scaled.dispose();
  await writePng(path, imageGrid({ data, shape: images.shape as [number, number, number, number] }, { columns }));
}

const gan = createDcgan({ imageShape: [28, 28, 1], seed: 1 });
const x = tf.tidy(() => pixels.mul(2).sub(1)) as tf.Tensor4D; // the generator's tanh range
const history: { epoch: number; dLoss: number; gLoss: number; dReal: number; dFake: number; seconds: number }[] = [];
const started = performance.now();
let epochStart = started;
await gan.train(x, {
  epochs,
  batchSize,
  seed: 1,
  callbacks: {
    onEpochEnd: async (epoch: number, logs?: tf.Logs) => {
      const now = performance.now();
      const entry = { epoch: epoch + 1, dLoss: Number(logs?.dLoss), gLoss: Number(logs?.gLoss), dReal: Number(logs?.dReal), dFake: Number(logs?.dFake), seconds: (now - epochStart) / 1000 };
      history.push(entry);
      console.log(`epoch ${entry.epoch}: dLoss ${entry.dLoss.toFixed(4)} gLoss ${entry.gLoss.toFixed(4)} D(real) ${entry.dReal.toFixed(3)} D(fake) ${entry.dFake.toFixed(3)} | ${entry.seconds.toFixed(1)} s`);
      const samples = gan.sample(64, { seed: 7 }); // the same noise every epoch
      await writeGrid(`${figures}/dcgan-epoch-${entry.epoch}.png`, samples, 8);
      samples.dispose();
      epochStart = performance.now(); // PNG time not counted in the epoch
    },
  },
});
const seconds = (performance.now() - started) / 1000;

// The judge: a Fashion-MNIST classifier (createConvClassifier defaults), trained or loaded after the
// GAN trained, so that `pnpm fashion` can still be writing the saved one while this run starts.
let classifier: tf.LayersModel;
let classifierSource: string;
if (classifierDir !== undefined) {
  await waitForModel(classifierDir);
  classifier = await loadModel(classifierDir);
  classifierSource = `loaded from ${classifierDir}`;
} else {
  classifier = createConvClassifier({ inputShape: [28, 28, 1], numClasses: 10, seed: 1 });
  const labels = tf.tensor1d(Float32Array.from(train.labels));
  await withSeededRandom(1, () => classifier.fit(pixels, labels, { epochs: classifierEpochs, batchSize: 64, shuffle: true, verbose: 0 }));
  labels.dispose();
  classifierSource = `createConvClassifier defaults, ${classifierEpochs} epochs on the ${train.labels.length} training images`;
  if (saveClassifierDir !== undefined) await saveModel(classifier, saveClassifierDir);
}
const testAccuracy = tf.tidy(() => {
  const predicted = (classifier.predict(testPixels) as tf.Tensor).argMax(-1);
  return predicted.equal(tf.tensor1d(Array.from(test.labels), 'int32')).mean().dataSync()[0]!;
});
console.log(`classifier (${classifierSource}): test accuracy ${testAccuracy.toFixed(4)} on ${test.labels.length} images`);

// Latent interpolation: three pairs of noise vectors, 10 points on the line between each.
const steps = 10;
const strip = tf.tidy(() => {
  const ends = tf.randomNormal([2, 3, 100], 0, 1, 'float32', 11);
  const [from, to] = tf.unstack(ends) as [tf.Tensor2D, tf.Tensor2D];
  const t = tf.linspace(0, 1, steps).reshape([1, steps, 1]);
  const z = from.expandDims(1).mul(tf.sub(1, t)).add(to.expandDims(1).mul(t)).reshape([3 * steps, 100]);
  return gan.generator.predict(z) as tf.Tensor4D;
});
await writeGrid(`${figures}/dcgan-interpolation.png`, strip, steps);
strip.dispose();

// Quality: the same scores on 1,000 samples and on 1,000 real test images.
const samples = tf.tidy(() => gan.sample(1000, { seed: 3 }).add(1).div(2));
const round = (s: ClassifierScores) => ({ inceptionScore: Number(s.inceptionScore.toFixed(3)), coverage: s.coverage, classCounts: s.classCounts });
const sampleScores = round(classifierScores(classifier, samples, { confidence: 0.9 }));
const realScores = round(classifierScores(classifier, testPixels, { confidence: 0.9 }));
samples.dispose();
console.log(`samples: inception score ${sampleScores.inceptionScore}, coverage ${sampleScores.coverage}/10, confident per class [${sampleScores.classCounts.join(', ')}]`);
console.log(`real:    inception score ${realScores.inceptionScore}, coverage ${realScores.coverage}/10, confident per class [${realScores.classCounts.join(', ')}]`);
console.log(`${epochs} epochs of ${train.labels.length} images in ${seconds.toFixed(0)} s; figures in ${figures}`);

const argv = process.argv.slice(2).join(' ');
writeFileSync(
  `${results}/dcgan-fashion.json`,
  `${JSON.stringify(
    {
      command: `pnpm --filter @dl/examples dcgan${argv === '' ? '' : ` ${argv}`}`,
      machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, tfjs ${tf.version.tfjs} ${report.backend}`,
      date: new Date().toISOString().slice(0, 10),
      data: train.dir,
      train: train.labels.length,
      epochs,
      batchSize,
      dcgan: 'createDcgan defaults (latentDim 100, generatorFilters [64, 32], discriminatorFilters [64, 128], labelSmoothing 0.1, Adam 2e-4 beta1 0.5, dropout 0.3), seed 1',
      parameters: { generator: gan.generator.countParams(), discriminator: gan.discriminator.countParams() },
      seconds,
      history,
      classifier: { source: classifierSource, testAccuracy, testImages: test.labels.length },
      scores: { confidence: 0.9, samples: { count: 1000, ...sampleScores }, real: { count: test.labels.length, ...realScores } },
      figures: [...history.map((h) => `docs/guides/figures/dcgan-epoch-${h.epoch}.png`), 'docs/guides/figures/dcgan-interpolation.png'],
    },
    null,
    2,
  )}\n`,
);
tf.dispose([pixels, testPixels, x]);
gan.dispose();
classifier.optimizer?.dispose();
classifier.dispose();
console.log(`Live tensors at exit: ${tf.memory().numTensors}`);
