/**
 * `pnpm --filter @dl/examples vae`: a VAE (`createVae` defaults: conv encoder 32-64, dense 128,
 * mirrored decoder, Bernoulli likelihood, β = 1, Adam 1e-3, batch 64) on Fashion-MNIST (the full
 * set from Debian's dataset-fashion-mnist when installed, else the committed 2,000 + 500 subset).
 * Reports the test negative ELBO per image (nats) with its two parts (summed binary
 * cross-entropy, KL) and the wall time.
 *
 * Writes examples/results/vae-fashion-<latentDim>.json and, in docs/guides/figures/:
 * vae-reconstructions-<latentDim>.png (test originals, top row, above their reconstructions),
 * vae-samples-<latentDim>.png (64 decoded draws z ~ N(0, I)) and, for latentDim 2,
 * vae-latent-2d.png (the test set's latent means coloured by class) and vae-manifold-2d.png
 * (decoded images on a grid of z values).
 *
 * Options: `--latent-dim=N` (default 2), `--epochs=N` (default 10), `--limit=N` (training
 * images; default all), `--test-limit=N` (test images; default all), `--torch` (then run
 * bench/python/vae_fashion.py with the same architecture and budget and add its numbers and the
 * ratio to the JSON).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { useBackend } from '@dl/core';
import { imageGrid } from '@dl/data';
import { loadFashionMnist, writePng } from '@dl/data/node';
import { createVae } from '@dl/generative';
import { svgToPng } from '../shared/line-plot.js';
import { renderScatterPlot, tab10 } from '../shared/scatter-plot.js';
import { integerFlag, switchFlag } from '../shared/flags.js';
import { figuresDir, repositoryRoot, resultsDir } from '../shared/output-dirs.js';

const latentDim = integerFlag('latent-dim', 2);
const epochs = integerFlag('epochs', 10);
const limit = integerFlag('limit', undefined);
const testLimit = integerFlag('test-limit', undefined);
const withTorch = switchFlag('torch');
const batchSize = 64;
const learningRate = 1e-3;
const root = repositoryRoot;
const figures = figuresDir();
const results = resultsDir();

// `--threads=N`: XNNPACK threads (same results bit for bit, faster convolutions on several cores).
const report = await useBackend('wasm', { threads: integerFlag('threads', 1) });
const train = await loadFashionMnist({ split: 'train', normalize: true, ...(limit === undefined ? {} : { limit }) });
const test = await loadFashionMnist({ split: 'test', normalize: true, ...(testLimit === undefined ? {} : { limit: testLimit }) });
console.log(`Fashion-MNIST from ${train.dir}: ${train.labels.length} train, ${test.labels.length} test; backend ${report.backend}; latentDim ${latentDim}`);
const trainImages = tf.tensor4d(train.images as Float32Array, [train.labels.length, 28, 28, 1]);
const testImages = tf.tensor4d(test.images as Float32Array, [test.labels.length, 28, 28, 1]);

const vae = createVae({ latentDim, imageShape: [28, 28, 1], learningRate, seed: 1 });
const parameters = vae.encoder.countParams() + vae.decoder.countParams();
const history: { epoch: number; loss: number; reconstruction: number; kl: number; seconds: number }[] = [];
const started = performance.now();
let epochStart = started;
await vae.train(trainImages, {
  epochs,
  batchSize,
  seed: 1,
  callbacks: {
    onEpochEnd: (epoch: number, logs?: tf.Logs) => {
      const now = performance.now();
      const entry = { epoch: epoch + 1, loss: Number(logs?.loss), reconstruction: Number(logs?.reconstruction), kl: Number(logs?.kl), seconds: (now - epochStart) / 1000 };
      epochStart = now;
      history.push(entry);
      console.log(`epoch ${entry.epoch}: loss ${entry.loss.toFixed(2)} (reconstruction ${entry.reconstruction.toFixed(2)}, kl ${entry.kl.toFixed(2)}) | ${entry.seconds.toFixed(1)} s`);
    },
  },
});
const seconds = (performance.now() - started) / 1000;
const evaluation = await vae.evaluate(testImages, { seed: 0 });
console.log(
  `test -ELBO ${evaluation.negativeElbo.toFixed(2)} nats/image (reconstruction ${evaluation.reconstruction.toFixed(2)} + KL ${evaluation.kl.toFixed(2)}) on ${evaluation.images} images; ` +
    `${epochs} epochs in ${seconds.toFixed(0)} s; ${parameters} parameters`,
);

// Reconstructions: 16 test originals (top) above their decoded latent means (bottom).
const shown = Math.min(16, test.labels.length);
const originals = testImages.slice([0], [shown]);
const reconstructions = vae.reconstruct(originals);
const pair = tf.concat([originals, reconstructions]);
await writePng(`${figures}/vae-reconstructions-${latentDim}.png`, imageGrid({ data: pair.dataSync() as Float32Array, shape: [2 * shown, 28, 28, 1] }, { columns: shown }));
const samples = vae.sample(64, { seed: 2 });
await writePng(`${figures}/vae-samples-${latentDim}.png`, imageGrid({ data: samples.dataSync() as Float32Array, shape: [64, 28, 28, 1] }, { columns: 8 }));
tf.dispose([originals, reconstructions, pair, samples]);
const written = [`vae-reconstructions-${latentDim}.png`, `vae-samples-${latentDim}.png`];

if (latentDim === 2) {
  const { mean, logVar } = vae.encode(testImages);
  const z = mean.dataSync();
  const svg = renderScatterPlot({
    title: `Fashion-MNIST test set in the VAE's 2-D latent space (means of q(z|x), ${epochs} epochs)`,
    xLabel: 'z1',
    yLabel: 'z2',
    x: z.filter((_, i) => i % 2 === 0),
    y: z.filter((_, i) => i % 2 === 1),
    group: test.labels,
    groups: test.classNames.map((label, i) => ({ label, color: tab10[i]! })),
  });
  writeFileSync(`${figures}/vae-latent-2d.png`, svgToPng(svg));
  // The decoder's manifold: a 12 x 12 grid of z over [-2.5, 2.5]^2 (z2 grows upwards).
  const side = 12;
  const grid = tf.tidy(() => {
    const values = tf.linspace(-2.5, 2.5, side);
    const z1 = tf.tile(values.reshape([1, side]), [side, 1]);
    const z2 = tf.tile(values.reverse().reshape([side, 1]), [1, side]);
    return vae.decode(tf.stack([z1.reshape([-1]), z2.reshape([-1])], 1) as tf.Tensor2D);
  });
  await writePng(`${figures}/vae-manifold-2d.png`, imageGrid({ data: grid.dataSync() as Float32Array, shape: [side * side, 28, 28, 1] }, { columns: side, padding: 0 }));
  tf.dispose([mean, logVar, grid]);
  written.push('vae-latent-2d.png', 'vae-manifold-2d.png');
}
console.log(`Figures: ${written.map((name) => `docs/guides/figures/${name}`).join(', ')}`);

const result: Record<string, unknown> = {
  command: `pnpm --filter @dl/examples vae ${process.argv.slice(2).join(' ')}`.trim(),
  machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, tfjs ${tf.version.tfjs} ${report.backend}`,
  date: new Date().toISOString().slice(0, 10),
  data: train.dir,
  latentDim,
  epochs,
  batchSize,
  learningRate,
  beta: 1,
  trainImages: train.labels.length,
  parameters,
  seconds,
  test: evaluation,
  history,
};
if (withTorch) {
  const args = [`${root}bench/python/vae_fashion.py`, '--latent-dim', String(latentDim), '--epochs', String(epochs), '--batch-size', String(batchSize), '--learning-rate', String(learningRate)];
  if (limit !== undefined) args.push('--limit', String(limit));
  if (testLimit !== undefined) args.push('--test-limit', String(testLimit));
  console.log(`PyTorch (one thread): python3 ${args.join(' ')}`);
  const torch = JSON.parse(execFileSync('/usr/bin/python3', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 })) as { parameters: number; seconds: number; test: { negativeElbo: number } };
  const ratio = evaluation.negativeElbo / torch.test.negativeElbo;
  result.pytorch = torch;
  result.negativeElboRatio = ratio;
  console.log(
    `PyTorch test -ELBO ${torch.test.negativeElbo.toFixed(2)} (${torch.parameters} parameters, ${torch.seconds.toFixed(0)} s); tfjs / PyTorch = ${ratio.toFixed(4)} ` +
      `(${Math.abs(ratio - 1) <= 0.05 ? 'within' : 'NOT within'} the 5% target)`,
  );
}
writeFileSync(`${results}/vae-fashion-${latentDim}.json`, `${JSON.stringify(result, null, 2)}\n`);
console.log(`Results: examples/results/vae-fashion-${latentDim}.json`);
tf.dispose([trainImages, testImages]);
vae.dispose();
console.log(`Live tensors at exit: ${tf.memory().numTensors}`);
