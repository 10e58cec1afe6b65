import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BackendError } from '../errors/backend-error.js';
import { TensorAssertionError } from './assertion-error.js';
import { checkGradients, checkGradientsAsync } from './check-gradients.js';
import { checkLayerGradients, checkLayerGradientsAsync } from './check-layer-gradients.js';
import { expectNoTensorLeaks } from './expect-no-tensor-leaks.js';
import { expectTensorsClose, expectTensorsCloseAsync } from './expect-tensors-close.js';
import { WrongWeightGradient } from './wrong-weight-gradient.test-util.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const smooth = (a: tf.Tensor, b: tf.Tensor) => tf.tanh(tf.matMul(a, b)).mul(tf.sigmoid(a.sum(1, true)));

describe('the async twins give the sync helpers’ results', () => {
  it('expectTensorsCloseAsync passes and fails as expectTensorsClose does, with the same messages', async () => {
    const t = tf.tensor2d([[1, 2], [3, 4]]);
    await expectTensorsCloseAsync(t, [[1, 2], [3, 4 + 1e-7]]);
    await expectTensorsCloseAsync(t, tf.tensor2d([[1, 2], [3, 4]]));
    const failures: [unknown, unknown][] = [];
    for (const expected of [[[1, 2], [3.1, 4]], [1, 2, 3, 4, 5], tf.tensor2d([[1, 2], [3, 4]], undefined, 'int32')]) {
      const sync = (() => {
        try {
          expectTensorsClose(t, expected as never);
        } catch (error) {
          return error;
        }
      })();
      const asynchronous = await expectTensorsCloseAsync(t, expected as never).catch((error: unknown) => error);
      failures.push([sync, asynchronous]);
    }
    for (const [sync, asynchronous] of failures) {
      expect(asynchronous).toBeInstanceOf(TensorAssertionError);
      expect((asynchronous as Error).message).toBe((sync as Error).message);
    }
    expect((failures[0]![1] as Error).message).toMatch(/position \[1,0\]/);
    t.dispose();
  });

  it('checkGradientsAsync returns the report checkGradients returns, number for number', async () => {
    const x = tf.tensor2d([[0.3, -1.2, 2], [0.5, 0.1, -0.7]]);
    const w = tf.tensor2d([[1, 0.5], [-0.3, 2], [0.8, -1]]);
    const sync = checkGradients((a, b) => smooth(a!, b!), [x, w], { seed: 4 });
    const asynchronous = await checkGradientsAsync((a, b) => smooth(a!, b!), [x, w], { seed: 4 });
    expect(asynchronous).toEqual(sync);
    expect(asynchronous.checkedElements).toBe(12);
    tf.dispose([x, w]);
  });

  it('checkGradientsAsync fails a wrong gradient and rejects bad options', async () => {
    const wrongSquare = tf.customGrad((x) => ({ value: (x as tf.Tensor).square(), gradFunc: (dy) => dy.mul(x as tf.Tensor) }));
    const x = tf.tensor1d([0.5, 1.5, -2]);
    await expect(checkGradientsAsync((a) => wrongSquare(a!) as tf.Tensor, [x])).rejects.toThrow(/gradient check failed/);
    const report = await checkGradientsAsync((a) => wrongSquare(a!) as tf.Tensor, [x], { throwOnFailure: false });
    expect(report.maxRelativeError).toBeGreaterThan(0.3);
    await expect(checkGradientsAsync((a) => a!.square(), [x], { tol: 1 } as never)).rejects.toThrow(/no option named 'tol'/);
    x.dispose();
  });

  it('checkLayerGradientsAsync returns the report checkLayerGradients returns, restores the weights and leaks nothing', async () => {
    const dense = tf.layers.dense({ units: 3, activation: 'tanh', kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }), biasInitializer: 'ones' });
    const x = tf.randomUniform([4, 5], -1, 1, 'float32', 4);
    const sync = checkLayerGradients(dense, x);
    const before = dense.getWeights().map((weight) => Array.from(weight.dataSync()));
    const asynchronous = await expectNoTensorLeaks(() => checkLayerGradientsAsync(dense, x));
    expect(asynchronous).toEqual(sync);
    expect(Object.keys(asynchronous.perTensor)).toHaveLength(3);
    expect(dense.getWeights().map((weight) => Array.from(weight.dataSync()))).toEqual(before);
    tf.dispose(x);
    dense.dispose();
  });

  it('checkLayerGradientsAsync fails a wrong weight gradient, naming the kernel', async () => {
    const layer = new WrongWeightGradient();
    const x = tf.randomUniform([4, 5], -1, 1, 'float32', 5);
    const report = await checkLayerGradientsAsync(layer, x, { throwOnFailure: false });
    expect(report).toEqual(checkLayerGradients(layer, x, { throwOnFailure: false }));
    expect(report.passed).toBe(false);
    expect(report.worst.label).toMatch(/kernel/);
    await expect(checkLayerGradientsAsync(new WrongWeightGradient({ unusedWeight: true }), x)).rejects.toThrow(/have no path/);
    tf.dispose(x);
  });
});

describe('a backend that cannot read synchronously', () => {
  // Stands in for tfjs's webgpu backend in Node: its dataSync goes through OffscreenCanvas.
  afterEach(async () => {
    await tf.setBackend('cpu');
    for (const { kernelName } of tf.getKernelsForBackend('webgpu')) tf.unregisterKernel(kernelName, 'webgpu');
    tf.removeBackend('webgpu');
  });

  const registerUnreadable = async () => {
    const cpu = tf.findBackend('cpu') as tf.KernelBackend;
    const unreadable = Object.create(cpu) as tf.KernelBackend;
    unreadable.readSync = () => {
      throw new ReferenceError('OffscreenCanvas is not defined');
    };
    unreadable.read = async (dataId) => cpu.readSync.call(unreadable, dataId);
    tf.registerBackend('webgpu', () => unreadable);
    for (const kernel of tf.getKernelsForBackend('cpu')) tf.registerKernel({ ...kernel, backendName: 'webgpu' });
    await tf.setBackend('webgpu');
  };

  it('makes the sync helpers throw a BackendError naming their async twin', async () => {
    await registerUnreadable();
    const t = tf.tensor1d([1, 2]);
    for (const [run, twin] of [
      [() => expectTensorsClose(t, [1, 2]), 'expectTensorsCloseAsync'],
      [() => checkGradients((a) => a!.square(), [t]), 'checkGradientsAsync'],
    ] as const) {
      let error: unknown;
      try {
        run();
      } catch (caught) {
        error = caught;
      }
      expect(BackendError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain(twin);
      expect((error as Error).cause).toBeInstanceOf(ReferenceError);
    }
    await expectTensorsCloseAsync(t, [1, 2]);
    expect((await checkGradientsAsync((a) => a!.square(), [t])).passed).toBe(true);
    t.dispose();
  });
});
