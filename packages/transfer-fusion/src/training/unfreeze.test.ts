import * as tf from '@tensorflow/tfjs';
import { withSeededRandom } from '@dl/core';
import { catchConfigError } from '@dl/core/testing';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createTransferModel } from '../models/transfer-model.js';
import { smallBase, toyData, weightValues } from '../models/small-base.test-util.js';
import { unfreeze } from './unfreeze.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const changedWeights = async (model: tf.LayersModel): Promise<string[]> => {
  const before = weightValues(model);
  const { x, y } = toyData(32, 3);
  await withSeededRandom(5, () => model.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0 }));
  const after = weightValues(model);
  return [...before.keys()].filter((name) => !tf.util.arraysEqual(before.get(name)!, after.get(name)!)).sort();
};

describe('unfreeze', () => {
  it('trains every layer but BatchNorm after it, which keeps its statistics', async () => {
    const model = createTransferModel({ base: smallBase(), head: { numClasses: 3 }, seed: 2 });
    const report = unfreeze(model, { learningRate: 1e-3 });
    expect(report.trainable).toEqual(['block1_conv1', 'dense', 'classifier']);
    expect(report.frozen).toEqual(['block1_conv1_bn']);
    expect(await changedWeights(model)).toEqual(['block1_conv1/kernel', 'classifier/bias', 'classifier/kernel', 'dense/bias', 'dense/kernel']);
  });

  it('keeps the layers before fromLayer frozen', async () => {
    const model = createTransferModel({ base: smallBase(), head: { numClasses: 3 }, seed: 2 });
    const report = unfreeze(model, { fromLayer: 'dense' });
    expect(report).toEqual({ trainable: ['dense', 'classifier'], frozen: ['block1_conv1', 'block1_conv1_bn'] });
    expect(await changedWeights(model)).toEqual(['classifier/bias', 'classifier/kernel', 'dense/bias', 'dense/kernel']);
  });

  it('recompiles with the same loss and metrics and a new Adam at the given rate, disposing only its own optimizers', () => {
    const model = createTransferModel({ base: smallBase(), head: { numClasses: 3 } });
    const created = model.optimizer;
    const disposeCreated = vi.spyOn(created, 'dispose');
    unfreeze(model, { learningRate: 3e-5 });
    expect(disposeCreated).toHaveBeenCalledOnce();
    expect(model.optimizer.getConfig()).toMatchObject({ learningRate: 3e-5 });
    expect(model.loss).toBe('sparseCategoricalCrossentropy');
    expect((model as unknown as { metrics: unknown }).metrics).toEqual(['accuracy']);
    const mine = tf.train.sgd(0.01);
    const disposeMine = vi.spyOn(mine, 'dispose');
    unfreeze(model, { optimizer: mine });
    expect(model.optimizer).toBe(mine);
    unfreeze(model, { learningRate: 1e-4 });
    expect(disposeMine).not.toHaveBeenCalled();
  });

  it("disposes an optimizer the model was compiled with by name (the model owned it), and the new Adam goes with the model", () => {
    const model = createTransferModel({ base: smallBase(), head: { numClasses: 3 } });
    model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
    const byName = model.optimizer;
    const disposeByName = vi.spyOn(byName, 'dispose');
    unfreeze(model, { learningRate: 1e-4 });
    expect(disposeByName).toHaveBeenCalledOnce();
    const adam = model.optimizer;
    const disposeAdam = vi.spyOn(adam, 'dispose');
    model.dispose();
    expect(disposeAdam).toHaveBeenCalledOnce();
  });

  it('rejects bad options with a ConfigError naming the field', () => {
    const model = createTransferModel({ base: smallBase(), head: { numClasses: 3 } });
    const typo = catchConfigError(() => unfreeze(model, { fromLayer: 'block1_conv' }));
    expect(typo.path).toBe('fromLayer');
    expect(typo.message).toContain("did you mean 'block1_conv1'");
    expect(catchConfigError(() => unfreeze(model, { learningrate: 1e-4 } as never)).path).toBe('learningrate');
    expect(catchConfigError(() => unfreeze(model, { learningRate: 1e-4, optimizer: tf.train.sgd(0.1) })).path).toBe('learningRate');
    expect(catchConfigError(() => unfreeze(createTransferModel({ base: smallBase(), head: { numClasses: 3 }, compile: false }))).path).toBe('model');
  });
});
