import * as tf from '@tensorflow/tfjs';
import { createSeededRandom, seededInitializers } from '@dl/core';
import { ProgressBar } from '@dl/core/node';

/**
 * Two interleaved spirals: a small task a linear model cannot solve and a two-layer
 * network learns in a few seconds.
 */
function spirals(count: number, seed: number): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const random = createSeededRandom(seed);
  const points: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < count; i++) {
    const label = i % 2;
    const t = (random.next() * 3 + 0.25) * Math.PI;
    const r = t / (3.25 * Math.PI);
    const angle = t + label * Math.PI;
    points.push(r * Math.cos(angle) + (random.next() - 0.5) * 0.04, r * Math.sin(angle) + (random.next() - 0.5) * 0.04);
    labels.push(label);
  }
  return { x: tf.tensor2d(points, [count, 2]), y: tf.tensor2d(labels, [count, 1]) };
}

/** Trains an MLP on the spirals with model.fit and the progress bar. */
export async function coreDemo(): Promise<void> {
  console.log(`== @dl/core: MLP on two spirals (backend ${tf.getBackend()}) ==`);
  const init = seededInitializers(7);
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [2], units: 64, activation: 'relu', kernelInitializer: init.next('heNormal') }),
      tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: init.next('heNormal') }),
      tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: init.next('glorotUniform') }),
    ],
  });
  const optimizer = tf.train.adam(0.01);
  model.compile({ optimizer, loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  const { x, y } = spirals(2048, 1);
  const progress = new ProgressBar();
  const started = performance.now();
  const history = await model.fit(x, y, { epochs: 40, batchSize: 64, shuffle: true, callbacks: [progress], verbose: 0 });
  const seconds = (performance.now() - started) / 1000;
  const loss = history.history.loss!.at(-1) as number;
  const accuracy = (history.history.acc ?? history.history.accuracy)!.at(-1) as number;
  console.log(
    `final loss ${loss.toFixed(4)}, accuracy ${accuracy.toFixed(3)}, 40 epochs in ${seconds.toFixed(1)} s, ` +
      `${progress.lastEpoch?.samplesPerSecond.toFixed(0)} samples/s (last epoch)`,
  );
  tf.dispose([x, y]);
  model.dispose();
  optimizer.dispose();
}
