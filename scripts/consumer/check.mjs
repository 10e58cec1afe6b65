// Runs inside the consumer project that scripts/consumer-test.mjs installs from the packed tarballs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { chapterModels } from './chapter-models.mjs';

const require = createRequire(import.meta.url);
const scope = join('node_modules', '@dl');

// 1. Every entry point of every package, through import and through require (Node >= 20.19 requires ESM).
let entries = 0;
for (const name of readdirSync(scope)) {
  const manifest = JSON.parse(readFileSync(join(scope, name, 'package.json'), 'utf8'));
  for (const subpath of Object.keys(manifest.exports)) {
    if (subpath === './package.json') continue;
    const specifier = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
    const imported = await import(specifier);
    const required = require(specifier);
    assert.ok(Object.keys(imported).length > 0, `${specifier} exports nothing`);
    assert.deepEqual(Object.keys(required).sort(), Object.keys(imported).sort(), `${specifier}: require and import differ`);
    entries += 1;
  }
}
console.log(`${entries} entry points load through import and require`);

// 2. The question bank's CLI, as npx runs it.
const version = execFileSync(join('node_modules', '.bin', 'dl-quiz'), ['--version'], { encoding: 'utf8' }).trim();
assert.match(version, /\d+\.\d+\.\d+/);
console.log(`dl-quiz --version: ${version}`);

// 3. One model from each chapter package, on the wasm backend.
const tf = await import('@tensorflow/tfjs');
const { useBackend } = await import('@dl/core');
const report = await useBackend('wasm');
assert.equal(report.backend, 'wasm');
const { createAttentionTextClassifier } = await import('@dl/softmax-attention');
const { createRecurrentClassifier } = await import('@dl/recurrent');
const { createConvClassifier } = await import('@dl/conv');
const { createVae } = await import('@dl/generative');
const { averageEnsemble, createTransferModel } = await import('@dl/transfer-fusion');
const { saveModel } = await import('@dl/core/node');
const models = chapterModels({ tf, createAttentionTextClassifier, createRecurrentClassifier, createConvClassifier, createVae, createTransferModel, averageEnsemble });

// 4. Saved here, loaded by another process that imports the packages (their layers register there).
const dir = mkdtempSync(join(tmpdir(), 'dl-consumer-models-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
for (const [name, [model, input]] of Object.entries(models)) {
  const output = model.predict(input);
  assert.ok(output.dataSync().every(Number.isFinite), `${name}: non-finite output`);
  await saveModel(model, join(dir, name));
  const loaded = JSON.parse(execFileSync(process.execPath, ['load-in-child.mjs', join(dir, name), JSON.stringify({ shape: input.shape, dtype: input.dtype, values: Array.from(input.dataSync()) })], { encoding: 'utf8' }));
  assert.deepEqual(loaded.shape, output.shape, `${name}: shapes differ after loading`);
  const expected = Array.from(output.dataSync());
  const maxDifference = Math.max(...loaded.values.map((value, i) => Math.abs(value - expected[i])));
  assert.ok(maxDifference <= 1e-6, `${name}: predictions differ by ${maxDifference} after loading in another process`);
  console.log(`${name}: output [${output.shape}], saved, loaded by another process, max difference ${maxDifference}`);
}
