import * as tf from '@tensorflow/tfjs';
import { afterAll, describe } from 'vitest';
import { cellOpTests } from './cell.test-util.js';
import { lstmCell } from './lstm-cell.js';
import { specs } from './reference.test-util.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('lstmCell', () => {
  cellOpTests(
    specs.filter((spec) => spec.cell === 'lstm'),
    (x, h, c, weights, spec, recurrentMask) => lstmCell(x, [h, c], weights, { activation: spec.activation, recurrentActivation: spec.recurrentActivation, recurrentMask }),
  );
});
