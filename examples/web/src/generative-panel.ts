import * as tf from '@tensorflow/tfjs';
import { drawImage, imageGrid } from '@dl/data';
import { createDcgan, createVae } from '@dl/generative';
import { element, onceOnClick, show } from './dom.js';
import { drawLossChart } from './loss-chart.js';

/** What the generative panel found, on `window.dlDemo.generative` for the end-to-end test. */
export interface GenerativePanelResult {
  /** Negative ELBO per image after each batch. */
  readonly losses: readonly number[];
  /** Mean absolute pixel difference between the held-out images and their reconstructions. */
  readonly reconstructionError: number;
  /** The same for the mean training image in place of every reconstruction: what a VAE that learned only the average would score. */
  readonly meanImageError: number;
  /** Where the tiles are on both canvases, in canvas pixels: tile `i` of a row starts at `padding * scale + i * (tile + padding) * scale`. */
  readonly grid: { readonly padding: number; readonly scale: number; readonly tile: number; readonly columns: number };
  /** Wall time of training, in seconds. */
  readonly seconds: number;
  /** The DCGAN trained after the VAE: its discriminator and generator losses after each batch, and its wall time. */
  readonly gan: { readonly dLosses: readonly number[]; readonly gLosses: readonly number[]; readonly seconds: number };
  /** Tensors the panel's run left behind (tf.memory().numTensors after it, less before it): 0 unless something leaks. */
  readonly tensorsLeft: number;
}

const batches = 48;
const ganBatches = 16;
const batchSize = 32;
const grid = { padding: 2, scale: 3, tile: 28, columns: 8 } as const;

/**
 * The generative panel: on a click, trains a small VAE (`createVae`) for a few batches on the
 * Fashion-MNIST training images the page already loaded, then draws 16 samples and, for 8
 * held-out images, the images above their reconstructions (`imageGrid` + `drawImage`).
 */
export function setupGenerativePanel(train: tf.Tensor4D, test: tf.Tensor4D, publish: (result: GenerativePanelResult) => void): void {
  onceOnClick('vae-train', 'vae-status', async () => {
    const tensorsBefore = tf.memory().numTensors;
    // Small on purpose: a few batches in a browser tab; the defaults ([32, 64] filters, 128 units) learn more.
    const vae = createVae({ latentDim: 8, imageShape: [28, 28, 1], encoderFilters: [16, 32], hiddenUnits: 64, learningRate: 5e-3, seed: 1 });
    const x = train.slice([0], [batches * batchSize]);
    const losses: number[] = [];
    show('vae-status', `training a VAE on ${batches * batchSize} images, ${batches} batches of ${batchSize}…`);
    const started = performance.now();
    await vae.train(x, {
      epochs: 1,
      batchSize,
      seed: 1,
      callbacks: {
        // Annotated: VaeTrainOptions takes tf.CustomCallbackArgs or a tf.Callback, so the types are not inferred.
        onBatchEnd: async (_batch: number, logs?: tf.Logs) => {
          losses.push(Number(logs?.loss));
          drawLossChart(element('vae-chart'), losses);
          await tf.nextFrame();
        },
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const meanImage = tf.mean(x, 0, true);
    x.dispose();

    const samples = vae.sample(16, { seed: 3 });
    await drawBatch('vae-samples', samples);
    const originals = test.slice([0], [grid.columns]);
    const reconstructions = vae.reconstruct(originals);
    const both = tf.concat([originals, reconstructions]);
    await drawBatch('vae-reconstructions', both);
    const errors = tf.tidy(() => tf.stack([tf.mean(tf.abs(tf.sub(originals, reconstructions))), tf.mean(tf.abs(tf.sub(originals, meanImage)))]));
    const [reconstructionError, meanImageError] = Array.from(await errors.data()) as [number, number];
    tf.dispose([samples, originals, reconstructions, both, errors, meanImage]);
    vae.dispose();

    // A DCGAN for a handful of steps: real alternating D and G steps, far too few for garments.
    const gan = createDcgan({ imageShape: [28, 28, 1], generatorFilters: [32, 16], discriminatorFilters: [16, 32], seed: 1 });
    const real = tf.tidy(() => train.slice([0], [ganBatches * batchSize]).mul(2).sub(1) as tf.Tensor4D); // [-1, 1], as the generator's tanh
    const dLosses: number[] = [];
    const gLosses: number[] = [];
    show('vae-status', `training a DCGAN on ${ganBatches * batchSize} images, ${ganBatches} batches of ${batchSize}…`);
    const ganStarted = performance.now();
    await gan.train(real, {
      epochs: 1,
      batchSize,
      seed: 1,
      callbacks: {
        onBatchEnd: async (_batch: number, logs?: tf.Logs) => {
          dLosses.push(Number(logs?.dLoss));
          gLosses.push(Number(logs?.gLoss));
          await tf.nextFrame();
        },
      },
    });
    const ganSeconds = (performance.now() - ganStarted) / 1000;
    real.dispose();
    const fakes = tf.tidy(() => gan.sample(16, { seed: 3 }).add(1).div(2) as tf.Tensor4D);
    await drawBatch('gan-samples', fakes);
    fakes.dispose();
    gan.dispose();

    show(
      'vae-status',
      `trained ${losses.length} batches in ${seconds.toFixed(1)} s: negative ELBO ${losses[0]!.toFixed(1)} → ${losses.at(-1)!.toFixed(1)} nats per image; ` +
        `mean absolute reconstruction error ${reconstructionError.toFixed(3)} on ${grid.columns} held-out images (the mean training image: ${meanImageError.toFixed(3)})`,
    );
    show(
      'gan-status',
      `DCGAN: ${dLosses.length} steps in ${ganSeconds.toFixed(1)} s, discriminator loss ${dLosses[0]!.toFixed(3)} → ${dLosses.at(-1)!.toFixed(3)}, ` +
        `generator loss ${gLosses[0]!.toFixed(3)} → ${gLosses.at(-1)!.toFixed(3)}: samples after so few steps are noise with a garment's outline at best (examples/ trains it for epochs).`,
    );
    publish({ losses, reconstructionError, meanImageError, grid, seconds, gan: { dLosses, gLosses, seconds: ganSeconds }, tensorsLeft: tf.memory().numTensors - tensorsBefore });
  });
}

/** Draws images `[n, 28, 28, 1]` in [0, 1] as a grid on the canvas with this id, resized to fit. */
async function drawBatch(canvasId: string, images: tf.Tensor4D): Promise<void> {
  const tiled = imageGrid({ data: await images.data<'float32'>(), shape: images.shape }, { columns: grid.columns, padding: grid.padding });
  const canvas = element<HTMLCanvasElement>(canvasId);
  [canvas.width, canvas.height] = [tiled.width * grid.scale, tiled.height * grid.scale];
  drawImage(canvas.getContext('2d')!, tiled, { scale: grid.scale });
}
