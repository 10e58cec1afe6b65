import * as tf from '@tensorflow/tfjs';
import type { ProductPart, RecurrenceSpec, RecurrentProducts } from './recurrence-engine.js';

/** The parts of tfjs's wasm backend the direct product path uses (tfjs-backend-wasm 4.x). */
interface WasmBackendLike {
  readonly wasm: { cwrap(name: string, returnType: null, argTypes: string[]): (...args: unknown[]) => void };
  readonly dataIdMap: { get(dataId: tf.DataId): { id: number } | undefined };
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
  disposeData(dataId: tf.DataId, force?: boolean): boolean;
}

type WasmBatchMatMul = (aId: number, aShape: Uint8Array, aRank: number, bId: number, bShape: Uint8Array, bRank: number, transposeA: number, transposeB: number, outId: number) => void;
type WasmSigmoid = (xId: number, outId: number) => void;

const wrapped = new WeakMap<object, { batchMatMul: WasmBatchMatMul; sigmoid: WasmSigmoid }>();

/** Recurrent products that own their tensors: call `dispose` when the pass is done. */
export type DisposableProducts = RecurrentProducts & { dispose(): void };

/**
 * The recurrent matmuls of {@link runForward}/{@link runBackward} on the active backend.
 *
 * On wasm, each step's product goes straight to the backend's compiled `BatchMatMul` (XNNPACK's
 * fully connected operator, packed once per weight tensor and cached by tfjs on its id) with
 * input and output buffers allocated once per pass: no tensor is created per step, so the cost
 * is the arithmetic, not tfjs's dispatch. The backward product `d·Uᵀ` multiplies by a transposed
 * copy of `U`, because tfjs's wasm kernel only takes XNNPACK's path for untransposed operands.
 * On other backends (cpu), each product is a `tf.matMul`.
 */
export function createRecurrentProducts(recurrentKernel: tf.Tensor, batch: number, spec: RecurrenceSpec): DisposableProducts {
  const units = spec.units;
  const owned: tf.Tensor[] = [];
  const part = (name: ProductPart): tf.Tensor => {
    if (name === 'all') return recurrentKernel;
    const [start, size] = name === 'gates' ? [0, 2 * units] : [2 * units, units];
    const slice = tf.slice(recurrentKernel, [0, start], [units, size]);
    owned.push(slice);
    return slice;
  };
  const forwardParts = new Map<ProductPart, tf.Tensor>();
  const backwardParts = new Map<ProductPart, tf.Tensor>();
  const forwardPart = (name: ProductPart): tf.Tensor => {
    if (!forwardParts.has(name)) forwardParts.set(name, part(name));
    return forwardParts.get(name)!;
  };
  const backwardPart = (name: ProductPart): tf.Tensor => {
    if (!backwardParts.has(name)) {
      const transposed = tf.transpose(forwardPart(name));
      owned.push(transposed);
      backwardParts.set(name, transposed);
    }
    return backwardParts.get(name)!;
  };
  const backend = tf.backend() as unknown as Partial<WasmBackendLike>;
  const multiply = tf.getBackend() === 'wasm' && isWasmBackend(backend) ? wasmMultiply(backend, batch) : tensorMultiply(batch);
  // One result array per part and direction, reused by every step (no garbage per step).
  const results = new Map<string, Float32Array>();
  const into = (key: string, columns: number): Float32Array => {
    let out = results.get(key);
    if (out === undefined) {
      out = new Float32Array(batch * columns);
      results.set(key, out);
    }
    return out;
  };
  return {
    ...(multiply.sigmoid === undefined ? {} : { sigmoid: multiply.sigmoid }),
    forward: (a, name) => {
      const b = forwardPart(name);
      return multiply.run(a, b, into(`forward ${name}`, b.shape[1] as number));
    },
    backward: (d, name) => {
      const b = backwardPart(name);
      return multiply.run(d, b, into(`backward ${name}`, b.shape[1] as number));
    },
    dispose: () => {
      multiply.dispose();
      tf.dispose(owned);
    },
  };
}

function isWasmBackend(backend: Partial<WasmBackendLike>): backend is WasmBackendLike {
  return typeof backend.wasm?.cwrap === 'function' && typeof backend.makeOutput === 'function' && typeof backend.typedArrayFromHeap === 'function' && backend.dataIdMap !== undefined;
}

interface Multiply {
  /** `a [batch, k] · b [k, n]` into `out` (returned). */
  run(a: Float32Array, b: tf.Tensor, out: Float32Array): Float32Array;
  /** Where the backend has a vectorized kernel: the logistic function in place on `values[start, end)`. */
  sigmoid?: (values: Float32Array, start: number, end: number) => void;
  dispose(): void;
}

function tensorMultiply(batch: number): Multiply {
  return {
    run: (a, b, out) => {
      const input = tf.tensor2d(a, [batch, b.shape[0] as number]);
      const product = tf.matMul(input, b);
      out.set(product.dataSync() as Float32Array);
      tf.dispose([input, product]);
      return out;
    },
    dispose: () => {},
  };
}

function wasmMultiply(backend: WasmBackendLike, batch: number): Multiply {
  let kernels = wrapped.get(backend.wasm);
  if (kernels === undefined) {
    kernels = {
      batchMatMul: backend.wasm.cwrap('BatchMatMul', null, ['number', 'array', 'number', 'number', 'array', 'number', 'number', 'number', 'number']) as unknown as WasmBatchMatMul,
      sigmoid: backend.wasm.cwrap('Sigmoid', null, ['number', 'number']) as unknown as WasmSigmoid,
    };
    wrapped.set(backend.wasm, kernels);
  }
  const { batchMatMul, sigmoid } = kernels;
  const buffers = new Map<string, tf.TensorInfo>();
  // Inputs and outputs never share a buffer, even of the same shape: XNNPACK must not read
  // what it is writing (a SimpleRNN's products are [batch, units] both ways).
  const buffer = (role: 'input' | 'output', rows: number, columns: number): tf.TensorInfo => {
    const key = `${role} ${rows}x${columns}`;
    let info = buffers.get(key);
    if (info === undefined) {
      info = backend.makeOutput([1, rows, columns], 'float32');
      buffers.set(key, info);
    }
    return info;
  };
  const idOf = (dataId: tf.DataId): number => backend.dataIdMap.get(dataId)!.id;
  const shapeBytes = (shape: number[]): Uint8Array => new Uint8Array(new Int32Array(shape).buffer);
  return {
    run: (a, b, out) => {
      const [inner, columns] = b.shape as [number, number];
      const input = buffer('input', batch, inner);
      const output = buffer('output', batch, columns);
      // Views are taken after every allocation: growing the wasm heap detaches older ones.
      backend.typedArrayFromHeap(input).set(a);
      batchMatMul!(idOf(input.dataId), shapeBytes([1, batch, inner]), 3, idOf(b.dataId), shapeBytes([1, inner, columns]), 3, 0, 0, idOf(output.dataId));
      out.set(backend.typedArrayFromHeap(output));
      return out;
    },
    sigmoid: (values, start, end) => {
      const input = buffer('input', 1, end - start);
      const output = buffer('output', 1, end - start);
      backend.typedArrayFromHeap(input).set(values.subarray(start, end));
      // XNNPACK's vectorized sigmoid (what tfjs-wasm's Sigmoid kernel runs), without tfjs's dispatch.
      sigmoid(idOf(input.dataId), idOf(output.dataId));
      values.set(backend.typedArrayFromHeap(output), start);
    },
    dispose: () => {
      for (const info of buffers.values()) backend.disposeData(info.dataId, true);
      buffers.clear();
    },
  };
}
