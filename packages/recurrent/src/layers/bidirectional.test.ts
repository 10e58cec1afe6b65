import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { useBackend } from '@dl/core';
import { loadModel, saveModel } from '@dl/core/node';
import { catchConfigError, checkLayerGradients, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { referenceSequence } from '../ops/reference.test-util.js';
import { Bidirectional, bidirectional } from './bidirectional.js';
import { gru } from './gru.js';
import { lstm } from './lstm.js';
import { randomizeWeights, randomTensor } from './recurrent-suite.test-util.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

const arrays = (t: tf.Tensor) => t.arraySync() as number[][];

describe.each(['cpu', 'wasm'] as const)('Bidirectional on %s', (backend) => {
  it.each(['lstm', 'gru'] as const)('concatenates the forward pass and the re-aligned backward pass (%s, masked) like a float64 reference', async (cell) => {
    await useBackend(backend);
    const units = 3;
    const inner = cell === 'lstm' ? lstm({ units, returnSequences: true }) : gru({ units, returnSequences: true });
    const layer = bidirectional({ layer: inner, name: 'bi' });
    const x = randomTensor([2, 4, 2], 1);
    const mask = [[1, 1, 1, 0], [0, 1, 1, 1]];
    layer.apply(x);
    randomizeWeights(layer, 7);
    const out = layer.apply(x, { mask: tf.tensor2d(mask) }) as tf.Tensor;
    expect(out.shape).toEqual([2, 4, 2 * units]);
    const [k1, r1, b1, k2, r2, b2] = layer.getWeights();
    const spec = { cell, units, activation: 'tanh', recurrentActivation: 'sigmoid', resetAfter: true } as const;
    const xs = x.arraySync() as number[][][];
    const forward = referenceSequence(spec, xs, { kernel: arrays(k1!), recurrentKernel: arrays(r1!), bias: b1!.arraySync() as number[] }, { mask });
    const backward = referenceSequence(spec, xs, { kernel: arrays(k2!), recurrentKernel: arrays(r2!), bias: b2!.arraySync() as number[] }, { mask, goBackwards: true });
    const expected = forward.sequence.map((steps, b) => steps.map((step, t) => [...step, ...backward.sequence[b]![steps.length - 1 - t]!]));
    expectTensorsClose(out, expected, { atol: 2e-6, rtol: 1e-5 });
  });

  it('passes checkLayerGradients (inputs and all six weights)', async () => {
    await useBackend(backend);
    const layer = bidirectional({ layer: lstm({ units: 2, returnSequences: true }), mergeMode: 'ave' });
    const x = randomTensor([2, 3, 2], 2);
    layer.apply(x);
    randomizeWeights(layer, 8);
    const report = checkLayerGradients(layer, x, { callArgs: { mask: tf.tensor2d([[1, 1, 0], [1, 1, 1]]) }, maxElementsPerInput: 12 });
    expect(Object.keys(report.perTensor)).toHaveLength(7);
  });

  it('names the weights as Keras does and loads a Keras Bidirectional(LSTM) model.json', async () => {
    await useBackend(backend);
    const units = 2;
    const features = 3;
    const layerConfig = { name: 'lstm', units, return_sequences: false, activation: 'tanh', recurrent_activation: 'sigmoid', unit_forget_bias: true, dropout: 0, recurrent_dropout: 0, implementation: 2, time_major: false };
    const modelTopology = {
      class_name: 'Sequential',
      config: {
        name: 'sequential',
        layers: [
          { class_name: 'InputLayer', config: { batch_input_shape: [null, null, features], dtype: 'float32', name: 'tokens' } },
          { class_name: 'Bidirectional', config: { name: 'bidirectional', trainable: true, merge_mode: 'concat', layer: { class_name: 'LSTM', config: layerConfig } } },
        ],
      },
    };
    const shapes = [[features, 4 * units], [units, 4 * units], [4 * units]];
    const weightSpecs = ['forward_lstm', 'backward_lstm'].flatMap((direction) =>
      ['kernel', 'recurrent_kernel', 'bias'].map((weight, i) => ({ name: `bidirectional/${direction}/lstm_cell/${weight}`, shape: shapes[i]!, dtype: 'float32' as const })),
    );
    const values = weightSpecs.map((spec, i) => randomTensor(spec.shape, 20 + i, 0.5));
    const weightData = Float32Array.from(values.flatMap((t) => Array.from(t.dataSync()))).buffer;
    const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology, weightSpecs, weightData }));
    const layer = model.getLayer('bidirectional') as Bidirectional;
    expect(layer).toBeInstanceOf(Bidirectional);
    expect(layer.weights.map((w) => w.originalName)).toEqual(weightSpecs.map((spec) => spec.name.replace('/lstm_cell', '')));
    layer.getWeights().forEach((w, i) => expectTensorsClose(w, values[i]!, { atol: 0, rtol: 0 }));
    expect((model.predict(randomTensor([2, 5, features], 3)) as tf.Tensor).shape).toEqual([2, 2 * units]);
  });

  it('returns both directions\u2019 states, takes them as initial state, and merges or not', async () => {
    await useBackend(backend);
    const x = randomTensor([2, 4, 3], 4);
    const withStates = bidirectional({ layer: lstm({ units: 2, returnState: true }) });
    const outputs = withStates.apply(x) as tf.Tensor[];
    expect(outputs.map((o) => o.shape)).toEqual([[2, 4], [2, 2], [2, 2], [2, 2], [2, 2]]);
    const restarted = withStates.apply(x, { initialState: outputs.slice(1) }) as tf.Tensor[];
    expect(restarted).toHaveLength(5);
    const separate = bidirectional({ layer: gru({ units: 2, returnSequences: true }), mergeMode: null }).apply(x) as tf.Tensor[];
    expect(separate.map((o) => o.shape)).toEqual([[2, 4, 2], [2, 4, 2]]);
    const symbolic = bidirectional({ layer: gru({ units: 2 }), mergeMode: 'sum' }).apply(tf.input({ shape: [null, 3] })) as tf.SymbolicTensor;
    expect(symbolic.shape).toEqual([null, 2]);
  });

  it('saves and loads', async () => {
    await useBackend(backend);
    const input = tf.input({ shape: [5], dtype: 'int32' });
    const embedded = tf.layers.embedding({ inputDim: 10, outputDim: 3, maskZero: true }).apply(input) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: bidirectional({ layer: gru({ units: 2 }), name: 'bi' }).apply(embedded) as tf.SymbolicTensor });
    randomizeWeights(model.getLayer('bi'), 9);
    const dir = await mkdtemp(join(tmpdir(), 'dl-bidirectional-'));
    try {
      await saveModel(model, dir);
      const loaded = await loadModel(dir);
      const ids = tf.tensor2d([[1, 2, 3, 0, 0], [0, 4, 5, 6, 7]], undefined, 'int32');
      expectTensorsClose(loaded.predict(ids) as tf.Tensor, model.predict(ids) as tf.Tensor, { atol: 0, rtol: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('Bidirectional options', () => {
  it('rejects a missing or foreign layer, a backwardLayer and a misspelled merge mode', () => {
    expect(catchConfigError(() => bidirectional({} as never)).message).toMatch(/Missing option 'layer'/);
    expect(catchConfigError(() => bidirectional({ layer: tf.layers.lstm({ units: 2 }) } as never)).path).toBe('layer');
    expect(catchConfigError(() => bidirectional({ layer: lstm({ units: 2 }), mergeMode: 'average' } as never)).path).toBe('mergeMode');
    expect(catchConfigError(() => bidirectional({ layer: lstm({ units: 2 }), backwardLayer: lstm({ units: 2 }) } as never)).path).toBe('backwardLayer');
    expect(catchConfigError(() => bidirectional({ layer: lstm({ units: 2 }), merge_mode: 'sum' } as never)).message).toContain('mergeMode');
  });
});
