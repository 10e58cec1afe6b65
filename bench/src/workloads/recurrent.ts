import * as tf from '@tensorflow/tfjs';
import { createSeededRandom, seededInitializers } from '@dl/core';
import type { Workload, WorkloadSize } from './types.js';

/** Which recurrent layer the classifier uses. */
export type Cell = 'lstm' | 'gru' | 'simpleRNN';

/**
 * Embedding(1000, 32) - <cell>(32) - Dense(1, sigmoid) on sequences of 100 tokens,
 * Adam, batch 64: tfjs-layers' own recurrent layers. One unit = one epoch.
 */
export function recurrentWorkload(cell: Cell, { samples }: WorkloadSize): Workload {
  const init = seededInitializers(1);
  const vocabulary = 1000;
  const steps = 100;
  const recurrentArgs = {
    units: 32,
    kernelInitializer: init.next('glorotUniform'),
    recurrentInitializer: init.next('orthogonal'),
  };
  const model = tf.sequential({
    layers: [
      tf.layers.embedding({ inputDim: vocabulary, outputDim: 32, inputLength: steps, embeddingsInitializer: init.next('randomUniform', { minval: -0.05, maxval: 0.05 }) }),
      cell === 'lstm' ? tf.layers.lstm(recurrentArgs) : cell === 'gru' ? tf.layers.gru(recurrentArgs) : tf.layers.simpleRNN(recurrentArgs),
      tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: init.next('glorotUniform') }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'binaryCrossentropy' });
  const random = createSeededRandom(2);
  const tokens = Int32Array.from({ length: samples * steps }, () => 1 + random.nextInt(vocabulary - 1));
  const labels = Float32Array.from({ length: samples }, (_, i) => (tokens[i * steps + steps - 1]! < vocabulary / 2 ? 1 : 0));
  const x = tf.tensor2d(tokens, [samples, steps], 'int32');
  const y = tf.tensor2d(labels, [samples, 1]);
  return {
    unit: `epoch (${samples} sequences x ${steps})`,
    samplesPerUnit: samples,
    flopsPerUnit: 0,
    async run() {
      const history = await model.fit(x, y, { epochs: 1, batchSize: 64, shuffle: false, verbose: 0 });
      return history.history.loss![0] as number;
    },
    dispose: () => {
      tf.dispose([x, y]);
      model.dispose();
    },
  };
}
