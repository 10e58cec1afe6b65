import * as tf from '@tensorflow/tfjs';
import { createSeededRandom, seededInitializers, type Initializer } from '@dl/core';
import { gru, lstm, simpleRnn } from '@dl/recurrent';
import type { Workload, WorkloadSize } from './types.js';

/** Which recurrent layer the classifier uses: tfjs-layers' own, or @dl/recurrent's (`-dl`). */
export type Cell = 'lstm' | 'gru' | 'simpleRNN' | 'lstm-dl' | 'gru-dl' | 'simpleRNN-dl';

/** The recurrent layer of `cell`: tfjs-layers' (hardSigmoid gates, GRU reset before) or ours (Keras 2 and PyTorch's). */
function recurrentLayer(cell: Cell, args: { units: number; kernelInitializer: Initializer; recurrentInitializer: Initializer }): tf.layers.Layer {
  switch (cell) {
    case 'lstm':
      return tf.layers.lstm(args);
    case 'gru':
      return tf.layers.gru(args);
    case 'simpleRNN':
      return tf.layers.simpleRNN(args);
    case 'lstm-dl':
      return lstm(args);
    case 'gru-dl':
      return gru(args);
    case 'simpleRNN-dl':
      return simpleRnn(args);
  }
}

/**
 * Embedding(1000, 32) - <cell>(32) - Dense(1, sigmoid) on sequences of 100 tokens,
 * Adam, batch 64: tfjs-layers' own recurrent layers, or @dl/recurrent's fused ones (`-dl`).
 * One unit = one epoch.
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
      recurrentLayer(cell, recurrentArgs),
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
