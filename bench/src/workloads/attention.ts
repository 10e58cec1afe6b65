import * as tf from '@tensorflow/tfjs';
import { seededInitializers } from '@dl/core';
import type { Workload } from './types.js';

/**
 * Multi-head self-attention forward + backward (gradients of all projections) at
 * batch 32, sequence 128, model dim 128, 4 heads, with an Adam update. One unit = one step.
 */
export function attentionWorkload(batch = 32, length = 128, dim = 128, heads = 4): Workload {
  const init = seededInitializers(1);
  const headDim = dim / heads;
  const weights = ['query', 'key', 'value', 'output'].map((name) => ({
    kernel: tf.variable(init.next('glorotUniform').apply([dim, dim]) as tf.Tensor2D, true, `${name}/kernel`),
    bias: tf.variable(tf.zeros([dim]), true, `${name}/bias`),
  }));
  const x = tf.randomNormal([batch, length, dim], 0, 1, 'float32', 2);
  const optimizer = tf.train.adam(1e-3);
  const project = (input: tf.Tensor3D, index: number): tf.Tensor => {
    const { kernel, bias } = weights[index]!;
    return tf.add(tf.matMul(input.reshape([batch * length, dim]), kernel), bias).reshape([batch, length, dim]);
  };
  const splitHeads = (t: tf.Tensor): tf.Tensor4D => t.reshape([batch, length, heads, headDim]).transpose([0, 2, 1, 3]) as tf.Tensor4D;
  const loss = (): tf.Scalar => {
    const input = x as tf.Tensor3D;
    const q = splitHeads(project(input, 0));
    const k = splitHeads(project(input, 1));
    const v = splitHeads(project(input, 2));
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(headDim));
    const context = tf.matMul(tf.softmax(scores), v).transpose([0, 2, 1, 3]).reshape([batch, length, dim]) as tf.Tensor3D;
    return project(context, 3).square().mean() as tf.Scalar;
  };
  // Projections 4 x 2·B·L·d² forward; scores and context 2 x 2·B·L²·d; backward ≈ 2x forward.
  const forwardFlops = 4 * 2 * batch * length * dim * dim + 2 * 2 * batch * length * length * dim;
  return {
    unit: `step (B=${batch}, L=${length}, d=${dim}, h=${heads})`,
    samplesPerUnit: batch,
    flopsPerUnit: 3 * forwardFlops,
    async run() {
      const value = optimizer.minimize(loss, true)!;
      const result = (await value.data())[0];
      value.dispose();
      return result;
    },
    dispose: () => {
      tf.dispose([x, ...weights.flatMap((w) => [w.kernel, w.bias])]);
      optimizer.dispose();
    },
  };
}
