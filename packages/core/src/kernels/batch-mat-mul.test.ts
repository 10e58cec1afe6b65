import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../backend/use-backend.js';
import { ShapeError } from '../errors/shape-error.js';
import { checkGradients } from '../testing/check-gradients.js';
import { expectNoTensorLeaks } from '../testing/expect-no-tensor-leaks.js';
import { expectTensorsClose } from '../testing/expect-tensors-close.js';
import { seededTensor } from './seeded-tensor.test-util.js';

const backends = ['wasm', 'cpu'] as const;

beforeAll(async () => {
  for (const backend of backends) {
    const report = await useBackend(backend);
    expect(report.installedTrainingKernels).toContain('BatchMatMul');
  }
});

afterAll(async () => {
  await tf.setBackend('cpu');
});

/**
 * float64 batched matmul from the definition: out[I, i, j] = Σ_p op(A)[I_A, i, p] · op(B)[I_B, p, j],
 * where the batch multi-index I runs over the numpy broadcast of the two batch shapes
 * (aligned on the right; an axis of size 1 repeats) and I_A, I_B are I with the operand's
 * size-1 axes held at 0. Returns undefined when the batches cannot broadcast.
 */
function referenceMatMul(
  a: { values: ArrayLike<number>; shape: number[] },
  b: { values: ArrayLike<number>; shape: number[] },
  transposeA: boolean,
  transposeB: boolean,
): { values: number[]; shape: number[] } | undefined {
  const rank = Math.max(a.shape.length, b.shape.length) - 2;
  const pad = (shape: number[]) => [...Array<number>(rank - (shape.length - 2)).fill(1), ...shape.slice(0, -2)];
  const batchA = pad(a.shape);
  const batchB = pad(b.shape);
  const batch: number[] = [];
  for (let axis = 0; axis < rank; axis++) {
    const [x, y] = [batchA[axis]!, batchB[axis]!];
    if (x !== y && x !== 1 && y !== 1) return undefined;
    batch.push(Math.max(x, y));
  }
  const [ar, ac] = a.shape.slice(-2) as [number, number];
  const [br, bc] = b.shape.slice(-2) as [number, number];
  const m = transposeA ? ac : ar;
  const k = transposeA ? ar : ac;
  const n = transposeB ? br : bc;
  const offset = (index: number[], shape: number[], matrixSize: number) =>
    index.reduce((flat, c, axis) => flat * shape[axis]! + (shape[axis] === 1 ? 0 : c), 0) * matrixSize;
  const values: number[] = [];
  const index = Array<number>(rank).fill(0);
  const total = batch.reduce((p, d) => p * d, 1);
  for (let t = 0; t < total; t++) {
    const oa = offset(index, batchA, ar * ac);
    const ob = offset(index, batchB, br * bc);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let p = 0; p < k; p++) {
          const x = a.values[oa + (transposeA ? p * ac + i : i * ac + p)]!;
          const y = b.values[ob + (transposeB ? j * bc + p : p * bc + j)]!;
          sum += x * y;
        }
        values.push(sum);
      }
    for (let axis = rank - 1; axis >= 0; axis--) {
      if (++index[axis]! < batch[axis]!) break;
      index[axis] = 0;
    }
  }
  return { values, shape: [...batch, m, n] };
}

function expectMatchesReference(aShape: number[], bShape: number[], transposeA: boolean, transposeB: boolean, seed: number): void {
  const a = seededTensor(aShape, seed);
  const b = seededTensor(bShape, seed + 1);
  const expected = referenceMatMul({ values: a.dataSync(), shape: aShape }, { values: b.dataSync(), shape: bShape }, transposeA, transposeB);
  if (expected === undefined) throw new Error('the reference says these batches do not broadcast');
  const product = tf.matMul(a, b, transposeA, transposeB);
  try {
    expect(product.shape).toEqual(expected.shape);
    expect(product.dataSync()).toHaveLength(expected.values.length);
    expectTensorsClose(product, expected.values, { rtol: 1e-5, atol: 1e-5 });
  } finally {
    tf.dispose([a, b, product]);
  }
}

