import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
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

describe('gruCell options', () => {
  it('rejects misspelled options and unknown activations with a ConfigError naming them', async () => {
    const { catchConfigError } = await import('@dl/core/testing');
    const { randomWeights } = await import('./reference.test-util.js');
    const weights = randomWeights(specs[4]!, 2, 1).tensors;
    expect(catchConfigError(() => gruCell(tf.zeros([1, 2]), tf.zeros([1, 3]), weights, { reset_after: false } as never)).message).toContain('resetAfter');
    expect(catchConfigError(() => gruCell(tf.zeros([1, 2]), tf.zeros([1, 3]), weights, { recurrentActivation: 'hard_sigmoid' as never })).path).toBe('recurrentActivation');
  });
});
