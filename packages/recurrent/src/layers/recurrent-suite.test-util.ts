/**
 * The tests every recurrent layer of this package passes, parametrized by cell; each layer's
 * own test file runs them next to its cell-specific tests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { ConfigError, createSeededRandom, ShapeError, useBackend, withSeededRandom } from '@dl/core';
import { loadModel, saveModel } from '@dl/core/node';
import { catchConfigError, checkLayerGradients, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { recurrentParameterCount } from '../ops/parameter-count.js';
import type { CellKind } from '../ops/recurrence-engine.js';
import type { RecurrentLayer } from './recurrent-layer.js';

/** A tensor of seeded uniform values in [-scale, scale]. */
export function randomTensor(shape: number[], seed: number, scale = 1): tf.Tensor {
  const random = createSeededRandom(seed);
  return tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => (random.next() * 2 - 1) * scale), shape);
}

/** Sets every weight of a layer to seeded random values (biases included, so none is zero). */
export function randomizeWeights(layer: tf.layers.Layer, seed: number, scale = 0.5): void {
  layer.setWeights(layer.getWeights().map((w, i) => randomTensor(w.shape, seed + i, scale)));
}

/** What the shared suite needs to know about one layer class. */
export interface SuiteSubject {
  readonly cell: CellKind;
  /** GRU: the layer's resetAfter (for the parameter count). */
  readonly resetAfter?: boolean;
  /** Builds our layer. */
  readonly create: (args: Record<string, unknown>) => RecurrentLayer;
  /** Builds tfjs-layers' own layer for the same configuration, or undefined where tfjs has none. */
  readonly tfjsTwin: (args: Record<string, unknown>) => tf.layers.Layer | undefined;
  /** Configurations to compare with tfjs-layers (tfjs supports them). */
  readonly twinConfigs: readonly Record<string, unknown>[];
}

const batch = 3;
const time = 6;
const features = 4;
const units = 5;
/** Token ids with zero padding at the end (row 1) and start (row 2), as Embedding({ maskZero }) sees them. */
const tokens = [
  [3, 1, 4, 1, 5, 9],
  [2, 6, 5, 3, 0, 0],
  [0, 0, 8, 9, 7, 9],
];

