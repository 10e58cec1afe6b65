import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { ProgressBar } from '@dl/core/node';
import { imageGrid } from '@dl/data';
import { fashionMnistFixtureDir, loadFashionMnist, writePng } from '@dl/data/node';
import { createDcgan, createVae } from '@dl/generative';

/** Where the demo's pictures go: examples/.cache/demo/ (git-ignored, like the saved models in examples/.cache/). */
const outputDir = fileURLToPath(new URL('../../.cache/demo/', import.meta.url));
const shownDir = 'examples/.cache/demo';

/** A VAE (latentDim 16) for 2 epochs: test -ELBO and its parts, and a PNG of reconstructions. */
async function vaeDemo(train: tf.Tensor4D, test: tf.Tensor4D): Promise<void> {
  const vae = createVae({ latentDim: 16, imageShape: [28, 28, 1], seed: 1 });
  const epochs = 2;
  const started = performance.now();
  await vae.train(train, { epochs, batchSize: 64, seed: 1, callbacks: [new ProgressBar()] });
  const seconds = (performance.now() - started) / 1000;
  const evaluation = await vae.evaluate(test, { seed: 0 });
  console.log(
    `VAE (latentDim 16, ${epochs} epochs in ${seconds.toFixed(1)} s): test -ELBO ${evaluation.negativeElbo.toFixed(1)} nats/image = ` +
      `reconstruction ${evaluation.reconstruction.toFixed(1)} (summed BCE) + KL ${evaluation.kl.toFixed(1)}, on ${evaluation.images} images`,
  );
  // 16 test images (top row) above their reconstructions from the latent means (bottom row).
  const shown = 16;
  const pair = tf.tidy(() => {
    const originals = test.slice([0], [shown]);
    return tf.concat([originals, vae.reconstruct(originals)]);
  });
  await writePng(`${outputDir}vae-reconstructions.png`, imageGrid({ data: pair.dataSync() as Float32Array, shape: [2 * shown, 28, 28, 1] }, { columns: shown }));
  pair.dispose();
  console.log(`wrote ${shownDir}/vae-reconstructions.png (top: test images, bottom: reconstructions)`);
  vae.dispose();
}

/** A DCGAN (createDcgan defaults) for 1 epoch on the images scaled to [-1, 1]: losses and a PNG of samples. */
async function dcganDemo(train: tf.Tensor4D): Promise<void> {
  const gan = createDcgan({ imageShape: [28, 28, 1], seed: 1 });
  const x = tf.tidy(() => train.mul(2).sub(1)) as tf.Tensor4D; // the generator's tanh range
  const started = performance.now();
  const history = await gan.train(x, { epochs: 1, batchSize: 64, seed: 1, callbacks: [new ProgressBar()] });
  const seconds = (performance.now() - started) / 1000;
  const last = (name: string) => (history.history[name]!.at(-1) as number).toFixed(3);
  console.log(
    `DCGAN (createDcgan defaults, 1 epoch = ${Math.ceil(train.shape[0] / 64)} steps in ${seconds.toFixed(1)} s): dLoss ${last('dLoss')}, gLoss ${last('gLoss')}, ` +
      `D(real) ${last('dReal')}, D(fake) ${last('dFake')} (after so few steps the samples are still flat grey; \`pnpm --filter @dl/examples dcgan\` trains for 5 epochs)`,
  );
  const samples = tf.tidy(() => gan.sample(64, { seed: 7 }).add(1).div(2)); // back to [0, 1]
  await writePng(`${outputDir}dcgan-samples.png`, imageGrid({ data: samples.dataSync() as Float32Array, shape: [64, 28, 28, 1] }, { columns: 8 }));
  tf.dispose([samples, x]);
  console.log(`wrote ${shownDir}/dcgan-samples.png (64 samples)`);
  gan.dispose();
}

/**
 * @dl/generative: on the committed Fashion-MNIST subset (2,000 train / 500 test images), a VAE for
 * 2 epochs (test -ELBO and its two parts, reconstructions) and a DCGAN for 1 epoch (losses, a
 * grid of samples); the pictures go to examples/.cache/demo/ (about 70 s on wasm). `pnpm --filter
 * @dl/examples vae` and `dcgan` run the full versions.
 */
export async function generativeDemo(): Promise<void> {
  console.log(`\n== @dl/generative: VAE and DCGAN, Fashion-MNIST subset (backend ${tf.getBackend()}) ==`);
  const tensorsBefore = tf.memory().numTensors;
  const started = performance.now();
  // Always the committed subset, even where Debian's full set is installed: the same demo everywhere.
  const trainSet = await loadFashionMnist({ split: 'train', normalize: true, dir: fashionMnistFixtureDir });
  const testSet = await loadFashionMnist({ split: 'test', normalize: true, dir: fashionMnistFixtureDir });
  const train = tf.tensor4d(trainSet.images as Float32Array, [trainSet.labels.length, 28, 28, 1]); // [0, 1]
  const test = tf.tensor4d(testSet.images as Float32Array, [testSet.labels.length, 28, 28, 1]);
  mkdirSync(outputDir, { recursive: true });
  await vaeDemo(train, test);
  await dcganDemo(train);
  tf.dispose([train, test]);
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s in all; live tensors ${tensorsBefore} before, ${tf.memory().numTensors} after)`);
}
