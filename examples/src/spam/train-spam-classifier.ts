/**
 * `pnpm spam`: the attention text classifier on the full
 * SpamAssassin corpus (stratified 80/20 split, seed 1), on the default backend.
 * Prints test accuracy, epochs, wall time and the most attended tokens of a few emails.
 */
import * as tf from '@tensorflow/tfjs';
import { useBackend } from '@dl/core';
import { ProgressBar } from '@dl/core/node';
import { runSpamExperiment } from './spam-experiment.js';

const report = await useBackend('auto');
console.log(`backend: ${report.backend} (canTrain ${report.canTrain})`);
const result = await runSpamExperiment({ epochs: 5, callbacks: [new ProgressBar()] });
console.log(JSON.stringify({ ...result.summary, backend: report.backend }, null, 2));
for (const line of result.explanations) console.log(line);
console.log(`live tensors: ${tf.memory().numTensors}`);