/**
 * A batched product whose batch shapes broadcast: each operand takes a suffix of the output
 * batch, some axes set to 1. `size` bounds m, k and n.
 */
const broadcastingProductOf = (size: { m: number; k: number; n: number }) =>
  fc
  .record({
    batch: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 3 }),
    rankA: fc.nat(3),
    rankB: fc.nat(3),
    onesA: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    onesB: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    m: fc.integer({ min: 1, max: size.m }),
    k: fc.integer({ min: 1, max: size.k }),
    n: fc.integer({ min: 1, max: size.n }),
    transposeA: fc.boolean(),
    transposeB: fc.boolean(),
    seed: fc.nat(1000),
  })
  .map(({ batch, rankA, rankB, onesA, onesB, m, k, n, transposeA, transposeB, seed }) => {
    const suffix = (rank: number, ones: boolean[]) =>
      batch.slice(batch.length - Math.min(rank, batch.length)).map((d, i) => (ones[i] ? 1 : d));
    // One operand keeps the full batch rank, so the output batch is `batch` with its ones.
    const batchA = rankA >= rankB ? suffix(batch.length, onesA) : suffix(rankA, onesA);
    const batchB = rankA >= rankB ? suffix(rankB, onesB) : suffix(batch.length, onesB);
    const aShape = [...batchA, ...(transposeA ? [k, m] : [m, k])];
    const bShape = [...batchB, ...(transposeB ? [n, k] : [k, n])];
    return { aShape, bShape, transposeA, transposeB, seed };
  });
const broadcastingProduct = broadcastingProductOf({ m: 5, k: 6, n: 5 });