/** The shared suite, on cpu and wasm. */
export function describeRecurrentLayer(name: string, subject: SuiteSubject): void {
  const stateCount = subject.cell === 'lstm' ? 2 : 1;
  describe.each(['cpu', 'wasm'] as const)(`${name} on %s`, (backend) => {
    it.each(subject.twinConfigs.map((config) => [JSON.stringify(config), config] as const))('matches tfjs-layers with the same weights (%s)', async (_name, config) => {
      await useBackend(backend);
      const ours = subject.create({ units, returnSequences: true, ...config });
      const theirs = subject.tfjsTwin({ units, returnSequences: true, ...config })!;
      const x = randomTensor([batch, time, features], 1);
      ours.apply(x);
      theirs.apply(x);
      randomizeWeights(ours, 10);
      theirs.setWeights(ours.getWeights());
      expectTensorsClose(ours.apply(x) as tf.Tensor, theirs.apply(x) as tf.Tensor, { atol: 2e-6, rtol: 1e-5 });
      // Through a masked embedding in a model (padding at the end and at the start).
      const embedding = tf.layers.embedding({ inputDim: 10, outputDim: features, maskZero: true, embeddingsInitializer: tf.initializers.randomUniform({ minval: -1, maxval: 1, seed: 3 }) });
      const input = tf.input({ shape: [time], dtype: 'int32' });
      const embedded = embedding.apply(input) as tf.SymbolicTensor;
      const ourModel = tf.model({ inputs: input, outputs: subject.create({ units, ...config, name: 'ours' }).apply(embedded) as tf.SymbolicTensor });
      const theirModel = tf.model({ inputs: input, outputs: subject.tfjsTwin({ units, ...config, name: 'theirs' })!.apply(embedded) as tf.SymbolicTensor });
      randomizeWeights(ourModel.getLayer('ours'), 20);
      theirModel.getLayer('theirs').setWeights(ourModel.getLayer('ours').getWeights());
      const ids = tf.tensor2d(tokens, undefined, 'int32');
      expectTensorsClose(ourModel.predict(ids) as tf.Tensor, theirModel.predict(ids) as tf.Tensor, { atol: 2e-6, rtol: 1e-5 });
    });

    it('passes checkLayerGradients through several steps (inputs and every weight), masked', async () => {
      await useBackend(backend);
      for (const config of [{ returnSequences: true }, { returnSequences: false, goBackwards: true }]) {
        const layer = subject.create({ units: 3, ...config });
        const x = randomTensor([2, 4, 3], 2);
        layer.apply(x);
        randomizeWeights(layer, 30);
        const mask = tf.tensor2d([[1, 1, 1, 0], [0, 1, 1, 1]]);
        const report = checkLayerGradients(layer, x, { callArgs: { mask }, maxElementsPerInput: 16 });
        expect(Object.keys(report.perTensor)).toHaveLength(4);
      }
    });

    it('has the Keras weight names, shapes and parameter count', async () => {
      await useBackend(backend);
      const layer = subject.create({ units, name: 'rnn' });
      layer.apply(tf.input({ shape: [time, features] }));
      expect(layer.weights.map((w) => w.originalName)).toEqual(['rnn/kernel', 'rnn/recurrent_kernel', 'rnn/bias']);
      expect(layer.countParams()).toBe(recurrentParameterCount({ cell: subject.cell, inputDim: features, units, resetAfter: subject.resetAfter }));
      const noBias = subject.create({ units, useBias: false });
      noBias.apply(tf.input({ shape: [time, features] }));
      expect(noBias.countParams()).toBe(recurrentParameterCount({ cell: subject.cell, inputDim: features, units, resetAfter: subject.resetAfter, useBias: false }));
    });

    it('returns states, takes an initial state (also symbolic), and keeps the mask for sequences', async () => {
      await useBackend(backend);
      const x = randomTensor([batch, time, features], 4);
      const layer = subject.create({ units, returnSequences: true, returnState: true });
      const outputs = layer.apply(x) as tf.Tensor[];
      expect(outputs).toHaveLength(1 + stateCount);
      expect(outputs[0]!.shape).toEqual([batch, time, units]);
      // The final state is the last output step.
      expectTensorsClose(outputs[1]!, tf.squeeze(tf.slice(outputs[0]!, [0, time - 1, 0], [batch, 1, units]), [1]), { atol: 0, rtol: 0 });
      // Starting from the state after the first half gives the second half of the outputs.
      const first = subject.create({ units, returnSequences: true, returnState: true });
      first.apply(x);
      first.setWeights(layer.getWeights());
      const half = first.apply(tf.slice(x, [0, 0, 0], [batch, 3, features])) as tf.Tensor[];
      const rest = first.apply(tf.slice(x, [0, 3, 0], [batch, 3, features]), { initialState: half.slice(1) }) as tf.Tensor[];
      expectTensorsClose(rest[0]!, tf.slice(outputs[0]!, [0, 3, 0], [batch, 3, units]), { atol: 2e-6, rtol: 1e-5 });
      // Symbolic initial state in a functional model.
      const sequence = tf.input({ shape: [time, features] });
      const states = Array.from({ length: stateCount }, () => tf.input({ shape: [units] }));
      const encoded = subject.create({ units }).apply(sequence, { initialState: states }) as tf.SymbolicTensor;
      const model = tf.model({ inputs: [sequence, ...states], outputs: encoded });
      expect((model.predict([x, ...states.map(() => tf.zeros([batch, units]))]) as tf.Tensor).shape).toEqual([batch, units]);
      // The mask passes through when sequences are returned, and stops otherwise.
      expect(layer.computeMask(x, tf.ones([batch, time]))).toHaveLength(1 + stateCount);
      expect(subject.create({ units }).computeMask(x, tf.ones([batch, time]))).toBeNull();
    });

    it('applies dropout only in training, with new masks per call, reproducibly with a seed', async () => {
      await useBackend(backend);
      const x = randomTensor([batch, time, features], 5);
      const make = () => {
        const layer = subject.create({ units, dropout: 0.5, recurrentDropout: 0.5, seed: 1 });
        layer.apply(x);
        randomizeWeights(layer, 40);
        return layer;
      };
      const layer = make();
      const inference = layer.apply(x) as tf.Tensor;
      expectTensorsClose(layer.apply(x, { training: false }) as tf.Tensor, inference, { atol: 0, rtol: 0 });
      const trainingA = layer.apply(x, { training: true }) as tf.Tensor;
      const trainingB = layer.apply(x, { training: true }) as tf.Tensor;
      expect(tf.max(tf.abs(tf.sub(trainingA, inference))).dataSync()[0]).toBeGreaterThan(1e-3);
      expect(tf.max(tf.abs(tf.sub(trainingA, trainingB))).dataSync()[0]).toBeGreaterThan(1e-3);
      expectTensorsClose(make().apply(x, { training: true }) as tf.Tensor, trainingA, { atol: 0, rtol: 0 });
    });

    it('saves and loads (with a masked embedding) and predicts the same', async () => {
      await useBackend(backend);
      const input = tf.input({ shape: [time], dtype: 'int32' });
      const embedded = tf.layers.embedding({ inputDim: 10, outputDim: features, maskZero: true }).apply(input) as tf.SymbolicTensor;
      const encoded = subject.create({ units, returnSequences: true, goBackwards: true, name: 'rnn' }).apply(embedded) as tf.SymbolicTensor;
      const model = tf.model({ inputs: input, outputs: tf.layers.globalAveragePooling1d().apply(encoded) as tf.SymbolicTensor });
      randomizeWeights(model.getLayer('rnn'), 50);
      const dir = await mkdtemp(join(tmpdir(), 'dl-recurrent-'));
      try {
        await saveModel(model, dir);
        const loaded = await loadModel(dir);
        expect(loaded.getLayer('rnn').getClassName()).toBe(model.getLayer('rnn').getClassName());
        expect(loaded.getLayer('rnn').getConfig()).toEqual(model.getLayer('rnn').getConfig());
        const ids = tf.tensor2d(tokens, undefined, 'int32');
        expectTensorsClose(loaded.predict(ids) as tf.Tensor, model.predict(ids) as tf.Tensor, { atol: 0, rtol: 0 });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('trains: a sequence model learns a task that needs memory, without leaking tensors', async () => {
      await useBackend(backend);
      // Target: the first step's first feature, read at the end of the sequence.
      const random = createSeededRandom(6);
      const samples = 64;
      const xs = Float32Array.from({ length: samples * time * 2 }, () => random.next() * 2 - 1);
      const ys = Float32Array.from({ length: samples }, (_, i) => xs[i * time * 2]!);
      const x = tf.tensor3d(xs, [samples, time, 2]);
      const y = tf.tensor2d(ys, [samples, 1]);
      const model = tf.sequential({
        layers: [subject.create({ units: 8, inputShape: [time, 2], seed: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }), recurrentInitializer: tf.initializers.orthogonal({ seed: 2 }) }), tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) })],
      });
      model.compile({ optimizer: tf.train.adam(0.02), loss: 'meanSquaredError' });
      const before = (model.evaluate(x, y) as tf.Scalar).dataSync()[0]!;
      // model.fit shuffles with Math.random: seeded, so the run (and this test) is deterministic.
      await withSeededRandom(1, () => model.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0 }));
      await expectNoTensorLeaks(async () => {
        await withSeededRandom(2, () => model.fit(x, y, { epochs: 40, batchSize: 16, verbose: 0 }));
      });
      const after = (model.evaluate(x, y) as tf.Scalar).dataSync()[0]!;
      expect(after).toBeLessThan(before * 0.2);
    });
  });

  describe(`${name} options`, () => {
    it('rejects bad and unsupported options with a ConfigError naming the field', () => {
      expect(catchConfigError(() => subject.create({ unit: 4 })).message).toContain("'units'");
      expect(catchConfigError(() => subject.create({ units: 4, return_sequences: true })).message).toContain('returnSequences');
      expect(catchConfigError(() => subject.create({ units: 0 })).path).toBe('units');
      expect(catchConfigError(() => subject.create({ units: 4, dropout: 1 })).path).toBe('dropout');
      expect(catchConfigError(() => subject.create({ units: 4, activation: 'softsign' })).path).toBe('activation');
      expect(catchConfigError(() => subject.create({ units: 4, stateful: true })).message).toContain('stateful RNNs are not supported');
      expect(catchConfigError(() => subject.create({ units: 4, kernelRegularizer: { className: 'L2', config: { l2: 0.01 } } })).message).toContain('regularizers are not supported');
      // What Keras and tfjs write into configs is accepted.
      expect(() => subject.create({ units: 4, stateful: false, unroll: false, implementation: 2, kernelRegularizer: null, activityRegularizer: null })).not.toThrow();
    });

    it('rejects unknown call arguments and inputs of the wrong size', async () => {
      await useBackend('cpu');
      const layer = subject.create({ units: 3 });
      const x = tf.zeros([2, 4, 3]);
      layer.apply(x);
      expect(() => layer.apply(x, { initialStates: [tf.zeros([2, 3])] })).toThrow(ConfigError);
      expect(() => layer.apply(tf.zeros([2, 4, 5]))).toThrow(ShapeError);
      expect(() => layer.apply(tf.zeros([2, 4]))).toThrow(ShapeError);
      expect(() => layer.apply(x, { initialState: Array.from({ length: stateCount + 1 }, () => tf.zeros([2, 3])) })).toThrow(ConfigError);
    });
  });
}
