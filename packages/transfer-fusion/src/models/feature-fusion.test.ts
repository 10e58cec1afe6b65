import * as tf from '@tensorflow/tfjs';
import { ShapeError, withSeededRandom } from '@dl/core';
import { catchConfigError, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { BranchAttention } from '../layers/branch-attention.js';
import { createFeatureFusionModel } from './feature-fusion.js';
import { smallBase, toyData, weightValues } from './small-base.test-util.js';
import { saveToMemory } from './ensemble-members.test-util.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The penultimate features of a small base (its 'dropout' layer's output: 8 values). */
const penultimate = (base: tf.LayersModel, x: tf.Tensor): number[][] =>
  (tf.model({ inputs: base.inputs, outputs: base.getLayer('dropout').output as tf.SymbolicTensor }).predict(x) as tf.Tensor2D).arraySync();
const fusedOf = (model: tf.LayersModel, x: tf.Tensor | tf.Tensor[]): number[][] =>
  (tf.model({ inputs: model.inputs, outputs: model.getLayer('fusion').output as tf.SymbolicTensor }).predict(x) as tf.Tensor2D).arraySync();

describe('createFeatureFusionModel', () => {
  const [a, b] = [smallBase(1), smallBase(2)];
  const { x } = toyData(4, 3);
  const fa = penultimate(a, x);
  const fb = penultimate(b, x);

  it('fuses the branches\' penultimate features by concatenation, sum or mean', () => {
    const expected = {
      concat: fa.map((row, r) => [...row, ...fb[r]!]),
      add: fa.map((row, r) => row.map((value, k) => value + fb[r]![k]!)),
      average: fa.map((row, r) => row.map((value, k) => (value + fb[r]![k]!) / 2)),
    };
    for (const fusion of ['concat', 'add', 'average'] as const) {
      const model = createFeatureFusionModel({ branches: [a, b], fusion, head: { numClasses: 3 }, compile: false });
      expect(model.layers.map((layer) => layer.name)).toEqual(['input', 'branch_1', 'branch_2', 'fusion', 'classifier']);
      expectTensorsClose(tf.tensor2d(fusedOf(model, x)), tf.tensor2d(expected[fusion]), { atol: 1e-6 });
    }
  });

  it('fuses by attention: Σ αᵢ fᵢ with the weights the fusion layer reports', () => {
    const model = createFeatureFusionModel({ branches: [a, b], fusion: 'attention', attentionUnits: 4, head: { numClasses: 3 }, seed: 3 });
    const layer = model.getLayer('fusion') as BranchAttention;
    const alphas = layer.branchWeights([tf.tensor2d(fa), tf.tensor2d(fb)]).arraySync();
    const expected = fa.map((row, r) => row.map((value, k) => alphas[r]![0]! * value + alphas[r]![1]! * fb[r]![k]!));
    expectTensorsClose(tf.tensor2d(fusedOf(model, x)), tf.tensor2d(expected), { atol: 1e-6 });
    alphas.forEach((row) => expect(row[0]! + row[1]!).toBeCloseTo(1, 6));
  });

  it('projects branches of different widths to one, and refuses to add them without a projection', () => {
    const cutConv = { model: a, cutAt: 'block1_pool' }; // 4 channels after global average pooling; b gives 8
    expect(() => createFeatureFusionModel({ branches: [cutConv, b], fusion: 'add', head: { numClasses: 3 } })).toThrow(ShapeError);
    const projected = createFeatureFusionModel({ branches: [cutConv, b], fusion: 'average', projection: 5, head: { numClasses: 3 } });
    expect(projected.getLayer('fusion').outputShape).toEqual([null, 5]);
    expect(createFeatureFusionModel({ branches: [cutConv, b], head: { numClasses: 3 } }).getLayer('fusion').outputShape).toEqual([null, 12]);
  });

  it('takes one input per branch with inputs: separate, and checks shared inputs agree', () => {
    const tabularInput = tf.input({ shape: [5] });
    const tabular = tf.model({ inputs: tabularInput, outputs: tf.layers.dense({ units: 3, activation: 'softmax' }).apply(tf.layers.dense({ units: 6 }).apply(tabularInput)) as tf.SymbolicTensor });
    expect(() => createFeatureFusionModel({ branches: [a, tabular], head: { numClasses: 3 } })).toThrow(ShapeError);
    const model = createFeatureFusionModel({ branches: [a, tabular], inputs: 'separate', head: { numClasses: 3 } });
    expect(model.inputs.map((input) => input.shape)).toEqual([[null, 8, 8, 1], [null, 5]]);
    const rows = tf.randomNormal([4, 5], 0, 1, 'float32', 1);
    const tabularFeatures = (tf.model({ inputs: tabular.inputs, outputs: tabular.layers[1]!.output as tf.SymbolicTensor }).predict(rows) as tf.Tensor2D).arraySync();
    expectTensorsClose(tf.tensor2d(fusedOf(model, [x, rows])), tf.tensor2d(fa.map((row, r) => [...row, ...tabularFeatures[r]!])), { atol: 1e-6 });
  });

  it('trains the projections, the fusion and the head, never the frozen branches', async () => {
    const model = createFeatureFusionModel({ branches: [smallBase(1), smallBase(2)], fusion: 'attention', projection: 6, head: { numClasses: 3 }, seed: 1 });
    const before = weightValues(model);
    const data = toyData(32, 3);
    await withSeededRandom(1, () => model.fit(data.x, data.y, { epochs: 1, batchSize: 8, verbose: 0 }));
    const after = weightValues(model);
    const changed = [...before.keys()].filter((name) => !tf.util.arraysEqual(before.get(name)!, after.get(name)!));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((name) => !/^(projection_\d|fusion|classifier)\//.test(name))).toEqual([]);
    expect(changed.filter((name) => name.startsWith('fusion/')).length).toBe(3);
  });

  it('copies the branches: renamed layers with the same weights, independent of the models given', () => {
    const model = createFeatureFusionModel({ branches: [a, b], head: { numClasses: 3 } });
    const branch = model.getLayer('branch_1') as tf.LayersModel;
    expect(branch.layers.map((layer) => layer.name)).toEqual(['branch1_images', 'branch1_block1_conv1', 'branch1_block1_conv1_bn', 'branch1_block1_conv1_relu', 'branch1_block1_pool', 'branch1_block1_dropout', 'branch1_flatten', 'branch1_dense', 'branch1_dropout']);
    const copied = branch.getLayer('branch1_dense');
    expect(copied).not.toBe(a.getLayer('dense'));
    expectTensorsClose(copied.getWeights()[0]!, a.getLayer('dense').getWeights()[0]!, { atol: 0 });
  });

  it('round-trips through save and load (two members of one factory, same layer names), and predicts without leaks', async () => {
    const model = createFeatureFusionModel({ branches: [a, b], fusion: 'attention', head: { numClasses: 3 }, seed: 4 });
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(await saveToMemory(model)));
    expectTensorsClose(loaded.predict(x) as tf.Tensor, model.predict(x) as tf.Tensor, { atol: 0 });
    await expectNoTensorLeaks(() => {
      (model.predict(x) as tf.Tensor).dispose();
    });
  });

  it('rejects bad options with a ConfigError naming the field', () => {
    expect(catchConfigError(() => createFeatureFusionModel({ branches: [a], head: { numClasses: 3 } })).path).toBe('branches');
    expect(catchConfigError(() => createFeatureFusionModel({ branches: [a, b], fusion: 'concatenate' as never, head: { numClasses: 3 } })).path).toBe('fusion');
    expect(catchConfigError(() => createFeatureFusionModel({ branches: [a, b], head: { numClasses: 3 }, projetion: 4 } as never)).path).toBe('projetion');
    expect(catchConfigError(() => createFeatureFusionModel({ branches: [a, { model: b, cutAt: 'flaten' }], head: { numClasses: 3 } })).path).toBe('branches.1.cutAt');
  });
});
