import * as tf from '@tensorflow/tfjs';
import { useBackend } from '@dl/core';
import { expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import golden from './fixtures/recurrent-golden.json' with { type: 'json' };
import { LSTM, lstm } from './lstm.js';
import { describeRecurrentLayer } from './recurrent-suite.test-util.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describeRecurrentLayer('LSTM', {
  cell: 'lstm',
  create: (args) => lstm(args as never),
  // tfjs-layers' LSTM defaults to hardSigmoid gates: name the activation to compare like with like.
  tfjsTwin: (args) => tf.layers.lstm({ recurrentActivation: 'sigmoid', ...args } as never),
  twinConfigs: [{}, { recurrentActivation: 'hardSigmoid' }, { goBackwards: true }, { unitForgetBias: false }],
});

describe.each(['cpu', 'wasm'] as const)('LSTM on %s', (backend) => {
  it("gives PyTorch's nn.LSTM numbers with its weights mapped to the Keras layout", async () => {
    await useBackend(backend);
    const layer = new LSTM({ units: golden.units, returnSequences: true, returnState: true });
    const x = tf.tensor3d(golden.x);
    layer.apply(x);
    layer.setWeights([tf.tensor(golden.lstm.kernel), tf.tensor(golden.lstm.recurrentKernel), tf.tensor(golden.lstm.bias)]);
    const [sequence, h, c] = layer.apply(x, { initialState: [tf.tensor2d(golden.h0), tf.tensor2d(golden.c0)] }) as tf.Tensor[];
    expectTensorsClose(sequence!, golden.lstm.sequence, { atol: 1e-5, rtol: 1e-5 });
    expectTensorsClose(h!, golden.lstm.h, { atol: 1e-5, rtol: 1e-5 });
    expectTensorsClose(c!, golden.lstm.c, { atol: 1e-5, rtol: 1e-5 });
  });

  it('differs from PyTorch with tfjs-layers\u2019 default hardSigmoid gates (why the default is sigmoid)', async () => {
    await useBackend(backend);
    const layer = tf.layers.lstm({ units: golden.units, returnSequences: true });
    const x = tf.tensor3d(golden.x);
    layer.apply(x);
    layer.setWeights([tf.tensor(golden.lstm.kernel), tf.tensor(golden.lstm.recurrentKernel), tf.tensor(golden.lstm.bias)]);
    const theirs = layer.apply(x, { initialState: [tf.tensor2d(golden.h0), tf.tensor2d(golden.c0)] }) as tf.Tensor;
    const gap = tf.max(tf.abs(tf.sub(theirs, tf.tensor3d(golden.lstm.sequence)))).dataSync()[0]!;
    expect(gap).toBeGreaterThan(1e-3);
  });

  it('builds and disposes without leaving tensors behind (the forget-bias initialisation included)', async () => {
    await useBackend(backend);
    await expectNoTensorLeaks(() => {
      const layer = lstm({ units: 3 });
      const x = tf.zeros([1, 2, 4]);
      (layer.apply(x) as tf.Tensor).dispose();
      x.dispose();
      layer.dispose();
    });
  });

  it('starts the forget gate bias at 1 (unitForgetBias) and the other biases at 0', async () => {
    await useBackend(backend);
    const layer = lstm({ units: 2 });
    layer.apply(tf.zeros([1, 3, 4]));
    expect(Array.from(layer.getWeights()[2]!.dataSync())).toEqual([0, 0, 1, 1, 0, 0, 0, 0]);
    const plain = lstm({ units: 2, unitForgetBias: false });
    plain.apply(tf.zeros([1, 3, 4]));
    expect(Array.from(plain.getWeights()[2]!.dataSync())).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