describe.each(backends)('BatchMatMul on %s (dl kernel)', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });

  it.each([
    { a: [3, 4], b: [1, 1, 4, 2], ta: false, tb: false },
    { a: [2, 1, 3, 4], b: [1, 2, 4, 2], ta: false, tb: false },
    { a: [1, 2, 4, 3], b: [2, 1, 2, 4], ta: true, tb: true },
    { a: [6, 5, 4], b: [6, 3, 4], ta: false, tb: true },
    { a: [6, 4, 5], b: [1, 4, 3], ta: true, tb: false },
    { a: [1, 5, 4], b: [6, 4, 3], ta: false, tb: false },
    { a: [2, 3, 5, 4], b: [3, 4, 2], ta: false, tb: false },
    { a: [5, 4], b: [2, 3, 4, 2], ta: false, tb: false },
  ])('broadcasts batches by numpy rules: %o', ({ a, b, ta, tb }) => {
    expectMatchesReference(a, b, ta, tb, 1);
  });

  it('matches the float64 reference over random broadcast shapes, ranks and transposes (property)', () => {
    fc.assert(
      fc.property(broadcastingProduct, ({ aShape, bShape, transposeA, transposeB, seed }) => {
        expectMatchesReference(aShape, bShape, transposeA, transposeB, seed);
      }),
      { numRuns: 150, seed: 20261129 },
    );
  });

  it('matches the float64 reference across the SIMD product’s 4×8 tiles and their edges (property)', () => {
    // wasm multiplies in register tiles of 4 rows by 8 columns: m and n up to 21 cover full
    // tiles and partial ones in either direction.
    fc.assert(
      fc.property(broadcastingProductOf({ m: 21, k: 11, n: 21 }), ({ aShape, bShape, transposeA, transposeB, seed }) => {
        expectMatchesReference(aShape, bShape, transposeA, transposeB, seed);
      }),
      { numRuns: 80, seed: 11 },
    );
  });

  it('matches the float64 reference across the SIMD product’s blocks: k past 256, m past 128, n past 2048', () => {
    // wasm packs A in blocks of 128 rows by 256 and B in blocks of 256 by 2048 columns: each
    // case crosses a block edge, with a partial tile at the end, for every transpose. A row-major
    // A is read in place below 256 columns of C and packed from 256 on (255 and 257 here); the tile
    // takes eight values of k per pass, so k = 7, 263 and 300 end a block mid-pass.
    const cases: [m: number, k: number, n: number][] = [
      [129, 257, 9],
      [133, 513, 3],
      [128, 256, 16],
      [5, 3, 2057],
      [6, 300, 2049],
      [131, 263, 257],
      [130, 7, 255],
    ];
    let seed = 40;
    for (const [m, k, n] of cases) {
      for (const transposeA of [false, true]) {
        for (const transposeB of [false, true]) {
          expectMatchesReference(transposeA ? [k, m] : [m, k], transposeB ? [n, k] : [k, n], transposeA, transposeB, seed++);
        }
      }
    }
  });

  it('throws a ShapeError naming both shapes when batches cannot broadcast', () => {
    const a = tf.ones([2, 3, 2, 2]);
    const b = tf.ones([3, 2, 2, 2]);
    const error = (() => {
      try {
        return tf.matMul(a, b);
      } catch (e) {
        return e;
      }
    })();
    expect(ShapeError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/'b' has shape \[3,2,2,2\].*a's batch \[2,3\]/);
    expect(() => tf.engine().runKernel('BatchMatMul', { a, b: tf.ones([2, 3, 3, 2]) }, { transposeA: false, transposeB: false })).toThrow(
      /second-to-last dimension 2/,
    );
    tf.dispose([a, b]);
  });

  it('never reads int32 as float32 bits: exact on cpu, refused by tfjs on wasm', () => {
    const a = tf.ones([2, 2, 3], 'int32');
    const b = tf.ones([2, 3, 2], 'int32');
    if (backend === 'cpu') {
      const product = tf.matMul(a, b);
      expect(product.dtype).toBe('int32');
      expect(Array.from(product.dataSync())).toEqual(Array<number>(8).fill(3));
      product.dispose();
    } else {
      expect(() => tf.matMul(a, b)).toThrow(/non-float32/);
    }
    tf.dispose([a, b]);
  });

  it('leaks neither tensors nor backend data on every path', async () => {
    const cases: [number[], number[], boolean, boolean][] = [
      [[3, 5, 4], [4, 2], false, false],
      [[2, 1, 3, 4], [1, 2, 2, 4], false, true],
      [[4, 3], [4, 3], true, false],
    ];
    for (const [aShape, bShape, ta, tb] of cases) {
      const a = seededTensor(aShape, 5);
      const b = seededTensor(bShape, 6);
      await expectNoTensorLeaks(() => tf.matMul(a, b, ta, tb).dispose());
      tf.dispose([a, b]);
    }
  });

  it.each([
    { a: [2, 1, 3, 4], b: [1, 2, 4, 2], ta: false, tb: false },
    { a: [3, 4], b: [2, 1, 2, 4], ta: false, tb: true },
    { a: [1, 2, 4, 3], b: [3, 1, 4, 2], ta: true, tb: false },
    { a: [2, 1, 4, 3], b: [2, 4], ta: true, tb: true },
    { a: [3, 4, 5], b: [3, 6, 5], ta: false, tb: true },
  ])('has gradients that sum over broadcast axes (finite differences): %o', ({ a, b, ta, tb }) => {
    const x = seededTensor(a, 3);
    const y = seededTensor(b, 4);
    const report = checkGradients((p, q) => tf.tanh(tf.matMul(p!, q!, ta, tb)), [x, y], { tolerance: 2e-3 });
    expect(report.passed).toBe(true);
    tf.dispose([x, y]);
  });
});

describe('the float64 reference of the tests above', () => {
  it('follows numpy on a hand-computed broadcast (it must not share the kernel’s rule)', () => {
    // A: [2,1,1,2] = [[1,2]], [[3,4]]; B: [1,2,2,1] = [[1],[0]], [[0],[1]]: out[i][j] = A_i · B_j.
    const a = { values: [1, 2, 3, 4], shape: [2, 1, 1, 2] };
    const b = { values: [1, 0, 0, 1], shape: [1, 2, 2, 1] };
    expect(referenceMatMul(a, b, false, false)).toEqual({ values: [1, 2, 3, 4], shape: [2, 2, 1, 1] });
    expect(referenceMatMul({ values: [0, 0, 0, 0], shape: [2, 1, 2] }, { values: [0, 0, 0, 0, 0, 0], shape: [3, 2, 1] }, false, false)).toBeUndefined();
  });
});
