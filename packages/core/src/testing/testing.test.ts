import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TensorAssertionError } from './assertion-error.js';
import { checkGradients } from './check-gradients.js';
import { expectNoTensorLeaks } from './expect-no-tensor-leaks.js';
import { expectTensorsClose } from './expect-tensors-close.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('expectTensorsClose', () => {
  it('passes within tolerance and fails with the position of the first difference', () => {
    const t = tf.tensor2d([[1, 2], [3, 4]]);
    expectTensorsClose(t, [[1, 2], [3, 4 + 1e-7]]);
    expect(() => expectTensorsClose(t, [[1, 2], [3.1, 4]])).toThrow(/position \[1,0\]/);
    expect(() => expectTensorsClose(t, [1, 2, 3, 4, 5])).toThrow(/shape/);
    expect(() => expectTensorsClose(t, [[1, 2, 3, 4]])).toThrow(/shape \[2,2\] differs/);
    expect(() => expectTensorsClose(t, tf.tensor2d([[1, 2], [3, 4]], undefined, 'int32'))).toThrow(/dtype/);
    expectTensorsClose(t, new Float32Array([1, 2, 3, 4]));
    t.dispose();
  });

  it('matches NaN with NaN and infinities exactly', () => {
    const t = tf.tensor1d([Number.NaN, Number.POSITIVE_INFINITY]);
    expectTensorsClose(t, [Number.NaN, Number.POSITIVE_INFINITY]);
    expect(() => expectTensorsClose(t, [Number.NaN, 1e30])).toThrow(TensorAssertionError);
    t.dispose();
  });
});

describe('checkGradients', () => {
  it('passes for correct gradients of smooth functions of several inputs', () => {
    const x = tf.tensor2d([[0.3, -1.2, 2], [0.5, 0.1, -0.7]]);
    const w = tf.tensor2d([[1, 0.5], [-0.3, 2], [0.8, -1]]);
    const report = checkGradients((a, b) => tf.tanh(tf.matMul(a!, b!)).mul(tf.sigmoid(a!.sum(1, true))), [x, w]);
    expect(report.passed).toBe(true);
    expect(report.maxRelativeError).toBeLessThan(1e-3);
    expect(report.checkedElements).toBe(12);
    tf.dispose([x, w]);
  });

  it('fails for a deliberately wrong gradient (a customGrad with a wrong backward)', () => {
    // Forward is x^3; the backward claims 2x^2 instead of 3x^2.
    const wrongCube = tf.customGrad(((x: tf.Tensor, save: tf.GradSaveFunc) => {
      save([x]);
      return { value: x.pow(3), gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => dy.mul(saved[0]!.square().mul(2)) };
    }) as unknown as Parameters<typeof tf.customGrad>[0]);
    const x = tf.tensor1d([0.5, 1.5, -2]);
    expect(() => checkGradients((a) => wrongCube(a!) as tf.Tensor, [x])).toThrow(/gradient check failed/);
    const report = checkGradients((a) => wrongCube(a!) as tf.Tensor, [x], { throwOnFailure: false });
    expect(report.passed).toBe(false);
    expect(report.maxRelativeError).toBeGreaterThan(0.3);
    const rightCube = checkGradients((a) => a!.pow(3), [x]);
    expect(rightCube.passed).toBe(true);
    x.dispose();
  });

  it('catches a sign error in a single element of a multi-output function', () => {
    const flipFirst = tf.customGrad((x) => ({
      value: (x as tf.Tensor).sin(),
      gradFunc: (dy) => dy.mul((x as tf.Tensor).cos()).mul(tf.tensor1d([-1, 1, 1, 1])),
    }));
    const x = tf.tensor1d([0.2, 0.4, 0.6, 0.8]);
    expect(checkGradients((a) => flipFirst(a!) as tf.Tensor, [x], { throwOnFailure: false }).passed).toBe(false);
    x.dispose();
  });

  it('rejects bad options naming the field', () => {
    const x = tf.tensor1d([1, 2]);
    expect(() => checkGradients((a) => a!.square(), [x], { step: 0 })).toThrow(/option 'step'/);
    expect(() => checkGradients((a) => a!.square(), [x], { maxElementsPerInput: 1.5 })).toThrow(/option 'maxElementsPerInput'/);
    expect(() => checkGradients((a) => a!.square(), [x], { tol: 1 } as never)).toThrow(/no option named 'tol'/);
    x.dispose();
  });

  it('does not leak tensors', async () => {
    const x = tf.tensor1d([1, 2]);
    await expectNoTensorLeaks(() => {
      checkGradients((a) => a!.square(), [x]);
    });
    x.dispose();
  });
});

describe('expectNoTensorLeaks', () => {
  it('returns the result when nothing leaks and throws with the count when something does', async () => {
    expect(await expectNoTensorLeaks(() => tf.tidy(() => tf.ones([2]).sum().dataSync()[0]))).toBe(2);
    let leaked: tf.Tensor[] = [];
    await expect(
      expectNoTensorLeaks(async () => {
        leaked = [tf.ones([1]), tf.zeros([1])];
      }),
    ).rejects.toThrow(/2 tensor\(s\) leaked/);
    tf.dispose(leaked);
  });

  it('sees data a kernel leaves in the backend with no tensor (tf.backend().write)', async () => {
    let dataId: tf.DataId | undefined;
    await expect(
      expectNoTensorLeaks(() => {
        dataId = tf.backend().write(new Float32Array(4), [4], 'float32');
      }),
    ).rejects.toThrow(/1 backend data buffer\(s\) leaked on 'cpu'/);
    tf.backend().disposeData(dataId!);
    await expectNoTensorLeaks(() => tf.backend().disposeData(tf.backend().write(new Float32Array(4), [4], 'float32')));
  });
});
