/**
 * `pnpm spam`: spam filtering on the full SpamAssassin corpus (stratified 80/20 split, seed 1),
 * on the default backend: the attention text classifier, an LSTM and a GRU classifier
 * (`createRecurrentClassifier`) on the same split and token ids, and the average of their
 * probabilities. Prints test accuracy and training time side by side (with the TF-IDF rows of
 * `bench/python/spam_tfidf_baseline.py` when examples/results/spam-tfidf.json exists), the most
 * attended tokens of a few emails, and writes examples/results/spam.json and the split
 * (corpus positions) to examples/results/spam-split.json for the Python baseline.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { useBackend } from '@dl/core';
import { ProgressBar } from '@dl/core/node';
import { prepareSpamData } from './spam-data.js';
import { runSpamExperiment } from './spam-experiment.js';
import { accuracyAndLoss, trainRecurrentSpamClassifier, type RecurrentSpamOptions } from './spam-recurrent.js';
import { writeSpamSplit } from './spam-split.js';

interface Row {
  readonly model: string;
  readonly testAccuracy: number;
  readonly testErrors: number;
  readonly trainSeconds: number | null;
  readonly note: string;
}

const results = (file: string) => fileURLToPath(new URL(`../../results/${file}`, import.meta.url));
const seed = 1;
const sequenceLength = 400;
const recurrentRuns: RecurrentSpamOptions[] = [
  { cell: 'lstm', units: 32, epochs: 3, reverse: true },
  { cell: 'gru', units: 32, epochs: 3, reverse: true },
  { cell: 'gru', units: 32, epochs: 3, bidirectional: true, maxTokens: 200 },
];

const report = await useBackend('auto');
const loadAtStart = loadavg()[0]!;
console.log(`backend: ${report.backend} (canTrain ${report.canTrain}); ${cpus().length} cores, load average ${loadAtStart.toFixed(1)}`);
const started = performance.now();
const data = prepareSpamData({ sequenceLength, vocabularySize: 20000, seed });
const split = writeSpamSplit(results('spam-split.json'), data, seed);
const testSize = split.test.length;
const errors = (accuracy: number) => Math.round((1 - accuracy) * testSize);

console.log(`\n== attention classifier (5 epochs) ==`);
const attention = await runSpamExperiment({ epochs: 5, data, callbacks: [new ProgressBar()] });
console.log(JSON.stringify(attention.summary, null, 2));
for (const line of attention.explanations) console.log(line);

const rows: Row[] = [
  {
    model: 'attention (embedding 32, 4-head attention pooling)',
    testAccuracy: attention.summary.testAccuracy as number,
    testErrors: errors(attention.summary.testAccuracy as number),
    trainSeconds: attention.summary.trainSeconds as number,
    note: '5 epochs',
  },
];
const probabilities: Float32Array[] = [attention.testProbabilities];
const recurrent = [];
for (const run of recurrentRuns) {
  console.log(`\n== ${run.bidirectional === true ? 'bidirectional ' : ''}${run.cell.toUpperCase()} classifier (${run.epochs} epochs) ==`);
  const result = await trainRecurrentSpamClassifier(data, { ...run, callbacks: [new ProgressBar()] });
  const { testProbabilities, ...summary } = result;
  console.log(JSON.stringify(summary));
  recurrent.push(summary);
  probabilities.push(testProbabilities);
  rows.push({ model: `${result.model} (embedding 32)`, testAccuracy: result.testAccuracy, testErrors: errors(result.testAccuracy), trainSeconds: result.trainSeconds, note: `${run.epochs} epochs, clipNorm 1` });
}

// The ensemble's weights are fixed in advance (a plain mean), never tuned on the test emails.
const mean = new Float32Array(testSize).map((_, i) => probabilities.reduce((sum, p) => sum + p[i]!, 0) / probabilities.length);
const ensemble = accuracyAndLoss(mean, data.test.y.dataSync());
rows.push({
  model: `mean p(spam) of the ${probabilities.length} above`,
  testAccuracy: ensemble.testAccuracy,
  testErrors: errors(ensemble.testAccuracy),
  trainSeconds: Number(rows.reduce((sum, row) => sum + (row.trainSeconds ?? 0), 0).toFixed(1)),
  note: 'no extra training',
});

const tfidfPath = results('spam-tfidf.json');
let tfidf: { results: { model: string; testAccuracy: number; testErrors: number; trainSeconds: number; C: number }[] } | undefined;
if (existsSync(tfidfPath)) {
  tfidf = JSON.parse(readFileSync(tfidfPath, 'utf8')) as NonNullable<typeof tfidf>;
  for (const r of tfidf.results) rows.push({ model: r.model, testAccuracy: r.testAccuracy, testErrors: r.testErrors, trainSeconds: r.trainSeconds, note: `scikit-learn, C=${r.C} (5-fold CV on train); from spam-tfidf.json` });
}
tf.dispose([data.train.x, data.train.y, data.test.x, data.test.y]);
const totalSeconds = (performance.now() - started) / 1000;

console.log(`\n${data.train.x.shape[0]} train / ${testSize} test emails; backend ${report.backend}; total ${totalSeconds.toFixed(0)} s`);
console.log('| model | test accuracy | test errors | train time | notes |');
console.log('|---|---|---|---|---|');
for (const row of rows) console.log(`| ${row.model} | ${row.testAccuracy.toFixed(4)} | ${row.testErrors} / ${testSize} | ${row.trainSeconds === null ? '-' : `${row.trainSeconds} s`} | ${row.note} |`);
if (tfidf === undefined) console.log('(run `/usr/bin/python3 bench/python/spam_tfidf_baseline.py` from the repository root for the TF-IDF rows)');

writeFileSync(
  results('spam.json'),
  `${JSON.stringify(
    {
      split: { seed, trainSize: data.train.x.shape[0], testSize, sequenceLength, vocabulary: data.vocabulary.size, file: 'examples/results/spam-split.json' },
      backend: report.backend,
      machine: `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end`,
      totalSeconds: Number(totalSeconds.toFixed(1)),
      attention: attention.summary,
      recurrent,
      ensemble: { members: rows.slice(0, probabilities.length).map((row) => row.model), ...ensemble },
      table: rows,
    },
    null,
    2,
  )}\n`,
);
console.log(`wrote examples/results/spam.json and spam-split.json; live tensors: ${tf.memory().numTensors}`);
