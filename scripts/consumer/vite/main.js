// The consumer Vite project's page (src/main.js): every browser entry point of every package
// (src/entries.js, written from their package.json `exports`), then one model from each chapter
// package on the wasm backend, each saved and loaded back through tfjs's own memory handlers.
// The result goes to `window.dlConsumer` and to #result; any failure is also a console error.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { useBackend } from '@dl/core';
import { createAttentionTextClassifier } from '@dl/softmax-attention';
import { createRecurrentClassifier } from '@dl/recurrent';
import { createConvClassifier } from '@dl/conv';
import { createVae } from '@dl/generative';
import { averageEnsemble, createTransferModel } from '@dl/transfer-fusion';
import { chapterModels } from './chapter-models.mjs';
import { entries } from './entries.js';

const show = (result) => {
  window.dlConsumer = result;
  document.querySelector('#result').textContent = JSON.stringify(result, null, 2);
};

async function roundTrip(model) {
  let artifacts;
  await model.save(tf.io.withSaveHandler(async (saved) => {
    artifacts = saved;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  return tf.loadLayersModel(tf.io.fromMemory(artifacts));
}

try {
  const exported = {};
  for (const [specifier, namespace] of Object.entries(entries)) {
    const names = Object.keys(namespace);
    if (names.length === 0) throw new Error(`${specifier} exports nothing`);
    exported[specifier] = names.length;
  }

  // A bundled app registers the wasm backend itself and says where its .wasm files are.
  setWasmPaths(new URL('wasm/', document.baseURI).href);
  const backend = await useBackend('wasm');
  if (backend.backend !== 'wasm') throw new Error(`useBackend('wasm') gave ${backend.backend}`);

  const models = chapterModels({ tf, createAttentionTextClassifier, createRecurrentClassifier, createConvClassifier, createVae, createTransferModel, averageEnsemble });

  const outputs = {};
  for (const [name, [model, input]] of Object.entries(models)) {
    const output = model.predict(input);
    const values = await output.data();
    if (!values.every(Number.isFinite)) throw new Error(`${name}: non-finite output`);
    const loaded = await roundTrip(model);
    const again = await loaded.predict(input).data();
    if (again.length !== values.length) throw new Error(`${name}: ${again.length} values after loading, ${values.length} before`);
    const maxDifference = Math.max(...Array.from(values, (value, i) => Math.abs(value - again[i])));
    if (!(maxDifference <= 1e-6)) throw new Error(`${name}: predictions differ by ${maxDifference} after a save and load`);
    outputs[name] = { shape: output.shape, maxDifference };
  }
  show({ ok: true, backend: backend.backend, simd: backend.wasm?.simd ?? false, exported, models: outputs });
} catch (error) {
  console.error(error);
  show({ ok: false, error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
}
