import * as tf from '@tensorflow/tfjs';
import { ShapeError, useBackend } from '@dl/core';
import { checkGradients, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { recurrence, type RecurrenceImplementation } from './recurrence.js';
import { randomArray, randomWeights, referenceSequence, specName, specs, type ReferenceSpec } from './reference.test-util.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

const batch = 3;
const time = 5;
const inputDim = 2;
/** Row 0 real throughout; row 1 padded at the end; row 2 padded at the start and in the middle. */
const mask = [
  [1, 1, 1, 1, 1],
  [1, 1, 1, 0, 0],
  [0, 1, 0, 1, 1],
];

function run(
  spec: ReferenceSpec,
  implementation: RecurrenceImplementation,
  inputs: Record<string, tf.Tensor>,
  options: { mask?: boolean; goBackwards?: boolean; recurrentMask?: tf.Tensor; returnSequences?: boolean } = {},
) {
  return recurrence(spec, inputs.x!, { kernel: inputs.kernel!, recurrentKernel: inputs.recurrentKernel!, bias: inputs.bias }, {
    initialState: inputs.h0,
    initialCarry: spec.cell === 'lstm' ? inputs.c0 : undefined,
    mask: options.mask === true ? tf.tensor2d(mask) : undefined,
    goBackwards: options.goBackwards,
    recurrentMask: options.recurrentMask,
    returnSequences: options.returnSequences,
    implementation,
  });
}

function fixture(spec: ReferenceSpec, seed: number) {
  const x = randomArray([batch, time, inputDim], seed) as unknown as number[][][];
  const h0 = randomArray([batch, spec.units], seed + 10, 0.5) as unknown as number[][];
  const c0 = randomArray([batch, spec.units], seed + 11, 0.5) as unknown as number[][];
  const weights = randomWeights(spec, inputDim, seed + 20);
  const tensors: Record<string, tf.Tensor> = { x: tf.tensor3d(x), h0: tf.tensor2d(h0), c0: tf.tensor2d(c0), ...weights.tensors };
  return { x, h0, c0, weights, tensors };
}

describe.each(['cpu', 'wasm'] as const)('recurrence on %s', (backend) => {
  describe.each(specs.map((spec) => [specName(spec), spec] as const))('%s', (_name, spec) => {
    it.each([
      ['plain', {}],
      ['masked', { mask: true }],
      ['masked, backwards', { mask: true, goBackwards: true }],
      ['recurrent dropout mask', { recurrentMask: [[2, 0, 2], [0, 2, 2], [2, 2, 0]] }],
    ] as const)('fused and unrolled match the float64 reference (%s)', async (_case, variant) => {
      await useBackend(backend);
      const f = fixture(spec, 1);
      const recurrentMask = 'recurrentMask' in variant ? (variant.recurrentMask as unknown as number[][]) : undefined;
      const expected = referenceSequence(spec, f.x, f.weights.arrays, {
        h0: f.h0,
        c0: f.c0,
        mask: 'mask' in variant ? mask : undefined,
        goBackwards: 'goBackwards' in variant,
        recurrentMask,
      });
      for (const implementation of ['fused', 'unrolled'] as const) {
        const result = run(spec, implementation, f.tensors, { ...variant, recurrentMask: recurrentMask === undefined ? undefined : tf.tensor2d(recurrentMask) });
        expectTensorsClose(result.sequence, expected.sequence, { atol: 2e-6, rtol: 1e-5 });
        expectTensorsClose(result.finalState, expected.h, { atol: 2e-6, rtol: 1e-5 });
        if (spec.cell === 'lstm') expectTensorsClose(result.finalCarry!, expected.c!, { atol: 2e-6, rtol: 1e-5 });
        else expect(result.finalCarry).toBeUndefined();
      }
    });

    it('fused gradients equal autodiff of the unrolled cells (every input, masked)', async () => {
      await useBackend(backend);
      const f = fixture(spec, 2);
      const names = spec.cell === 'lstm' ? ['x', 'kernel', 'recurrentKernel', 'bias', 'h0', 'c0'] : ['x', 'kernel', 'recurrentKernel', 'bias', 'h0'];
      const outputWeights = tf.tensor3d(randomArray([batch, time, spec.units], 3) as unknown as number[][][]);
      const gradients = (implementation: RecurrenceImplementation) =>
        tf.grads((...xs: tf.Tensor[]) => {
          const inputs = Object.fromEntries(names.map((name, i) => [name, xs[i]!]));
          const result = run(spec, implementation, { ...f.tensors, ...inputs }, { mask: true, recurrentMask: tf.fill([batch, spec.units], 1.5) });
          // Every output contributes: the sequence (weighted), the final state and carry.
          let loss = tf.add(tf.sum(tf.mul(result.sequence, outputWeights)), tf.sum(tf.square(result.finalState)));
          if (result.finalCarry !== undefined) loss = tf.add(loss, tf.sum(tf.mul(result.finalCarry, 0.7)));
          return loss;
        })(names.map((name) => f.tensors[name]!));
      const fused = gradients('fused');
      const unrolled = gradients('unrolled');
      fused.forEach((g, i) => {
        expect(g.shape, names[i]).toEqual(unrolled[i]!.shape);
        expectTensorsClose(g, unrolled[i]!, { atol: 1e-5, rtol: 1e-4 });
      });
      // Padded inputs (row 1's last two steps) get no gradient; real ones do.
      const dx = fused[0]!.arraySync() as number[][][];
      expect(dx[1]![4]!.every((value) => value === 0)).toBe(true);
      expect(dx[1]![0]!.some((value) => value !== 0)).toBe(true);
    });

    it.each([
      ['masked', { mask: true }],
      ['masked, backwards, recurrent dropout', { mask: true, goBackwards: true, recurrentMask: true }],
    ] as const)('returnSequences: false gives the last step, and the same values and gradients as the whole sequence sliced (%s)', async (_case, variant) => {
      await useBackend(backend);
      const f = fixture(spec, 6);
      const names = spec.cell === 'lstm' ? ['x', 'kernel', 'recurrentKernel', 'bias', 'h0', 'c0'] : ['x', 'kernel', 'recurrentKernel', 'bias', 'h0'];
      const dropped = Array.from({ length: batch }, (_, b) => Array.from({ length: spec.units }, (_, j) => ((b + j) % 3 === 0 ? 0 : 2)));
      const recurrentMask = 'recurrentMask' in variant ? tf.tensor2d(dropped) : undefined;
      const options = { ...variant, recurrentMask };
      const lastWeights = tf.tensor3d(randomArray([batch, 1, spec.units], 7) as unknown as number[][][]);
      const outputs = (implementation: RecurrenceImplementation, returnSequences: boolean) =>
        tf.grads((...xs: tf.Tensor[]) => {
          const inputs = Object.fromEntries(names.map((name, i) => [name, xs[i]!]));
          const result = run(spec, implementation, { ...f.tensors, ...inputs }, { ...options, returnSequences });
          const last = returnSequences ? tf.slice(result.sequence, [0, time - 1, 0], [batch, 1, spec.units]) : result.sequence;
          expect(last.shape).toEqual([batch, 1, spec.units]);
          expectTensorsClose(tf.squeeze(last, [1]), result.finalState, { atol: 0, rtol: 0 });
          let loss = tf.add(tf.sum(tf.mul(last, lastWeights)), tf.sum(tf.square(result.finalState)));
          if (result.finalCarry !== undefined) loss = tf.add(loss, tf.sum(tf.mul(result.finalCarry, 0.7)));
          return loss;
        })(names.map((name) => f.tensors[name]!));
      const expected = outputs('unrolled', true);
      for (const [implementation, returnSequences] of [['fused', false], ['unrolled', false], ['fused', true]] as const) {
        outputs(implementation, returnSequences).forEach((g, i) => expectTensorsClose(g, expected[i]!, { atol: 1e-5, rtol: 1e-4 }));
      }
    });

    it('fused gradients agree with finite differences', async () => {
      await useBackend(backend);
      const f = fixture(spec, 4);
      const inputs = spec.cell === 'lstm' ? ['x', 'kernel', 'recurrentKernel', 'bias', 'h0', 'c0'] : ['x', 'kernel', 'recurrentKernel', 'bias', 'h0'];
      checkGradients(
        (...xs) => {
          const result = run(spec, 'fused', { ...f.tensors, ...Object.fromEntries(inputs.map((name, i) => [name, xs[i]!])) }, { mask: true });
          return result.finalCarry === undefined ? result.sequence : tf.concat([result.sequence, tf.expandDims(result.finalCarry, 1)], 1);
        },
        inputs.map((name) => f.tensors[name]!),
        { maxElementsPerInput: 12, tolerance: 2e-2 },
      );
    });
  });

  it.each(specs.map((spec) => [specName(spec), spec] as const))('fused equals unrolled at larger sizes, values and gradients (%s, batch 37, 40 units)', async (_name, small) => {
    await useBackend(backend);
    // Sizes where products are real matmuls (tiles, several rows), and units equal to the
    // input size (a SimpleRNN's products are square both ways).
    const spec = { ...small, units: 40 };
    const shape = [37, 4, 40];
    const x = tf.tensor3d(randomArray(shape, 11) as unknown as number[][][]);
    const weights = randomWeights(spec, 40, 12, 0.3).tensors;
    const h0 = tf.tensor2d(randomArray([37, 40], 13, 0.5) as unknown as number[][]);
    const outputWeights = tf.tensor3d(randomArray([37, 4, 40], 14) as unknown as number[][][]);
    const run = (implementation: RecurrenceImplementation) =>
      tf.grads((xs: tf.Tensor, kernel: tf.Tensor, recurrentKernel: tf.Tensor) =>
        tf.sum(tf.mul(recurrence(spec, xs, { kernel, recurrentKernel, bias: weights.bias }, { initialState: h0, implementation }).sequence, outputWeights)),
      )([x, weights.kernel, weights.recurrentKernel]);
    const fused = run('fused');
    const unrolled = run('unrolled');
    fused.forEach((g, i) => expectTensorsClose(g, unrolled[i]!, { atol: 1e-4, rtol: 1e-4 }));
    expectTensorsClose(
      recurrence(spec, x, weights, { initialState: h0, implementation: 'fused' }).sequence,
      recurrence(spec, x, weights, { initialState: h0, implementation: 'unrolled' }).sequence,
      { atol: 1e-5, rtol: 1e-5 },
    );
  });

  it('leaks no tensors forward and backward', async () => {
    await useBackend(backend);
    for (const spec of specs) {
      const f = fixture(spec, 5);
      await expectNoTensorLeaks(() => {
        const grads = tf.grads((x: tf.Tensor, kernel: tf.Tensor) => tf.sum(run(spec, 'fused', { ...f.tensors, x, kernel }, { mask: true }).sequence))([f.tensors.x!, f.tensors.kernel!]);
        tf.dispose(grads);
        const result = run(spec, 'fused', f.tensors, { goBackwards: true });
        tf.dispose([result.sequence, result.finalState, result.finalCarry].filter((t): t is tf.Tensor2D => t !== undefined));
      });
    }
  });
});

describe('recurrence option checks', () => {
  it('rejects misspelled options and bad spec fields with a ConfigError naming them', async () => {
    const { catchConfigError } = await import('@dl/core/testing');
    const spec = specs[2]!;
    const weights = randomWeights(spec, inputDim, 1).tensors;
    const x = tf.zeros([2, 3, inputDim]);
    expect(catchConfigError(() => recurrence(spec, x, weights, { gobackwards: true } as never)).message).toContain("did you mean 'goBackwards'");
    expect(catchConfigError(() => recurrence(spec, x, weights, { implementation: 'fast' as never })).path).toBe('implementation');
    expect(catchConfigError(() => recurrence(spec, x, weights, { returnSequence: false } as never)).message).toContain("did you mean 'returnSequences'");
    expect(catchConfigError(() => recurrence(spec, x, weights, { returnSequences: 'no' as never })).path).toBe('returnSequences');
    expect(catchConfigError(() => recurrence(spec, x, weights, { goBackwards: 1 as never })).path).toBe('goBackwards');
    expect(catchConfigError(() => recurrence({ ...spec, cell: 'rnn' as never }, x, weights)).path).toBe('cell');
    expect(catchConfigError(() => recurrence({ ...spec, units: 0 }, x, weights)).path).toBe('units');
    expect(catchConfigError(() => recurrence({ ...spec, activation: 'softsign' as never }, x, weights)).path).toBe('activation');
    expect(catchConfigError(() => recurrence({ ...spec, recurentActivation: 'sigmoid' } as never, x, weights)).message).toContain("did you mean 'recurrentActivation'");
  });
});

describe('recurrence input checks', () => {
  const spec = specs[2]!;
  const weights = () => randomWeights(spec, inputDim, 1).tensors;
  it('names the argument and the expected shape', () => {
    const cases: [string, () => unknown][] = [
      ['x', () => recurrence(spec, tf.zeros([2, 3]), weights())],
      ['x', () => recurrence(spec, tf.zeros([2, 0, 2]), weights())],
      ['x', () => recurrence(spec, tf.zeros([2, 3, 2], 'int32'), weights())],
      ['kernel', () => recurrence(spec, tf.zeros([2, 3, 5]), weights())],
      ['recurrentKernel', () => recurrence(spec, tf.zeros([2, 3, 2]), { ...weights(), recurrentKernel: tf.zeros([3, 3]) })],
      ['bias', () => recurrence(spec, tf.zeros([2, 3, 2]), { ...weights(), bias: tf.zeros([2, 12]) })],
      ['initialState', () => recurrence(spec, tf.zeros([2, 3, 2]), weights(), { initialState: tf.zeros([3, 3]) })],
      ['mask', () => recurrence(spec, tf.zeros([2, 3, 2]), weights(), { mask: tf.ones([2, 4]) })],
    ];
    for (const [argument, call] of cases) {
      let error: unknown;
      try {
        call();
      } catch (caught) {
        error = caught;
      }
      expect(error, argument).toBeInstanceOf(ShapeError);
      expect((error as ShapeError).message).toContain(argument);
    }
  });
});
