import * as tf from '@tensorflow/tfjs';
import { afterAll, describe } from 'vitest';
import { cellOpTests } from './cell.test-util.js';
import { specs } from './reference.test-util.js';
import { simpleRnnCell } from './simple-rnn-cell.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('simpleRnnCell', () => {
  cellOpTests(
    specs.filter((spec) => spec.cell === 'simple'),
    (x, h, _c, weights, spec, recurrentMask) => [simpleRnnCell(x, h, weights, { activation: spec.activation, recurrentMask })],
  );
});
