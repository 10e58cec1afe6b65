/**
 * `pnpm demo`: what each backend can do here, then a short training run with the
 * progress bar. Each chapter package adds its own section.
 */
import * as tf from '@tensorflow/tfjs';
import { useBackend, type BackendName } from '@dl/core';
import { attentionDemo } from './sections/attention-demo.js';
import { convDemo } from './sections/conv-demo.js';
import { coreDemo } from './sections/core-demo.js';
import { generativeDemo } from './sections/generative-demo.js';
import { recurrentDemo } from './sections/recurrent-demo.js';
import { transferDemo } from './sections/transfer-demo.js';

async function main(): Promise<void> {
  console.log('== Backends ==');
  for (const backend of ['cpu', 'wasm', 'webgpu'] as BackendName[]) {
    try {
      const report = await useBackend(backend);
      const wasm = report.wasm === undefined ? '' : ` simd=${report.wasm.simd} threads=${report.wasm.threads}`;
      const missing = report.canTrain ? '' : ` (missing: ${report.missingTrainingKernels.join(', ')})`;
      console.log(`${backend.padEnd(7)} ok   canTrain=${report.canTrain}${missing}${wasm}`);
    } catch (error) {
      console.log(`${backend.padEnd(7)} --   ${(error as Error).message}`);
    }
  }
  const report = await useBackend('auto');
  console.log(`auto -> ${report.backend} (${report.reason})\n`);
  await coreDemo();
  await attentionDemo();
  await recurrentDemo();
  await convDemo();
  await generativeDemo();
  await transferDemo();
  console.log(`\nLive tensors at exit: ${tf.memory().numTensors}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
