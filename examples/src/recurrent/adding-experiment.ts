import * as tf from '@tensorflow/tfjs';
import { withSeededRandom } from '@dl/core';
import { createSequenceRegressor } from '@dl/recurrent';
import { addingSplit } from './adding-split.js';

/** The recurrent cells compared: Elman's simple RNN, LSTM and GRU. */
export type CellName = 'simple' | 'lstm' | 'gru';

/** One budget for every cell: the comparison changes the cell and nothing else. */
export interface AddingExperimentOptions {
  /** Steps per sequence, T. */
  readonly length: number;
  /** Training sequences (the first `trainCount` of one seeded draw). */
  readonly trainCount: number;
  /** Test sequences (the rest of that draw; never trained on). */
  readonly testCount: number;
  /** Recurrent units of the single layer. */
  readonly units: number;
  readonly epochs: number;
  readonly batchSize: number;
  /** Adam's learning rate. */
  readonly learningRate: number;
  /** Gradient clipping by global norm; undefined for none. */
  readonly clipNorm?: number;
  /** Seeds the data, the weights and the shuffling. */
  readonly seed: number;
  readonly cells: readonly CellName[];
  /** Called after each epoch of each cell. */
  readonly onEpoch?: (cell: CellName, epoch: number, testMse: number, trainMse: number) => void;
}

/** What one cell did under the budget. */
export interface CellResult {
  readonly cell: CellName;
  readonly parameters: number;
  /** Mean squared error on the test sequences after each epoch. */
  readonly testMse: number[];
  /** Mean of the per-batch training losses of each epoch. */
  readonly trainMse: number[];
  /** Wall time of `model.fit`, evaluation of the test set included. */
  readonly seconds: number;
}

/** Result of {@link runAddingExperiment}. */
export interface AddingExperimentResult {
  /** Test MSE of the constant prediction 1.0 (expected value 1/6). */
  readonly baselineMse: number;
  readonly cells: CellResult[];
}

/**
 * Trains one `createSequenceRegressor` per cell on the adding problem with the same data, units,
 * optimizer, epochs, batch size and seed, and records the test MSE after every epoch.
 */
export async function runAddingExperiment(options: AddingExperimentOptions): Promise<AddingExperimentResult> {
  const { length, trainCount, testCount, seed } = options;
  const split = addingSplit(length, trainCount, testCount, seed);
  const { xTrain, xTest, yTrain, yTest } = split;

  const cells: CellResult[] = [];
  try {
    for (const cell of options.cells) {
      const model = createSequenceRegressor({
        cell,
        inputDim: 2,
        sequenceLength: length,
        units: options.units,
        layers: 1,
        learningRate: options.learningRate,
        ...(options.clipNorm === undefined ? {} : { clipNorm: options.clipNorm }),
        seed,
      });
      const started = performance.now();
      const history = await withSeededRandom(seed, () =>
        model.fit(xTrain, yTrain, {
          epochs: options.epochs,
          batchSize: options.batchSize,
          shuffle: true,
          verbose: 0,
          validationData: [xTest, yTest],
          callbacks: {
            onEpochEnd: (epoch, logs) => {
              options.onEpoch?.(cell, epoch + 1, Number(logs?.val_loss), Number(logs?.loss));
            },
          },
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      cells.push({
        cell,
        parameters: model.countParams(),
        testMse: (history.history.val_loss as number[]).map(Number),
        trainMse: (history.history.loss as number[]).map(Number),
        seconds,
      });
      model.optimizer.dispose();
      model.dispose();
    }
  } finally {
    split.dispose();
  }
  return { baselineMse: split.baselineMse, cells };
}
