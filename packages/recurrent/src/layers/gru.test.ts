import * as tf from '@tensorflow/tfjs';
import { useBackend } from '@dl/core';
import { expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import golden from './fixtures/recurrent-golden.json' with { type: 'json' };
import { GRU, gru } from './gru.js';
import { describeRecurrentLayer } from './recurrent-suite.test-util.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describeRecurrentLayer('GRU (resetAfter)', {
  cell: 'gru',
  create: (args) => gru(args as never),
  // tfjs-layers has no resetAfter: only our own checks (reference, gradients, PyTorch) cover it.
  tfjsTwin: () => undefined,
  twinConfigs: [],
});

describeRecurrentLayer('GRU (resetAfter: false)', {
  cell: 'gru',
  resetAfter: false,
  create: (args) => gru({ resetAfter: false, ...args } as never),
  tfjsTwin: (args) => tf.layers.gru({ recurrentActivation: 'sigmoid', ...args } as never),
  twinConfigs: [{}, { recurrentActivation: 'hardSigmoid' }, { goBackwards: true }],
});

/** A Keras 2 (tf.keras) model.json with a GRU(reset_after=True), as tensorflowjs_converter writes it. */
function kerasGruModel(units: number, features: number) {
  return {
    modelTopology: {
      class_name: 'Sequential',
      config: {
        name: 'sequential',
        layers: [
          { class_name: 'InputLayer', config: { batch_input_shape: [null, null, features], dtype: 'float32', sparse: false, ragged: false, name: 'input_1' } },
          {
            class_name: 'GRU',
            config: {
              name: 'gru', trainable: true, dtype: 'float32', return_sequences: true, return_state: false, go_backwards: false,
              stateful: false, unroll: false, time_major: false, units, activation: 'tanh', recurrent_activation: 'sigmoid',
              use_bias: true, kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
              recurrent_initializer: { class_name: 'Orthogonal', config: { gain: 1.0, seed: null } },
              bias_initializer: { class_name: 'Zeros', config: {} }, kernel_regularizer: null, recurrent_regularizer: null,
              bias_regularizer: null, activity_regularizer: null, kernel_constraint: null, recurrent_constraint: null,
              bias_constraint: null, dropout: 0.0, recurrent_dropout: 0.0, implementation: 2, reset_after: true,
            },
          },
        ],
      },
      keras_version: '2.15.0',
      backend: 'tensorflow',
    },
    // Keras names the weights by the cell's scope; tfjs drops that scope when it matches them.
    weightSpecs: [
      { name: 'gru/gru_cell/kernel', shape: [features, 3 * units], dtype: 'float32' as const },
      { name: 'gru/gru_cell/recurrent_kernel', shape: [units, 3 * units], dtype: 'float32' as const },
      { name: 'gru/gru_cell/bias', shape: [2, 3 * units], dtype: 'float32' as const },
    ],
  };
}

describe.each(['cpu', 'wasm'] as const)('GRU on %s', (backend) => {
  it("loads a Keras GRU(reset_after=True) model.json and gives PyTorch's nn.GRU numbers", async () => {
    await useBackend(backend);
    const { modelTopology, weightSpecs } = kerasGruModel(golden.units, 3);
    const weightData = Float32Array.from([golden.gru.kernel, golden.gru.recurrentKernel, golden.gru.bias].flat(2)).buffer;
    const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology, weightSpecs, weightData }));
    const layer = model.getLayer('gru');
    expect(layer).toBeInstanceOf(GRU);
    expect((layer as GRU).resetAfter).toBe(true);
    // PyTorch started from h0; the Keras model starts from zeros, so apply the layer with h0.
    const x = tf.tensor3d(golden.x);
    expectTensorsClose(layer.apply(x, { initialState: [tf.tensor2d(golden.h0)] }) as tf.Tensor, golden.gru.sequence, { atol: 1e-5, rtol: 1e-5 });
    expect((model.predict(x) as tf.Tensor).shape).toEqual([2, 5, golden.units]);
  });

  it('tfjs-layers itself cannot build that model (the gap this layer fills)', () => {
    expect(() => tf.layers.gru({ units: 2, resetAfter: true } as never)).toThrow(/reset_after/);
  });

  it('uses two bias rows with resetAfter and one without', async () => {
    await useBackend(backend);
    const after = gru({ units: 2 });
    after.apply(tf.zeros([1, 3, 4]));
    expect(after.getWeights()[2]!.shape).toEqual([2, 6]);
    const before = gru({ units: 2, resetAfter: false });
    before.apply(tf.zeros([1, 3, 4]));
    expect(before.getWeights()[2]!.shape).toEqual([6]);
  });
});
