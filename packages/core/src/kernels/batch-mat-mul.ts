import type * as tf from '@tensorflow/tfjs';
import { ShapeError } from '../errors/shape-error.js';
import { makeOutput, readValues, runBackendKernel, type KernelBackendLike } from './backend-access.js';
import { broadcastBatchIndices, broadcastBatchShapes } from './broadcast-batch.js';
import { runOriginalKernel } from './original-kernels.js';
import { simdKernelsFor, type SimdKernels } from './simd/simd-kernels.js';

type TypedArray = Float32Array | Int32Array | Uint8Array;

/** A batched product `op(a) · op(b)` with its broadcast batch, as the kernels need it. */
interface Product {
  readonly m: number;
  readonly k: number;
  readonly n: number;
  /** The output's batch shape: the numpy broadcast of the operands' batch shapes. */
  readonly batchShape: number[];
  /** Entries in the output's batch. */
  readonly size: number;
  readonly sizeA: number;
  readonly sizeB: number;
}

/**
 * `BatchMatMul` for the wasm backend. The backend's own kernel hands a single, untransposed
 * product to XNNPACK (about 25 GFLOP/s here) but computes every other case — a transposed
 * operand (all matmul gradients), or a batch of products (attention) — in a scalar loop at
 * 0.6-2 GFLOP/s, and tfjs 4.22's wasm kernel takes the batch of the larger operand instead
 * of broadcasting (`[3,4]·[1,1,4,2]` comes back `[3,2]`). This one:
 *
 * - broadcasts batch dimensions by numpy's rules (`[2,1]` with `[1,2]` gives `[2,2]`);
 *   batches that cannot broadcast throw a `ShapeError` naming both shapes;
 * - runs every float32 product on dl's own SIMD matrix product (WebAssembly on the backend's
 *   memory, reading the operands where they lie, transposed or not: `assembly/kernels.ts`),
 *   blocked and packed as BLAS libraries do: 35-40 GFLOP/s on 1024×1024×1024 on one thread
 *   here, where XNNPACK reached 27, and 18-23 on attention's 128×128×32 products, where one
 *   XNNPACK call per entry reached 7 (it creates and packs an operator each time). XNNPACK
 *   on several threads is not used for products, so results are bitwise the same for any
 *   thread count;
 * - without WebAssembly SIMD, transposes operands with `Transpose`, folds a batch whose right
 *   operand has batch size 1 into one XNNPACK product, and makes one XNNPACK product per
 *   batch entry otherwise;
 * - sends other dtypes than float32 to the backend's own kernel (tfjs's wasm kernel rejects
 *   them with an error rather than computing a wrong answer).
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { installTrainingKernels } from '@dl/core';
 * await tf.setBackend('wasm');
 * installTrainingKernels('wasm'); // registers this kernel among others
 * tf.matMul(q, k, false, true); // now on dl's SIMD product, k read transposed in place
 * tf.matMul(tf.ones([2, 1, 3, 4]), tf.ones([1, 2, 4, 2])).shape; // [2, 2, 3, 2]
 * ```
 */
export const batchMatMulKernel: Omit<tf.KernelConfig, 'backendName'> = {
  kernelName: 'BatchMatMul',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { a, b } = inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    const { transposeA, transposeB } = attrs as unknown as tf.BatchMatMulAttrs;
    const product = describeProduct(a, b, transposeA, transposeB);
    if (a.dtype !== 'float32' || b.dtype !== 'float32') return runOriginalKernel('BatchMatMul', inputs, backend, attrs);
    const access = backend as unknown as KernelBackendLike;
    const { m, k, n, batchShape, size, sizeA, sizeB } = product;
    if (size * m * n === 0 || k === 0) return makeOutput(access, [...batchShape, m, n], 'float32', new Float32Array(size * m * n));
    const simd = simdKernelsFor(backend);
    if (simd !== undefined) return view(simdProduct(access, simd, a, b, product, transposeA, transposeB), [...batchShape, m, n]);
    const run = (x: tf.TensorInfo, y: tf.TensorInfo): tf.TensorInfo =>
      runOriginalKernel('BatchMatMul', { a: x, b: y }, backend, { transposeA: false, transposeB: false });

    const temporaries: tf.TensorInfo[] = [];
    const left = transposeA ? swapLastAxes(access, a, temporaries) : a;
    const right = transposeB ? swapLastAxes(access, b, temporaries) : b;
    let result: tf.TensorInfo;
    if (sizeB === 1) {
      // Fold the batch of A into its rows: [sizeA·m, k] · [k, n]; the output batch is A's.
      result = run(view(left, [1, sizeA * m, k]), view(right, [1, k, n]));
    } else {
      result = perEntry(access, left, right, product, run);
    }
    for (const info of temporaries) access.disposeData(info.dataId);
    return view(result, [...batchShape, m, n]);
  },
};

