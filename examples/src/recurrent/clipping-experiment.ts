import * as tf from '@tensorflow/tfjs';
import { seededInitializers, withGradientClipping, withSeededRandom } from '@dl/core';
import { lstm } from '@dl/recurrent';
import { addingSplit } from './adding-split.js';

/** The exploding-gradient setting, run once without clipping and once with it. */
export interface ClippingExperimentOptions {
  /** Steps per sequence, T. */
  readonly length: number;
  readonly trainCount: number;
  readonly testCount: number;
  readonly units: number;
  readonly epochs: number;
  readonly batchSize: number;
  /** Plain SGD's learning rate: the update is `learningRate * gradient`, so a gradient spike lands in the weights unscaled. */
  readonly learningRate: number;
  /** The clipped run's global-norm limit. */
  readonly clipNorm: number;
  readonly seed: number;
  /** Called after each epoch of each run. */
  readonly onEpoch?: (run: string, epoch: number, testMse: number, trainMse: number) => void;
}

/** One run of the clipping experiment. */
export interface ClippingRun {
  /** `'no clipping'` or `'clipNorm N'`. */
  readonly name: string;
  readonly clipNorm: number | null;
  /** Training loss of every batch, until the first non-finite one (included). */
  readonly batchLoss: number[];
  /** Test MSE after each completed epoch (NaN once the weights are NaN). */
  readonly testMse: number[];
  /** The largest finite batch loss seen. */
  readonly maxBatchLoss: number;
  /** 1-based batch whose loss was NaN or infinite; null when training stayed finite. */
  readonly divergedAtBatch: number | null;
}

/** Result of {@link runClippingExperiment}. */
export interface ClippingExperimentResult {
  /** Test MSE of the constant prediction 1.0. */
  readonly baselineMse: number;
  readonly runs: ClippingRun[];
}

/**
 * Trains the same seeded LSTM (Keras initialisers, plain SGD with a large learning rate) on the
 * adding problem twice: without clipping, and with the gradients' global norm clipped
 * (`withGradientClipping` from @dl/core, what `clipNorm` of the @dl/recurrent factories uses).
 * Only the clipping differs. A run stops at the first non-finite batch loss. The cell is an LSTM
 * on purpose: gating keeps gradients from vanishing over long spans, it does not bound them.
 */
export async function runClippingExperiment(options: ClippingExperimentOptions): Promise<ClippingExperimentResult> {
  const { length, trainCount, testCount, seed } = options;
  const split = addingSplit(length, trainCount, testCount, seed);
  const { xTrain, xTest, yTrain, yTest } = split;

  const runs: ClippingRun[] = [];
  try {
    for (const clipNorm of [null, options.clipNorm]) {
      const name = clipNorm === null ? 'no clipping' : `clipNorm ${clipNorm}`;
      const init = seededInitializers(seed);
      const input = tf.input({ shape: [length, 2] });
      const state = lstm({ units: options.units, kernelInitializer: init.next('glorotUniform'), recurrentInitializer: init.next('orthogonal') }).apply(input) as tf.SymbolicTensor;
      const output = tf.layers.dense({ units: 1, kernelInitializer: init.next('glorotUniform') }).apply(state) as tf.SymbolicTensor;
      const model = tf.model({ inputs: input, outputs: output });
      const sgd = tf.train.sgd(options.learningRate);
      model.compile({ optimizer: clipNorm === null ? sgd : withGradientClipping(sgd, { clipNorm }), loss: 'meanSquaredError' });

      const batchLoss: number[] = [];
      const testMse: number[] = [];
      let divergedAtBatch: number | null = null;
      await withSeededRandom(seed, () =>
        model.fit(xTrain, yTrain, {
          epochs: options.epochs,
          batchSize: options.batchSize,
          shuffle: true,
          verbose: 0,
          validationData: [xTest, yTest],
          callbacks: {
            onBatchEnd: (_batch, logs) => {
              const loss = Number(logs?.loss);
              batchLoss.push(loss);
              if (!Number.isFinite(loss) && divergedAtBatch === null) {
                divergedAtBatch = batchLoss.length;
                model.stopTraining = true;
              }
            },
            onEpochEnd: (epoch, logs) => {
              testMse.push(Number(logs?.val_loss));
              options.onEpoch?.(name, epoch + 1, Number(logs?.val_loss), Number(logs?.loss));
            },
          },
        }),
      );
      const finite = batchLoss.filter(Number.isFinite);
      runs.push({ name, clipNorm, batchLoss, testMse, maxBatchLoss: Math.max(...finite), divergedAtBatch });
      sgd.dispose();
      model.dispose();
    }
  } finally {
    split.dispose();
  }
  return { baselineMse: split.baselineMse, runs };
}
