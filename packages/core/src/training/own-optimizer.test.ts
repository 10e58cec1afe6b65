import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { classificationModel } from './classification-model.js';
import { ownOptimizer } from './own-optimizer.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Tensors alive after building, compiling, one Adam step and `model.dispose()`, less those before. */
async function leftAfterDispose(build: () => tf.LayersModel): Promise<number> {
  const x = tf.randomNormal([4, 3], 0, 1, 'float32', 1);
  const y = tf.tensor1d([0, 1, 2, 1]);
  const before = tf.memory().numTensors;
  const model = build();
  await model.fit(x, y, { epochs: 1, verbose: 0 }); // Adam creates its moments here
  model.dispose();
  const left = tf.memory().numTensors - before;
  tf.dispose([x, y]);
  return left;
}

const hiddenLayer = () => {
  const input = tf.input({ shape: [3] });
  const hidden = tf.layers.dense({ units: 4 }).apply(input) as tf.SymbolicTensor;
  return { input, hidden };
};

describe('ownOptimizer', () => {
  it("makes model.dispose() free the optimizer's state, which tfjs keeps for an optimizer object", async () => {
    const compiled = (own: boolean) => () => {
      const { input, hidden } = hiddenLayer();
      const model = tf.model({ inputs: input, outputs: tf.layers.dense({ units: 3, activation: 'softmax' }).apply(hidden) as tf.SymbolicTensor });
      model.compile({ optimizer: tf.train.adam(0.01), loss: 'sparseCategoricalCrossentropy' });
      return own ? ownOptimizer(model) : model;
    };
    // tfjs's own behaviour, pinned: Adam's moments (2 per weight, 4 weights) and its step counters stay.
    expect(await leftAfterDispose(compiled(false))).toBeGreaterThanOrEqual(8);
    expect(await leftAfterDispose(compiled(true))).toBe(0);
  });

  it('is what classificationModel does with the optimizer it is given', async () => {
    const left = await leftAfterDispose(() => {
      const { input, hidden } = hiddenLayer();
      return classificationModel({ inputs: input, features: hidden, numClasses: 3, kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }), name: 'm', optimizer: tf.train.adam(0.01) });
    });
    expect(left).toBe(0);
  });
});