/**
 * `BatchMatMul` that broadcasts batch dimensions by numpy's rules around the backend's own
 * kernel, for backends whose kernel is right only when the batches are equal or one is 1.
 * tfjs 4.22's cpu kernel returns shape `[2,2,3,2]` holding 12 values for
 * `[2,1,3,4]·[1,2,4,2]` (it reads both batches modulo their sizes) and prints garbage on
 * `print()`; its webgpu kernel throws. Equal batches, or a batch of 1 on either side, go to
 * the backend's kernel in one call; any other broadcast first tiles each operand to the full
 * batch with the backend's `Tile` kernel (no values leave the device, so it also runs where
 * synchronous reads are unavailable, as on webgpu in Node), then makes one call. Incompatible
 * batches throw a `ShapeError`.
 *
 * `installTrainingKernels('cpu')` (and `'webgpu'`) registers it in place of the backend's own.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { installTrainingKernels } from '@dl/core';
 * await tf.setBackend('cpu');
 * installTrainingKernels('cpu');
 * tf.matMul(tf.ones([2, 1, 3, 4]), tf.ones([1, 2, 4, 2])).size; // 24, all 4s
 * ```
 */
export const broadcastingBatchMatMulKernel: Omit<tf.KernelConfig, 'backendName'> = {
  kernelName: 'BatchMatMul',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { a, b } = inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    const { transposeA, transposeB } = attrs as unknown as tf.BatchMatMulAttrs;
    const product = describeProduct(a, b, transposeA, transposeB);
    const { m, n, batchShape, size, sizeA, sizeB } = product;
    const access = backend as unknown as KernelBackendLike;
    const run = (x: tf.TensorInfo, y: tf.TensorInfo): tf.TensorInfo => runOriginalKernel('BatchMatMul', { a: x, b: y }, backend, attrs);
    if (size === 0) return makeOutput(access, [...batchShape, m, n], a.dtype, new Float32Array(0));
    const simple = (sizeA === size || sizeA === 1) && (sizeB === size || sizeB === 1);
    if (simple) {
      const result = run(view(a, [sizeA, ...a.shape.slice(-2)]), view(b, [sizeB, ...b.shape.slice(-2)]));
      return view(result, [...batchShape, m, n]);
    }
    const temporaries: tf.TensorInfo[] = [];
    const result = run(tileToBatch(access, a, batchShape, temporaries), tileToBatch(access, b, batchShape, temporaries));
    for (const info of temporaries) access.disposeData(info.dataId);
    return view(result, [...batchShape, m, n]);
  },
};

/** `info` repeated along its batch axes to `batchShape` (with the backend's `Tile`), as `[size, rows, columns]`. */
function tileToBatch(access: KernelBackendLike, info: tf.TensorInfo, batchShape: readonly number[], temporaries: tf.TensorInfo[]): tf.TensorInfo {
  const matrix = info.shape.slice(-2);
  const batch = info.shape.slice(0, -2);
  const aligned = [...Array.from({ length: batchShape.length - batch.length }, () => 1), ...batch];
  const reps = [...batchShape.map((size, i) => size / aligned[i]!), 1, 1];
  const size = batchShape.reduce((p, d) => p * d, 1);
  if (reps.every((r) => r === 1)) return view(info, [size, ...matrix]);
  const tiled = runBackendKernel('Tile', access, { x: view(info, [...aligned, ...matrix]) }, { reps });
  temporaries.push(tiled);
  return view(tiled, [size, ...matrix]);
}

/** Validates the operands of a batched product and works out its sizes. */
function describeProduct(a: tf.TensorInfo, b: tf.TensorInfo, transposeA: boolean, transposeB: boolean): Product {
  for (const [argument, info] of [['a', a] as const, ['b', b] as const]) {
    if (info.shape.length < 2) throw new ShapeError({ argument, expected: 'rank >= 2 for BatchMatMul ([...batch, rows, columns])', actual: info.shape });
  }
  const [ar, ac] = a.shape.slice(-2) as [number, number];
  const [br, bc] = b.shape.slice(-2) as [number, number];
  const [m, k] = transposeA ? [ac, ar] : [ar, ac];
  const [kb, n] = transposeB ? [bc, br] : [br, bc];
  if (k !== kb) {
    throw new ShapeError({
      argument: 'b',
      expected: `${transposeB ? 'last' : 'second-to-last'} dimension ${k} to match a's inner dimension (BatchMatMul, transposeA=${transposeA}, transposeB=${transposeB}, a [${a.shape.join(',')}])`,
      actual: b.shape,
    });
  }
  const batchA = a.shape.slice(0, -2);
  const batchB = b.shape.slice(0, -2);
  const batchShape = broadcastBatchShapes(batchA, batchB);
  if (batchShape === undefined) {
    throw new ShapeError({
      argument: 'b',
      expected: `batch dimensions that broadcast with a's batch [${batchA.join(',')}] (numpy rules: aligned on the right, each axis equal or 1; a has shape [${a.shape.join(',')}])`,
      actual: b.shape,
    });
  }
  const sizeOf = (shape: readonly number[]) => shape.reduce((p, d) => p * d, 1);
  return { m, k, n, batchShape, size: sizeOf(batchShape), sizeA: sizeOf(batchA), sizeB: sizeOf(batchB) };
}

