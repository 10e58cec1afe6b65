import * as tf from '@tensorflow/tfjs';
import { seededInitializers } from '@dl/core';
import type { Workload, WorkloadSize } from './types.js';

/**
 * The seed's CNN: conv32(3x3, relu) - maxpool - conv64(3x3, relu) - maxpool - flatten -
 * dense10 softmax, on 28x28x1 images, Adam, batch 64 (or `batchSize`: the `cnn-b256` row).
 * One unit = one epoch.
 */
export function cnnWorkload({ samples }: WorkloadSize, batchSize = 64): Workload {
  const init = seededInitializers(1);
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 32, kernelSize: 3, activation: 'relu', kernelInitializer: init.next('glorotUniform') }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu', kernelInitializer: init.next('glorotUniform') }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: init.next('glorotUniform') }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'sparseCategoricalCrossentropy' });
  const x = tf.randomUniform([samples, 28, 28, 1], 0, 1, 'float32', 3);
  // Labels that depend on the input, so the loss can fall.
  const y = tf.tidy(() => x.mean([1, 2, 3]).mul(10 * 2).floor().clipByValue(0, 9).reshape([samples, 1]));
  return {
    unit: batchSize === 64 ? `epoch (${samples} images)` : `epoch (${samples} images, batch ${batchSize})`,
    samplesPerUnit: samples,
    flopsPerUnit: 0,
    async run() {
      const history = await model.fit(x, y, { epochs: 1, batchSize, shuffle: false, verbose: 0 });
      return history.history.loss![0] as number;
    },
    dispose: () => {
      tf.dispose([x, y]);
      model.dispose();
    },
  };
}
