/**
 * `pnpm --filter @dl/examples transfer`: does transfer learning beat training from scratch on a
 * small labelled set? Fashion-MNIST split by class: a `createConvClassifier` is pretrained on
 * classes 0-4 (T-shirt, trouser, pullover, dress, coat; all 30,000 training images), then the new
 * task is classes 5-9 (sandal, shirt, sneaker, bag, ankle boot) with only `--per-class` (default
 * 100) labelled images per class. Three contenders, each with several seeds (`--seeds`, default 3;
 * the seed picks the labelled images, the initial weights and the batch order):
 *   (a) from scratch: the same architecture, trained for `--head-epochs + --fine-tune-epochs` epochs;
 *   (b) transfer, frozen base: `createTransferModel` cut at the conv features (`cutAt: 'flatten'`,
 *       the base without its dense layers, Keras's `include_top=False`), new head, `--head-epochs` (20);
 *   (b') the same, cut at the default place, the penultimate dense layer (features of the old classes);
 *   (c) (b) then fine-tuned: `unfreeze` at 1e-4 for `--fine-tune-epochs` (10) more.
 * (a) and (c) see the labelled images the same number of times. Accuracy on all 5,000 test images
 * of classes 5-9. Writes examples/results/transfer-fashion.json and
 * docs/guides/figures/transfer-fashion.png (with `-N-per-class` before the extension when
 * `--per-class=N` is not 100). The pretrained base is saved to
 * examples/.cache/transfer-base and reused (`--retrain-base` to train it again). `--reverse` swaps
 * the halves: pretrain on classes 5-9, transfer to classes 0-4 (the confusable tops; base in
 * examples/.cache/transfer-base-reverse, `-reverse` added to the output names).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { createSeededRandom, useBackend, withSeededRandom } from '@dl/core';
import { loadModel, saveModel } from '@dl/core/node';
import { createConvClassifier } from '@dl/conv';
import { loadFashionMnist } from '@dl/data/node';
import { createTransferModel, unfreeze } from '@dl/transfer-fusion';
import { meanAndSpread, renderBarChart } from '../shared/bar-chart.js';
import { fashionSubset, indicesWhere } from '../shared/fashion-subset.js';
import { integerFlag, switchFlag } from '../shared/flags.js';
import { figuresDir, repositoryRoot, resultsDir } from '../shared/output-dirs.js';
import { svgToPng } from '../shared/svg.js';

const seeds = integerFlag('seeds', 3);
const perClass = integerFlag('per-class', 100);
const pretrainEpochs = integerFlag('pretrain-epochs', 3);
const headEpochs = integerFlag('head-epochs', 20);
const fineTuneEpochs = integerFlag('fine-tune-epochs', 10);
const retrainBase = switchFlag('retrain-base');
const reverse = switchFlag('reverse');
/** The first class of the pretraining half and of the new task's half. */
const [oldFirst, newFirst] = reverse ? [5, 0] : [0, 5];
const inHalf = (first: number) => (label: number) => label >= first && label < first + 5;
const classRange = (first: number) => `${first}-${first + 4}`;
const batchSize = 32;
const outputName = `transfer-fashion${perClass === 100 ? '' : `-${perClass}-per-class`}${reverse ? '-reverse' : ''}`;
// `--threads=N`: XNNPACK threads (same results bit for bit, faster convolutions on several cores).
const report = await useBackend('wasm', { threads: integerFlag('threads', 1) });
const train = await loadFashionMnist({ split: 'train', normalize: true });
const test = await loadFashionMnist({ split: 'test', normalize: true });
console.log(`Fashion-MNIST from ${train.dir}; backend ${report.backend}`);

