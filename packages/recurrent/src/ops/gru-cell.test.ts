import * as tf from '@tensorflow/tfjs';
import { afterAll, describe } from 'vitest';
import { cellOpTests } from './cell.test-util.js';
import { gruCell } from './gru-cell.js';
import { specs } from './reference.test-util.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('gruCell', () => {
  cellOpTests(
    specs.filter((spec) => spec.cell === 'gru'),
    (x, h, _c, weights, spec, recurrentMask) => [gruCell(x, h, weights, { activation: spec.activation, recurrentActivation: spec.recurrentActivation, resetAfter: spec.resetAfter, recurrentMask })],
  );
});
