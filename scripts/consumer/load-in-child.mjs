// Loads a model saved by check.mjs in a fresh process (only the packages' imports register their
// layers) and prints its prediction for the input given as JSON.
import * as tf from '@tensorflow/tfjs';
import { useBackend } from '@dl/core';
import { loadModel } from '@dl/core/node';
import '@dl/softmax-attention';
import '@dl/recurrent';
import '@dl/generative';
import '@dl/transfer-fusion';

const [dir, inputJson] = process.argv.slice(2);
await useBackend('wasm');
const input = JSON.parse(inputJson);
const model = await loadModel(dir);
const output = model.predict(tf.tensor(input.values, input.shape, input.dtype));
process.stdout.write(JSON.stringify({ shape: output.shape, values: Array.from(output.dataSync()) }));
