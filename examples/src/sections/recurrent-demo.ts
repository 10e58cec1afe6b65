import * as tf from '@tensorflow/tfjs';
import { runAddingExperiment, type CellName } from '../recurrent/adding-experiment.js';

const labels: Record<CellName, string> = { simple: 'SimpleRNN', lstm: 'LSTM', gru: 'GRU' };

/**
 * @dl/recurrent: the adding problem at T = 30, LSTM against SimpleRNN with the same budget
 * (2,000 sequences, 6 epochs, 32 units, Adam 0.01, clipNorm 1; about 20 s on wasm).
 * `pnpm adding` runs the full comparison at T = 100 with GRU too, and the clipping run.
 */
export async function recurrentDemo(): Promise<void> {
  console.log(`\n== @dl/recurrent: adding problem, T = 30, LSTM vs SimpleRNN (backend ${tf.getBackend()}) ==`);
  const started = performance.now();
  const result = await runAddingExperiment({
    length: 30,
    trainCount: 2000,
    testCount: 500,
    units: 32,
    epochs: 6,
    batchSize: 32,
    learningRate: 1e-2,
    clipNorm: 1,
    seed: 1,
    cells: ['lstm', 'simple'],
    onEpoch: (cell, epoch, testMse) => console.log(`  ${labels[cell].padEnd(9)} epoch ${epoch}: test MSE ${testMse.toFixed(4)}`),
  });
  console.log(`predicting 1.0 scores ${result.baselineMse.toFixed(4)} on the same test set (expected 1/6)`);
  for (const cell of result.cells) {
    const final = cell.testMse.at(-1) as number;
    console.log(`${labels[cell.cell].padEnd(9)} test MSE ${final.toFixed(4)} = ${((100 * final) / result.baselineMse).toFixed(1)}% of the baseline (${cell.seconds.toFixed(1)} s)`);
  }
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s in all)`);
}
