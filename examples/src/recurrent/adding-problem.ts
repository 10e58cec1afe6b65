/**
 * `pnpm adding`: the adding problem at T = 100 (chapter 5, Q2-Q3). SimpleRNN, LSTM and GRU
 * trained with one budget, test MSE per epoch against the constant prediction 1.0; then the
 * exploding-gradient run, without and with gradient clipping. Writes
 * examples/results/adding-problem.json, docs/guides/figures/adding-problem.png and
 * docs/guides/figures/gradient-clipping.png.
 *
 * Options: `--epochs=N` and `--train=N` shrink or grow the main comparison.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { useBackend } from '@dl/core';
import { runAddingExperiment, type AddingExperimentOptions, type CellName } from './adding-experiment.js';
import { runClippingExperiment, type ClippingExperimentOptions } from './clipping-experiment.js';
import { renderLinePlot, svgToPng } from '../shared/line-plot.js';
import { integerFlag } from '../shared/flags.js';

const cellLabels: Record<CellName, string> = { simple: 'SimpleRNN', lstm: 'LSTM', gru: 'GRU' };
const cellColors: Record<CellName, string> = { simple: '#d62728', lstm: '#1f77b4', gru: '#2ca02c' };

/** Both figures, from the results JSON (NaN test errors are stored as null). */
export function writeFigures(json: { addingProblem: { settings: { length: number; units: number; epochs: number }; baselineMse: number; cells: { cell: CellName; testMse: (number | null)[] }[] }; gradientClipping: { settings: { learningRate: number }; runs: { name: string; batchLoss: (number | null)[]; divergedAtBatch: number | null }[] } }, figuresDir: string): void {
  const { settings, baselineMse, cells } = json.addingProblem;
  const finite = (values: (number | null)[]): number[] => values.map((v) => v ?? Number.NaN);
  const addingSvg = renderLinePlot({
    title: `Adding problem, T = ${settings.length}: test MSE per epoch (${settings.units} units, Adam, same budget)`,
    xLabel: 'epoch',
    yLabel: 'test mean squared error (log scale)',
    logY: true,
    series: [
      ...cells.map((c) => ({ label: cellLabels[c.cell], values: finite(c.testMse), color: cellColors[c.cell] })),
      { label: `predict 1.0 (${baselineMse.toFixed(3)})`, values: new Array<number>(settings.epochs).fill(baselineMse), color: '#555555', dashed: true },
    ],
  });
  writeFileSync(`${figuresDir}adding-problem.png`, svgToPng(addingSvg));
  const clipping = json.gradientClipping;
  const clippingSvg = renderLinePlot({
    title: `LSTM, SGD learning rate ${clipping.settings.learningRate}: training loss per batch`,
    xLabel: 'batch',
    yLabel: 'training MSE (log scale)',
    logY: true,
    series: clipping.runs.map((run, i) => ({
      label: run.divergedAtBatch === null ? run.name : `${run.name} (NaN at batch ${run.divergedAtBatch})`,
      values: finite(run.batchLoss),
      color: i === 0 ? '#d62728' : '#1f77b4',
      markers: false,
    })),
  });
  writeFileSync(`${figuresDir}gradient-clipping.png`, svgToPng(clippingSvg));
}

async function main(): Promise<void> {
  const backend = await useBackend('wasm');
  const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, tfjs ${tf.version.tfjs} ${backend.backend}` +
    (backend.wasm === undefined ? '' : ` (simd=${backend.wasm.simd}, threads=${backend.wasm.threads})`);
  console.log(`Adding problem on ${machine}`);

  const adding: AddingExperimentOptions = {
    length: 100,
    trainCount: integerFlag('train', 4000),
    testCount: 1000,
    units: 32,
    epochs: integerFlag('epochs', 15),
    batchSize: 32,
    learningRate: 1e-2,
    clipNorm: 1,
    seed: 1,
    cells: ['simple', 'lstm', 'gru'],
    onEpoch: (cell, epoch, testMse, trainMse) =>
      console.log(`  ${cellLabels[cell].padEnd(9)} epoch ${String(epoch).padStart(2)}: train MSE ${trainMse.toFixed(4)}, test MSE ${testMse.toFixed(4)}`),
  };
  const { onEpoch: _a, ...addingSettings } = adding;
  console.log(`\n== Same budget per cell: ${JSON.stringify(addingSettings)} ==`);
  const result = await runAddingExperiment(adding);
  console.log(`\nbaseline (predict 1.0) test MSE ${result.baselineMse.toFixed(4)} (expected 1/6 = 0.1667)`);
  console.log('cell       params  final test MSE  best test MSE  seconds');
  for (const c of result.cells) {
    console.log(
      `${cellLabels[c.cell].padEnd(9)} ${String(c.parameters).padStart(7)}  ${c.testMse.at(-1)!.toFixed(4).padStart(14)}  ${Math.min(...c.testMse.filter(Number.isFinite)).toFixed(4).padStart(13)}  ${c.seconds.toFixed(1).padStart(7)}`,
    );
  }

  const clipping: ClippingExperimentOptions = {
    length: 100,
    trainCount: 2000,
    testCount: 500,
    units: 32,
    epochs: 3,
    batchSize: 32,
    learningRate: 1,
    clipNorm: 1,
    seed: 1,
  };
  console.log(`\n== Exploding gradients: LSTM, plain SGD, ${JSON.stringify(clipping)} ==`);
  const clipped = await runClippingExperiment(clipping);
  for (const run of clipped.runs) {
    const fate = run.divergedAtBatch === null ? 'stayed finite' : `loss non-finite at batch ${run.divergedAtBatch}`;
    console.log(
      `  ${run.name.padEnd(11)}: ${fate}; largest finite batch loss ${run.maxBatchLoss.toExponential(2)}; ` +
        `first batch losses ${run.batchLoss.slice(0, 6).map((v) => v.toExponential(1)).join(', ')}; test MSE per epoch ${run.testMse.map((v) => v.toFixed(4)).join(', ')}`,
    );
  }
  console.log(`  baseline (predict 1.0) test MSE ${clipped.baselineMse.toFixed(4)}`);

  const resultsDir = fileURLToPath(new URL('../../results/', import.meta.url));
  const figuresDir = fileURLToPath(new URL('../../../docs/guides/figures/', import.meta.url));
  mkdirSync(resultsDir, { recursive: true });
  mkdirSync(figuresDir, { recursive: true });
  const { onEpoch: _c, ...clippingSettings } = clipping;
  const json = {
    command: 'pnpm adding',
    machine,
    date: new Date().toISOString().slice(0, 10),
    addingProblem: { settings: addingSettings, baselineMse: result.baselineMse, cells: result.cells },
    gradientClipping: { settings: clippingSettings, cell: 'lstm', optimizer: 'sgd', baselineMse: clipped.baselineMse, runs: clipped.runs },
  };
  writeFileSync(`${resultsDir}adding-problem.json`, `${JSON.stringify(json, null, 2)}\n`);

  writeFigures(json, figuresDir);
  console.log(`\nWrote ${resultsDir}adding-problem.json, ${figuresDir}adding-problem.png and gradient-clipping.png`);
  console.log(`Live tensors at exit: ${tf.memory().numTensors}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