const accuracy = (model: tf.LayersModel, data: { x: tf.Tensor; y: tf.Tensor }): number => {
  const outputs = model.evaluate(data.x, data.y, { batchSize: 256 }) as tf.Scalar[];
  const value = outputs[1]!.dataSync()[0]!;
  tf.dispose(outputs);
  return value;
};
const fit = (model: tf.LayersModel, data: { x: tf.Tensor; y: tf.Tensor }, epochs: number, seed: number) =>
  withSeededRandom(seed, () => model.fit(data.x, data.y, { epochs, batchSize, shuffle: true, verbose: 0 }));

// Pretraining on one half of the classes (or the saved base).
const baseDir = `${repositoryRoot}examples/.cache/transfer-base${reverse ? '-reverse' : ''}`;
const oldTest = fashionSubset(test, indicesWhere(test, inHalf(oldFirst)), oldFirst);
let pretrainSeconds = 0;
if (retrainBase || !existsSync(`${baseDir}/model.json`)) {
  const old = fashionSubset(train, indicesWhere(train, inHalf(oldFirst)), oldFirst);
  const base = createConvClassifier({ inputShape: [28, 28, 1], numClasses: 5, seed: 100 });
  const started = performance.now();
  await withSeededRandom(100, () => base.fit(old.x, old.y, { epochs: pretrainEpochs, batchSize: 64, shuffle: true, verbose: 0, callbacks: { onEpochEnd: (epoch, logs) => console.log(`pretrain epoch ${epoch + 1}: loss ${logs?.loss?.toFixed(4)} acc ${logs?.acc?.toFixed(4)}`) } }));
  pretrainSeconds = (performance.now() - started) / 1000;
  await saveModel(base, baseDir);
  tf.dispose([old.x, old.y]);
  base.optimizer.dispose();
  base.dispose();
}
const pretrained = await loadModel(baseDir);
pretrained.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
const baseAccuracy = accuracy(pretrained, oldTest);
pretrained.dispose();
tf.dispose([oldTest.x, oldTest.y]);
console.log(`pretrained base: accuracy ${baseAccuracy.toFixed(4)} on the 5,000 test images of classes ${classRange(oldFirst)}${pretrainSeconds > 0 ? ` (${pretrainSeconds.toFixed(0)} s)` : ' (saved base)'}`);

// The new task: the other half, with few labels.
const newTest = fashionSubset(test, indicesWhere(test, inHalf(newFirst)), newFirst);
const runs: { seed: number; scratch: number; frozen: number; frozenPenultimate: number; fineTuned: number; seconds: { scratch: number; frozen: number; fineTune: number } }[] = [];
for (let seed = 1; seed <= seeds; seed += 1) {
  const random = createSeededRandom(seed);
  const chosen = [0, 1, 2, 3, 4].map((i) => newFirst + i).flatMap((label) => {
    return random.shuffle(indicesWhere(train, (l) => l === label)).slice(0, perClass);
  });
  const few = fashionSubset(train, chosen, newFirst);

  let started = performance.now();
  const scratchModel = createConvClassifier({ inputShape: [28, 28, 1], numClasses: 5, seed });
  await fit(scratchModel, few, headEpochs + fineTuneEpochs, seed);
  const scratch = accuracy(scratchModel, newTest);
  const scratchSeconds = (performance.now() - started) / 1000;

  const bases = [await loadModel(baseDir), await loadModel(baseDir)];
  const penultimateModel = createTransferModel({ base: bases[0]!, head: { numClasses: 5 }, seed });
  await fit(penultimateModel, few, headEpochs, seed);
  const frozenPenultimate = accuracy(penultimateModel, newTest);

  started = performance.now();
  const model = createTransferModel({ base: bases[1]!, cutAt: 'flatten', head: { numClasses: 5 }, seed });
  await fit(model, few, headEpochs, seed);
  const frozen = accuracy(model, newTest);
  const frozenSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  unfreeze(model, { learningRate: 1e-4 });
  await fit(model, few, fineTuneEpochs, seed + 1000);
  const fineTuned = accuracy(model, newTest);
  const fineTuneSeconds = (performance.now() - started) / 1000;

  runs.push({ seed, scratch, frozen, frozenPenultimate, fineTuned, seconds: { scratch: scratchSeconds, frozen: frozenSeconds, fineTune: fineTuneSeconds } });
  console.log(`seed ${seed}: (a) scratch ${scratch.toFixed(4)} (${scratchSeconds.toFixed(0)} s) | (b) frozen base ${frozen.toFixed(4)} (${frozenSeconds.toFixed(0)} s) | (b') cut at the dense layer ${frozenPenultimate.toFixed(4)} | (c) fine-tuned ${fineTuned.toFixed(4)} (+${fineTuneSeconds.toFixed(0)} s)`);
  // The bases' layers after the cut are not part of the transfer models: free them too.
  const afterCut = [penultimateModel, model].flatMap((transfer, i) => {
    const kept = new Set((transfer.getLayer('base') as tf.LayersModel).layers);
    return bases[i]!.layers.filter((layer) => !kept.has(layer) && layer.weights.length > 0);
  });
  for (const m of [scratchModel, penultimateModel, model]) {
    m.optimizer.dispose();
    m.dispose();
  }
  for (const layer of afterCut) layer.dispose();
  tf.dispose([few.x, few.y]);
}

