/**
 * `pnpm --filter @dl/examples fusion`: what fusing models buys on Fashion-MNIST, measured.
 * - Output fusion: three `createConvClassifier`s (seeds 1-3, `--epochs` (3) on the first
 *   `--train` (12,000) training images) against the mean of their test accuracies: soft voting
 *   (`averageEnsemble`), hard voting (`votingEnsemble`) and stacking (`stackingEnsemble`, its meta
 *   learner fit on the next 5,000 training images, which no member saw).
 * - Parameter fusion: three copies of member 1 fine-tuned for one epoch at 1e-4 with different
 *   batch orders and dropout masks, against their uniform weight average (`averageWeights`, a
 *   "model soup"), with and without `recomputeBatchNormStatistics`; and, the case where averaging
 *   must fail, the weight average of the three independently initialized members.
 * Test accuracy on all 10,000 test images. Writes examples/results/fusion-fashion.json and
 * docs/guides/figures/fusion-fashion.png.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { useBackend, withSeededRandom } from '@dl/core';
import { createConvClassifier } from '@dl/conv';
import { loadFashionMnist } from '@dl/data/node';
import { averageEnsemble, averageWeights, recomputeBatchNormStatistics, stackingEnsemble, votingEnsemble } from '@dl/transfer-fusion';
import { meanAndSpread, renderBarChart } from '../shared/bar-chart.js';
import { integerFlag } from '../shared/flags.js';
import { figuresDir, resultsDir } from '../shared/output-dirs.js';
import { svgToPng } from '../shared/svg.js';

const epochs = integerFlag('epochs', 3);
const trainCount = integerFlag('train', 12_000);
const heldOutCount = 5_000;
// `--threads=N`: XNNPACK threads (same results bit for bit, faster convolutions on several cores).
const report = await useBackend('wasm', { threads: integerFlag('threads', 1) });
const train = await loadFashionMnist({ split: 'train', normalize: true, limit: trainCount + heldOutCount });
const test = await loadFashionMnist({ split: 'test', normalize: true });
console.log(`Fashion-MNIST from ${train.dir}: ${trainCount} training + ${heldOutCount} held-out images, ${test.labels.length} test; backend ${report.backend}`);
const slice = (set: typeof train, start: number, end: number) => ({
  x: tf.tensor4d(set.images.subarray(start * 784, end * 784) as Float32Array, [end - start, 28, 28, 1]),
  y: tf.tensor1d(Float32Array.from(set.labels.subarray(start, end))),
});
const trainSet = slice(train, 0, trainCount);
const heldOut = slice(train, trainCount, trainCount + heldOutCount);
const testSet = slice(test, 0, test.labels.length);
const testLabels = Array.from(test.labels);

/** Test accuracy of any model whose output is one score per class (probabilities or vote shares). */
const accuracy = (model: tf.LayersModel): number => {
  const predicted = tf.tidy(() => (model.predict(testSet.x, { batchSize: 256 }) as tf.Tensor).argMax(-1).dataSync());
  return testLabels.filter((label, i) => predicted[i] === label).length / testLabels.length;
};
const timed = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  const result = await run();
  console.log(`${label} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  return result;
};

// Output fusion.
const members: tf.LayersModel[] = [];
for (const seed of [1, 2, 3]) {
  const member = createConvClassifier({ inputShape: [28, 28, 1], numClasses: 10, seed });
  await timed(`member ${seed}: ${epochs} epochs`, () => withSeededRandom(seed, () => member.fit(trainSet.x, trainSet.y, { epochs, batchSize: 64, shuffle: true, verbose: 0 })));
  members.push(member);
}
const memberAccuracies = members.map(accuracy);
const soft = averageEnsemble(members);
const hard = votingEnsemble(members);
const stacked = stackingEnsemble(members, { seed: 1 });
await withSeededRandom(4, () => stacked.fit(heldOut.x, heldOut.y, { epochs: 50 }));
const outputs = { members: memberAccuracies, averageEnsemble: accuracy(soft), votingEnsemble: accuracy(hard), stackingEnsemble: accuracy(stacked.model) };
console.log(`members ${memberAccuracies.map((a) => a.toFixed(4)).join(', ')} (mean ${meanAndSpread(memberAccuracies).mean.toFixed(4)}) | soft vote ${outputs.averageEnsemble.toFixed(4)} | hard vote ${outputs.votingEnsemble.toFixed(4)} | stacking ${outputs.stackingEnsemble.toFixed(4)}`);

// Parameter fusion: fine-tuned copies of member 1, and the independently trained members.
const fineTuned: tf.LayersModel[] = [];
for (const seed of [11, 12, 13]) {
  const copy = await averageWeights([members[0]!, members[0]!]); // an exact copy: the mean of two identical models
  copy.compile({ optimizer: tf.train.adam(1e-4), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  await timed(`fine-tuned copy ${seed - 10}: 1 epoch at 1e-4`, () => withSeededRandom(seed, () => copy.fit(trainSet.x, trainSet.y, { epochs: 1, batchSize: 64, shuffle: true, verbose: 0 })));
  fineTuned.push(copy);
}
const fineTunedAccuracies = fineTuned.map(accuracy);
const soup = await averageWeights(fineTuned);
const soupAccuracy = accuracy(soup);
await recomputeBatchNormStatistics(soup, trainSet.x, { batchSize: 256 });
const soupRecomputedAccuracy = accuracy(soup);
const independent = await averageWeights(members);
const independentAccuracy = accuracy(independent);
await recomputeBatchNormStatistics(independent, trainSet.x, { batchSize: 256 });
const independentRecomputedAccuracy = accuracy(independent);
const parameters = { fineTuned: fineTunedAccuracies, soup: soupAccuracy, soupRecomputedBatchNorm: soupRecomputedAccuracy, independentMembersAveraged: independentAccuracy, independentMembersAveragedRecomputedBatchNorm: independentRecomputedAccuracy };
console.log(
  `fine-tuned copies ${fineTunedAccuracies.map((a) => a.toFixed(4)).join(', ')} | soup ${soupAccuracy.toFixed(4)}, with BatchNorm re-estimated ${soupRecomputedAccuracy.toFixed(4)} | ` +
    `weight average of independently trained members ${independentAccuracy.toFixed(4)} (re-estimated ${independentRecomputedAccuracy.toFixed(4)})`,
);

writeFileSync(
  `${resultsDir()}/fusion-fashion.json`,
  `${JSON.stringify({ command: `pnpm --filter @dl/examples fusion ${process.argv.slice(2).join(' ')}`.trim(), machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, tfjs ${tf.version.tfjs} ${report.backend}`, date: new Date().toISOString().slice(0, 10), data: train.dir, trainCount, heldOutCount, epochs, outputs, parameters }, null, 2)}\n`,
);
const svg = renderBarChart({
  title: `Fashion-MNIST test accuracy, createConvClassifier (${epochs} epochs on ${trainCount.toLocaleString('en')} images)`,
  yLabel: 'test accuracy (10,000 images)',
  yRange: [0, 1],
  width: 1100,
  bars: [
    { label: 'members', values: memberAccuracies, color: '#7f7f7f' },
    { label: 'soft vote', values: [outputs.averageEnsemble], color: '#1f77b4' },
    { label: 'hard vote', values: [outputs.votingEnsemble], color: '#1f77b4' },
    { label: 'stacking', values: [outputs.stackingEnsemble], color: '#1f77b4' },
    { label: 'fine-tuned copies', values: fineTunedAccuracies, color: '#7f7f7f' },
    { label: 'their soup', values: [soupAccuracy], color: '#2ca02c' },
    { label: 'soup, BN re-est.', values: [soupRecomputedAccuracy], color: '#2ca02c' },
    { label: 'avg of members', values: [independentRecomputedAccuracy], color: '#d62728' },
  ],
});
writeFileSync(`${figuresDir()}/fusion-fashion.png`, svgToPng(svg));
for (const model of [...members, ...fineTuned]) {
  model.optimizer.dispose();
  model.dispose();
}
for (const model of [soft, hard, soup, independent]) model.dispose();
stacked.dispose();
tf.dispose([trainSet.x, trainSet.y, heldOut.x, heldOut.y, testSet.x, testSet.y]);
console.log(`Live tensors at exit: ${tf.memory().numTensors}`);