/** The same data under another shape (no copy). */
function view(info: tf.TensorInfo, shape: number[]): tf.TensorInfo {
  return { dataId: info.dataId, shape, dtype: info.dtype };
}

function swapLastAxes(access: KernelBackendLike, info: tf.TensorInfo, temporaries: tf.TensorInfo[]): tf.TensorInfo {
  const rank = info.shape.length;
  const perm = [...Array.from({ length: rank - 2 }, (_, i) => i), rank - 1, rank - 2];
  const transposed = runBackendKernel('Transpose', access, { x: info }, { perm });
  temporaries.push(transposed);
  return transposed;
}

/**
 * Every entry of the broadcast batch on dl's SIMD product, reading the operands where they
 * lie on the heap (transposed or not: the product packs them) and writing each entry's
 * product straight into the output, with one scratch buffer for the packed operands.
 * Returns `[size, m, n]`.
 */
function simdProduct(access: KernelBackendLike, simd: SimdKernels, a: tf.TensorInfo, b: tf.TensorInfo, product: Product, transposeA: boolean, transposeB: boolean): tf.TensorInfo {
  const { m, k, n, batchShape, size } = product;
  const output = access.makeOutput!([size, m, n], 'float32');
  const scratch = access.makeOutput!([Math.ceil(simd.scratchBytes(m, n, k) / 4)], 'float32');
  const indexA = broadcastBatchIndices(batchShape, a.shape.slice(0, -2));
  const indexB = broadcastBatchIndices(batchShape, b.shape.slice(0, -2));
  const [aBase, bBase, cBase, scratchAddress] = [simd.address(a), simd.address(b), simd.address(output), simd.address(scratch)];
  for (let t = 0; t < size; t++) {
    simd.multiply(aBase + indexA[t]! * m * k * 4, transposeA, bBase + indexB[t]! * k * n * 4, transposeB, cBase + t * m * n * 4, m, n, k, scratchAddress);
  }
  access.disposeData(scratch.dataId);
  return output;
}

/**
 * One product per entry of the broadcast batch: entry `t` multiplies the entries of `left`
 * and `right` that numpy broadcasting maps to it. `run` multiplies `[1, r, c]` operands
 * shaped as the last two axes of `left` and `right`. Returns `[size, m, n]`.
 */
function perEntry(
  access: KernelBackendLike,
  left: tf.TensorInfo,
  right: tf.TensorInfo,
  product: Product,
  run: (x: tf.TensorInfo, y: tf.TensorInfo) => tf.TensorInfo,
): tf.TensorInfo {
  const { m, n, batchShape, size } = product;
  const entryA = left.shape.slice(-2);
  const entryB = right.shape.slice(-2);
  const strideA = entryA[0]! * entryA[1]!;
  const strideB = entryB[0]! * entryB[1]!;
  const indexA = broadcastBatchIndices(batchShape, left.shape.slice(0, -2));
  const indexB = broadcastBatchIndices(batchShape, right.shape.slice(0, -2));
  const aValues = readValues(access, left);
  const bValues = readValues(access, right);
  const outType = aValues.constructor as new (length: number) => TypedArray;
  const out = new outType(size * m * n);
  for (let t = 0; t < size; t++) {
    const ai = indexA[t]!;
    const bi = indexB[t]!;
    const x = makeOutput(access, [1, ...entryA], left.dtype, aValues.subarray(ai * strideA, (ai + 1) * strideA));
    const y = makeOutput(access, [1, ...entryB], right.dtype, bValues.subarray(bi * strideB, (bi + 1) * strideB));
    const entry = run(x, y);
    out.set(readValues(access, entry), t * m * n);
    for (const info of [x, y, entry]) access.disposeData(info.dataId);
  }
  return makeOutput(access, [size, m, n], left.dtype, out);
}
