/** Shared checks of the three cell ops: values against the float64 reference, gradients against finite differences. */
import * as tf from '@tensorflow/tfjs';
import { useBackend } from '@dl/core';
import { checkGradients, expectTensorsClose } from '@dl/core/testing';
import { expect, it } from 'vitest';
import { randomArray, randomWeights, referenceStep, type ReferenceSpec } from './reference.test-util.js';

/** Calls the cell op under test on tensors: returns [h'] or [h', c']. */
export type CellOp = (x: tf.Tensor, h: tf.Tensor, c: tf.Tensor, weights: { kernel: tf.Tensor; recurrentKernel: tf.Tensor; bias: tf.Tensor }, spec: ReferenceSpec, recurrentMask?: tf.Tensor) => tf.Tensor[];

export function cellOpTests(specs: readonly ReferenceSpec[], op: CellOp): void {
  const batch = 3;
  const inputDim = 4;
  it.each(specs.flatMap((spec) => (['cpu', 'wasm'] as const).map((backend) => [backend, spec] as const)))('one step equals the float64 reference of the cell equations (%s, %o)', async (backend, spec) => {
    await useBackend(backend);
    const x = randomArray([batch, inputDim], 1) as unknown as number[][];
    const h = randomArray([batch, spec.units], 2, 0.8) as unknown as number[][];
    const c = randomArray([batch, spec.units], 3, 0.8) as unknown as number[][];
    const mask = randomArray([batch, spec.units], 4).map((row) => (row as unknown as number[]).map((value) => (value > 0 ? 2 : 0)));
    const weights = randomWeights(spec, inputDim, 5);
    for (const recurrentMask of [undefined, mask]) {
      const out = op(tf.tensor2d(x), tf.tensor2d(h), tf.tensor2d(c), weights.tensors, spec, recurrentMask === undefined ? undefined : tf.tensor2d(recurrentMask));
      const expected = x.map((row, b) => referenceStep(spec, row, h[b]!, c[b]!, weights.arrays, recurrentMask?.[b]));
      expectTensorsClose(out[0]!, expected.map((e) => e.h), { atol: 1e-6, rtol: 1e-5 });
      if (spec.cell === 'lstm') expectTensorsClose(out[1]!, expected.map((e) => e.c!), { atol: 1e-6, rtol: 1e-5 });
      else expect(out).toHaveLength(1);
    }
  });

  it.each(specs.map((spec) => [spec] as const))('its autodiff gradients agree with finite differences (%o)', async (spec) => {
    await useBackend('cpu');
    const weights = randomWeights(spec, inputDim, 6).tensors;
    const x = tf.tensor2d(randomArray([batch, inputDim], 7) as unknown as number[][]);
    const h = tf.tensor2d(randomArray([batch, spec.units], 8) as unknown as number[][]);
    const c = tf.tensor2d(randomArray([batch, spec.units], 9) as unknown as number[][]);
    const step = (xs: tf.Tensor[], carry: tf.Tensor) => tf.concat(op(xs[0]!, xs[1]!, carry, { kernel: xs[2]!, recurrentKernel: xs[3]!, bias: xs[4]! }, spec), 1);
    if (spec.cell === 'lstm') checkGradients((...xs) => step(xs, xs[5]!), [x, h, weights.kernel, weights.recurrentKernel, weights.bias, c], { maxElementsPerInput: 16 });
    else checkGradients((...xs) => step(xs, c), [x, h, weights.kernel, weights.recurrentKernel, weights.bias], { maxElementsPerInput: 16 });
  });
}
