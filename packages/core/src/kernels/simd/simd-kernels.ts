import type * as tf from '@tensorflow/tfjs';
import { ConfigError } from '../../errors/config-error.js';
import type { ConvGeometry } from '../conv-geometry.js';
import type { HeapKernels } from './heap-kernels.js';
import { startKernelPool, type KernelPool } from './kernel-pool.js';
import { kernelsModuleBase64, sharedKernelsModuleBase64 } from './kernels-binary.generated.js';

/** The exports of dl's SIMD kernels module (source: packages/core/assembly/kernels.ts). */
interface KernelsExports {
  gemm(a: number, aRow: number, aCol: number, b: number, bRow: number, bCol: number, c: number, m: number, n: number, k: number, scratch: number, addToC: boolean, patchChannels: number): void;
  patchAddresses(
    x: number, inH: number, inW: number, inC: number, outH: number, outW: number, kH: number, kW: number,
    strideH: number, strideW: number, padTop: number, padLeft: number, rowStart: number, rowCount: number, zeros: number, table: number,
  ): void;
  gemmScratchBytes(m: number, n: number, k: number): number;
  im2col(
    x: number, inH: number, inW: number, inC: number, outH: number, outW: number, kH: number, kW: number,
    strideH: number, strideW: number, padTop: number, padLeft: number, rowStart: number, rowCount: number, out: number,
  ): void;
  conv2d(
    x: number, inH: number, inW: number, inC: number, outH: number, outW: number, kH: number, kW: number,
    strideH: number, strideW: number, dilationH: number, dilationW: number, padTop: number, padLeft: number,
    w: number, tapStep: number, wRow: number, wCol: number, flipTaps: number, outC: number, y: number, scratch: number,
    rowStart: number, rowCount: number,
  ): void;
  conv2dScratchBytes(taps: number, inC: number, outC: number): number;
  biasActivation(y: number, rows: number, channels: number, bias: number, activation: number, alpha: number): void;
  sumColumns(x: number, rows: number, columns: number, divisor: number, out: number): void;
  col2im(
    patches: number, dx: number, inH: number, inW: number, inC: number, outH: number, outW: number, kH: number, kW: number,
    strideH: number, strideW: number, padTop: number, padLeft: number, rowStart: number, rowCount: number,
  ): void;
  maxPoolGradTiled(x: number, y: number, dy: number, dx: number, batch: number, inH: number, inW: number, channels: number, outH: number, outW: number, poolH: number, poolW: number): void;
  sigmoidInPlace(x: number, count: number, rows: number, rowStride: number): void;
  tanhInPlace(x: number, count: number, rows: number, rowStride: number): void;
  scatterAddRows(x: number, ids: number, rows: number, rowSize: number, segments: number, out: number): void;
  gatherRows(x: number, ids: number, count: number, rowBytes: number, out: number): void;
}

/** What this module needs of tfjs-backend-wasm: its Emscripten module and where each tensor lies. */
interface WasmBackendInternals {
  wasm?: { asm?: { memory?: unknown }; wasmMemory?: unknown };
  dataIdMap?: { get(dataId: tf.DataId): { memoryOffset: number | null } | undefined };
}

const instances = new WeakMap<WebAssembly.Memory, KernelsExports | null>();
const pools = new WeakMap<WebAssembly.Memory, KernelPool>();

/** The exports that a {@link KernelPool} runs on its workers. */
const parallelKernels = ['gemm', 'conv2d'] as const;

/**
 * Multiply-adds below which a product or convolution stays on one thread (waking a worker and
 * waiting for it costs tens of microseconds).
 */
const PARALLEL_MIN_MACS = 1 << 20;

/** Scratch bytes rounded up to whole cache lines, so that threads' scratch areas do not share one. */
const lines = (bytes: number): number => Math.ceil(bytes / 64) * 64;