const summary = Object.fromEntries((['scratch', 'frozen', 'frozenPenultimate', 'fineTuned'] as const).map((key) => [key, meanAndSpread(runs.map((run) => run[key]))]));
console.log(
  `over ${seeds} seeds, ${perClass} labelled images per class: (a) ${summary.scratch!.mean.toFixed(4)} ± ${summary.scratch!.std.toFixed(4)}, ` +
    `(b) ${summary.frozen!.mean.toFixed(4)} ± ${summary.frozen!.std.toFixed(4)}, (b') ${summary.frozenPenultimate!.mean.toFixed(4)} ± ${summary.frozenPenultimate!.std.toFixed(4)}, (c) ${summary.fineTuned!.mean.toFixed(4)} ± ${summary.fineTuned!.std.toFixed(4)}; ` +
    `(b) − (a) = ${((summary.frozen!.mean - summary.scratch!.mean) * 100).toFixed(1)} points`,
);
writeFileSync(
  `${resultsDir()}/${outputName}.json`,
  `${JSON.stringify({ command: `pnpm --filter @dl/examples transfer ${process.argv.slice(2).join(' ')}`.trim(), machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, tfjs ${tf.version.tfjs} ${report.backend}`, date: new Date().toISOString().slice(0, 10), data: train.dir, pretrainClasses: classRange(oldFirst), newClasses: classRange(newFirst), perClass, pretrainEpochs, headEpochs, fineTuneEpochs, batchSize, baseAccuracy, runs, summary }, null, 2)}\n`,
);
const svg = renderBarChart({
  title: `Fashion-MNIST classes ${classRange(newFirst)} (base: ${classRange(oldFirst)}), ${perClass} labelled images per class (${seeds} seeds)`,
  yLabel: 'test accuracy (5,000 images)',
  yRange: [0, 1],
  width: 960,
  bars: [
    { label: `(a) from scratch, ${headEpochs + fineTuneEpochs} ep`, values: runs.map((run) => run.scratch), color: '#7f7f7f' },
    { label: `(b') frozen, dense cut`, values: runs.map((run) => run.frozenPenultimate), color: '#9ecae1' },
    { label: `(b) frozen conv base, ${headEpochs} ep`, values: runs.map((run) => run.frozen), color: '#1f77b4' },
    { label: `(c) (b) + fine-tune ${fineTuneEpochs} ep`, values: runs.map((run) => run.fineTuned), color: '#2ca02c' },
  ],
});
writeFileSync(`${figuresDir()}/${outputName}.png`, svgToPng(svg));
tf.dispose([newTest.x, newTest.y]);
console.log(`Live tensors at exit: ${tf.memory().numTensors}`);
