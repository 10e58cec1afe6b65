import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTransferModel } from '../models/transfer-model.js';
import { unfreeze } from './unfreeze.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('model.dispose() frees the optimizers this package made', () => {
  it('after training, unfreezing (a new Adam) and training again; a user optimizer stays the user\u2019s', async () => {
    const x = tf.randomNormal([4, 6], 0, 1, 'float32', 1);
    const y = tf.tensor1d([0, 1, 1, 0]);
    const before = tf.memory().numTensors;
    const input = tf.input({ shape: [6] });
    const hidden = tf.layers.dense({ units: 5, activation: 'relu', name: 'hidden' }).apply(input) as tf.SymbolicTensor;
    const base = tf.model({ inputs: input, outputs: tf.layers.dense({ units: 3, name: 'old_head' }).apply(hidden) as tf.SymbolicTensor });
    const model = createTransferModel({ base, cutAt: 'hidden', head: { numClasses: 2 }, seed: 1 });
    await model.fit(x, y, { epochs: 1, batchSize: 2, verbose: 0 });
    unfreeze(model);
    await model.fit(x, y, { epochs: 1, batchSize: 2, verbose: 0 });
    model.dispose(); // frees the base layers it shares (documented: not base.dispose() too)
    base.getLayer('old_head').dispose(); // the base's layer after the cut is not part of the model
    expect(tf.memory().numTensors - before).toBe(0);

    const mine = tf.train.adam(0.1); // holds two tensors from the start
    const input2 = tf.input({ shape: [6] });
    const base2 = tf.model({ inputs: input2, outputs: tf.layers.dense({ units: 5, name: 'old_output' }).apply(input2) as tf.SymbolicTensor });
    const again = createTransferModel({ base: base2, head: { numClasses: 2 }, seed: 1 });
    unfreeze(again, { optimizer: mine });
    await again.fit(x, y, { epochs: 1, batchSize: 2, verbose: 0 });
    again.dispose();
    base2.getLayer('old_output').dispose(); // after the default cut: not part of the model
    const mineLeft = tf.memory().numTensors - before;
    expect(mineLeft).toBeGreaterThanOrEqual(2); // the user's Adam and its moments: not disposed by the model
    mine.dispose();
    expect(tf.memory().numTensors - before).toBe(0);
  });
});