/** Rows [start, end) of `rows` for each of `parts` threads, in multiples of 4 (whole 4-row tiles). */
function rowShares(rows: number, parts: number): [number, number][] {
  const per = Math.ceil(rows / parts / 4) * 4;
  return Array.from({ length: parts }, (_, part) => [Math.min(rows, part * per), Math.min(rows, (part + 1) * per)]);
}

/** Whether the backend's memory is shared (tfjs-backend-wasm's threaded binary): the module must import it as shared. */
function isShared(memory: WebAssembly.Memory): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
}

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function moduleBytes(memory: WebAssembly.Memory): Uint8Array<ArrayBuffer> | null {
  const bytes = decode(isShared(memory) ? sharedKernelsModuleBase64 : kernelsModuleBase64);
  return WebAssembly.validate(bytes) ? bytes : null; // null: no WebAssembly SIMD here
}

/**
 * The module instantiated synchronously, as a kernel needs it; `undefined` where the runtime
 * refuses (a browser's main thread compiles at most 4 KB synchronously; the module is about
 * 4 KB): then {@link prepareSimdKernels} must have run.
 */
function instantiateNow(memory: WebAssembly.Memory): KernelsExports | null | undefined {
  const bytes = moduleBytes(memory);
  if (bytes === null) return null;
  try {
    return new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports as unknown as KernelsExports;
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function backendMemory(backend: unknown): WebAssembly.Memory | undefined {
  const internals = backend as WasmBackendInternals;
  const memory = internals.wasm?.asm?.memory ?? internals.wasm?.wasmMemory;
  return memory instanceof WebAssembly.Memory ? memory : undefined;
}

/**
 * Compiles and instantiates dl's SIMD kernels for a wasm backend asynchronously, as browsers
 * require on their main thread for modules over 4 KB (`useBackend('wasm')` calls it). Elsewhere
 * the kernels also instantiate themselves on first use. With `threads` > 1 on tfjs's threaded
 * binary in Node, it also starts `threads − 1` worker threads that share the large products and
 * convolutions row by row (every output computed as on one thread, so results do not depend on the
 * thread count). Resolves to whether the kernels can run.
 *
 * @param backend - the wasm backend (`tf.backend()` or `tf.engine().registry.wasm`).
 * @param threads - threads for dl's kernels to share their work among: an integer from 1 to 8
 *   (default 1); more than one only takes effect on tfjs's threaded binary in Node.
 * @throws a `ConfigError` naming `threads` when it is not an integer from 1 to 8.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { installTrainingKernels, prepareSimdKernels } from '@dl/core';
 * await tf.setBackend('wasm');
 * installTrainingKernels('wasm');
 * await prepareSimdKernels(tf.backend()); // true where WebAssembly SIMD is available
 * ```
 */
export async function prepareSimdKernels(backend: unknown, threads = 1): Promise<boolean> {
  if (!Number.isInteger(threads) || threads < 1 || threads > 8) throw new ConfigError({ path: 'threads', value: threads, expected: 'an integer from 1 to 8' });
  const memory = backendMemory(backend);
  if (memory === undefined) return false;
  let exports = instances.get(memory);
  const wantsPool = threads > 1 && isShared(memory) && !pools.has(memory);
  if (exports === undefined || (exports !== null && wantsPool)) {
    const bytes = moduleBytes(memory);
    const module = bytes === null ? null : await WebAssembly.compile(bytes);
    exports ??= module === null ? null : ((await WebAssembly.instantiate(module, { env: { memory } })).exports as unknown as KernelsExports);
    instances.set(memory, exports);
    if (exports !== null && module !== null && wantsPool) {
      const pool = await startKernelPool(memory, module, parallelKernels, exports, threads);
      if (pool !== undefined) pools.set(memory, pool);
    }
  }
  return exports !== null;
}

/** How many threads dl's SIMD kernels share their work among on `backend` (1 without a kernel pool). */
export function simdKernelThreads(backend: unknown): number {
  const memory = backendMemory(backend);
  return memory === undefined ? 1 : (pools.get(memory)?.size ?? 1);
}

/**
 * dl's SIMD kernels, bound to the memory of the wasm backend that runs the calling kernel,
 * with the heap address of each tensor. All addresses are byte offsets into that memory.
 */
export interface SimdKernels extends HeapKernels {
  /**
   * The filter gradient of a convolution of geometry `g` over its output rows `[start, start +
   * count)`, `dW = patches(x)ᵀ · dy` (`[kH·kW·inC, outC]`), with the patches read in place through
   * `table` (from {@link SimdKernels.patchAddressRows} for the same rows) instead of an im2col
   * copy; `dy` the address of row `start` of `dy`; with `addToC`, added to `dW`. `scratch`:
   * {@link HeapKernels.scratchBytes}`(kH·kW·inC, outC, count)` bytes.
   */
  multiplyPatches(table: number, g: ConvGeometry, count: number, dy: number, dW: number, scratch: number, addToC: boolean): void;
  /**
   * For output rows `[start, start + count)` of a convolution of geometry `g` (no dilation) of
   * the NHWC input at `x`: the address of each kernel position's input pixel, or `zeros` (the
   * address of `inC` zero floats) in the padding, as `count` u32 values per kernel position at `table`.
   */
  patchAddressRows(x: number, g: ConvGeometry, start: number, count: number, zeros: number, table: number): void;
  /**
   * The convolution of geometry `g` of the NHWC input at `x` with the filter at `filter`
   * (`[kH, kW, inC, outC]`), into `y` (`[batch, outH, outW, outC]`), as an implicit product:
   * no im2col matrix, each output's window read through an indirection buffer. `scratch`: the
   * address of {@link SimdKernels.convolutionScratchBytes} bytes.
   */
  convolve(x: number, g: ConvGeometry, filter: number, y: number, scratch: number): void;
  /**
   * The input gradient `dx` (`[batch, inH, inW, inC]`) of a stride-1 convolution of geometry
   * `g` from its output gradient `dy`, as {@link SimdKernels.convolve} computes a convolution:
   * `dy` padded by `k − 1 − pad`, the filter flipped in space, its channel axes swapped (read
   * where it lies). Throws for other strides.
   */
  convolveTransposed(dy: number, g: ConvGeometry, filter: number, dx: number, scratch: number): void;
  /** Bytes of scratch memory that {@link SimdKernels.convolve} (or, with `transposed`, {@link SimdKernels.convolveTransposed}) needs. */
  convolutionScratchBytes(g: ConvGeometry, transposed?: boolean): number;
  /**
   * In place, `y = activation(y + bias)` on a row-major `rows×channels` matrix; `bias` the
   * address of one value per channel, or 0 for none; activation 0 linear, 1 relu, 2 relu6, 3
   * leaky relu of slope `alpha`.
   */
  biasActivation: KernelsExports['biasActivation'];
  /**
   * The column totals of a row-major `rows×columns` float32 matrix at `x`, each summed in float64
   * in row order and divided by `divisor` (1 for sums, the row count for means), as float32 at `out`.
   */
  sumColumns: KernelsExports['sumColumns'];
  /**
   * The max-pooling gradient for windows that tile the input without overlap (stride = window,
   * no padding), from the forward output `y`: see `assembly/kernels.ts`. `dx` must be zero-filled.
   */
  maxPoolGradTiled: KernelsExports['maxPoolGradTiled'];
  /**
   * `out[ids[r]] += x[r]` for each of `rows` float32 rows of `rowSize` values (ids int32, rows in
   * order; ids outside `[0, segments)` skipped): a gather's gradient, into `out` (zeros first).
   */
  scatterAddRows: KernelsExports['scatterAddRows'];
  /** Row `ids[i]` of `x` (rows of `rowBytes` bytes; ids int32, in range) to row `i` of `out`, for `i < count`. */
  gatherRows: KernelsExports['gatherRows'];
  /** {@link HeapKernels.address} of each tensor, in order. */
  addresses<T extends readonly tf.TensorInfo[]>(...infos: T): { [K in keyof T]: number };
  /**
   * Rows `[start, start + count)` of the im2col matrix of the NHWC input at `x` for a
   * convolution of geometry `g` (row: one output position; columns: its window's values in
   * (kh, kw, channel) order, 0 in the padding), row-major at `out`.
   */
  im2colRows(x: number, g: ConvGeometry, start: number, count: number, out: number): void;
  /**
   * Adds patch gradients (rows `[start, start + count)` of `dy · Wᵀ`, row-major, at `patches`)
   * back into the NHWC input gradient `dx` at the positions each window read (col2im).
   */
  col2imRows(patches: number, dx: number, g: ConvGeometry, start: number, count: number): void;
}

/**
 * {@link SimdKernels} for `backend`, or `undefined` where they cannot run: another backend, a
 * runtime without WebAssembly SIMD, a tfjs-backend-wasm whose internals differ.
 */
export function simdKernelsFor(backend: unknown): SimdKernels | undefined {
  const memory = backendMemory(backend);
  const dataIdMap = (backend as WasmBackendInternals).dataIdMap;
  if (memory === undefined || dataIdMap === undefined) return undefined;
  let exports = instances.get(memory);
  if (exports === undefined) {
    exports = instantiateNow(memory);
    if (exports === undefined) return undefined; // not yet: prepareSimdKernels has not run
    instances.set(memory, exports);
  }
  if (exports === null) return undefined;
  return bind(exports, memory, dataIdMap, pools.get(memory));
}

/** The exports of the module, with tensor addresses read from `dataIdMap`. */
function bind(exports: KernelsExports, memory: WebAssembly.Memory, dataIdMap: NonNullable<WasmBackendInternals['dataIdMap']>, pool: KernelPool | undefined): SimdKernels {
  const { gemm, gemmScratchBytes, conv2d, conv2dScratchBytes, im2col, col2im, patchAddresses, biasActivation, sumColumns, maxPoolGradTiled, sigmoidInPlace, tanhInPlace, scatterAddRows, gatherRows } = exports;
  const address = (info: tf.TensorInfo): number => {
    const offset = dataIdMap.get(info.dataId)?.memoryOffset;
    if (typeof offset !== 'number') throw new Error('[@dl/core] SIMD kernels: a tensor is not on the wasm heap.');
    return offset;
  };
  const threads = pool?.size ?? 1;
  const run = exports as unknown as Record<(typeof parallelKernels)[number], (...values: number[]) => void>;
  /**
   * Calls `name` with `argsFor(start, count, scratch)` for output rows [0, rows): at once on this
   * thread, or, for work of at least PARALLEL_MIN_MACS, on every thread of the pool with a share of
   * the rows and its own `scratchStride` bytes of `scratch`.
   */
  const byRows = (
    name: (typeof parallelKernels)[number],
    rows: number,
    macs: number,
    scratch: number,
    scratchStride: number,
    argsFor: (start: number, count: number, scratch: number) => number[],
  ): void => {
    if (pool === undefined || rows < 8 * threads || macs < PARALLEL_MIN_MACS) return run[name](...argsFor(0, rows, scratch));
    pool.run(rowShares(rows, threads).map(([start, end], part) => ({ name, args: argsFor(start, end - start, scratch + part * scratchStride) })));
  };
  const convolutionScratch = (g: ConvGeometry, transposed: boolean): number =>
    lines(
      transposed
        ? conv2dScratchBytes(g.filterHeight * g.filterWidth, g.outChannels, g.inChannels)
        : conv2dScratchBytes(g.filterHeight * g.filterWidth, g.inChannels, g.outChannels),
    );
  return {
    multiply: (a, transposeA, b, transposeB, c, m, n, k, scratch, addToC = false) => {
      const [aRow, aCol, bRow, bCol] = [transposeA ? 1 : k, transposeA ? m : 1, transposeB ? 1 : n, transposeB ? k : 1];
      byRows('gemm', m, m * n * k, scratch, lines(gemmScratchBytes(m, n, k)), (start, count, part) =>
        [a + start * aRow * 4, aRow, aCol, b, bRow, bCol, c + start * n * 4, count, n, k, part, addToC ? 1 : 0, 0]);
    },
    multiplyPatches: (table, g, count, dy, dW, scratch, addToC) => {
      const [rows, n] = [g.patchSize, g.outChannels];
      // Rows of dW (patch values): gemm's aRow is the first row in this mode.
      byRows('gemm', rows, rows * n * count, scratch, lines(gemmScratchBytes(rows, n, count)), (start, share, part) =>
        [table, start, 0, dy, n, 1, dW + start * n * 4, share, n, count, part, addToC ? 1 : 0, g.inChannels]);
    },
    patchAddressRows: (x, g, start, count, zeros, table) =>
      patchAddresses(x, g.inHeight, g.inWidth, g.inChannels, g.outHeight, g.outWidth, g.filterHeight, g.filterWidth, g.strideHeight, g.strideWidth, g.padTop, g.padLeft, start, count, zeros, table),
    scratchBytes: (m, n, k) => threads * lines(gemmScratchBytes(m, n, k)),
    biasActivation,
    sumColumns,
    maxPoolGradTiled,
    scatterAddRows,
    gatherRows,
    sigmoid: (at, count, rows = 1, rowStride = count) => sigmoidInPlace(at, count, rows, rowStride),
    tanh: (at, count, rows = 1, rowStride = count) => tanhInPlace(at, count, rows, rowStride),
    address,
    floats: (at, count) => new Float32Array(memory.buffer, at, count),
    addresses: (...infos) => infos.map(address) as never,
    convolve: (x, g, filter, y, scratch) =>
      byRows('conv2d', g.rows, g.rows * g.patchSize * g.outChannels, scratch, convolutionScratch(g, false), (start, count, part) => [
        x, g.inHeight, g.inWidth, g.inChannels, g.outHeight, g.outWidth, g.filterHeight, g.filterWidth,
        g.strideHeight, g.strideWidth, g.dilationHeight, g.dilationWidth, g.padTop, g.padLeft,
        filter, g.inChannels * g.outChannels, g.outChannels, 1, 0, g.outChannels, y, part, start, count,
      ]),
    convolveTransposed: (dy, g, filter, dx, scratch) => {
      if (g.strideHeight !== 1 || g.strideWidth !== 1 || g.dilationHeight !== 1 || g.dilationWidth !== 1) {
        throw new Error('[@dl/core] SIMD kernels: convolveTransposed needs stride 1 and dilation 1.');
      }
      // Block t of the flipped filter, element (co, ci), is W[kH·kW − 1 − t][ci][co]: rows 1 apart, columns outC.
      const rows = g.batchSize * g.inHeight * g.inWidth;
      byRows('conv2d', rows, rows * g.patchSize * g.outChannels, scratch, convolutionScratch(g, true), (start, count, part) => [
        dy, g.outHeight, g.outWidth, g.outChannels, g.inHeight, g.inWidth, g.filterHeight, g.filterWidth,
        1, 1, 1, 1, g.filterHeight - 1 - g.padTop, g.filterWidth - 1 - g.padLeft,
        filter, g.inChannels * g.outChannels, 1, g.outChannels, 1, g.inChannels, dx, part, start, count,
      ]);
    },
    convolutionScratchBytes: (g, transposed = false) => threads * convolutionScratch(g, transposed),
    im2colRows: (x, g, start, count, out) =>
      im2col(x, g.inHeight, g.inWidth, g.inChannels, g.outHeight, g.outWidth, g.filterHeight, g.filterWidth, g.strideHeight, g.strideWidth, g.padTop, g.padLeft, start, count, out),
    col2imRows: (patches, dx, g, start, count) =>
      col2im(patches, dx, g.inHeight, g.inWidth, g.inChannels, g.outHeight, g.outWidth, g.filterHeight, g.filterWidth, g.strideHeight, g.strideWidth, g.padTop, g.padLeft, start, count),
  };
}
