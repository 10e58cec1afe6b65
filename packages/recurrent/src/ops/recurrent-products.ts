import * as tf from '@tensorflow/tfjs';
import { heapKernels, type HeapKernels } from '@dl/core';
import { activateInPlace, type RecurrentActivation } from './activations.js';
import { gateCount, type ProductPart, type RecurrenceSpec, type RecurrentProducts } from './recurrence-engine.js';

/** Recurrent products that own tensors: call `dispose` when the pass is done. */
export type DisposableProducts = RecurrentProducts & { dispose(): void };

/**
 * The recurrent products and activations of {@link runForward}/{@link runBackward} on the
 * active backend.
 *
 * On wasm (with WebAssembly SIMD), {@link heapProducts}: every array the engine hands over
 * lies on the backend's heap, and each step's product is dl's SIMD matrix product on it, the
 * sigmoid and tanh of a step are one vectorized call each. Elsewhere (cpu), each product is a
 * `tf.matMul` and activations run in JavaScript.
 */
export function createRecurrentProducts(recurrentKernel: tf.Tensor, batch: number, spec: RecurrenceSpec): DisposableProducts {
  const kernels = recurrentHeapKernels();
  return kernels === undefined ? tensorProducts(recurrentKernel, batch, spec) : heapProducts(kernels, recurrentKernel, batch, spec);
}

/** dl's heap kernels where the fused recurrence runs on the heap (the wasm backend with SIMD). */
export function recurrentHeapKernels(): HeapKernels | undefined {
  return tf.getBackend() === 'wasm' ? heapKernels(tf.backend()) : undefined;
}

/** The columns of the recurrent kernel that `part` names: [first, count]. */
function partColumns(part: ProductPart, spec: RecurrenceSpec): [number, number] {
  const u = spec.units;
  if (part === 'gates') return [0, 2 * u];
  if (part === 'candidate') return [2 * u, u];
  return [0, gateCount(spec.cell) * u];
}

/**
 * The parts of the recurrent kernel that `spec`'s steps multiply by, each as a tensor of its own
 * (the whole kernel for `'all'`; the GRU without `resetAfter` also needs its `'gates'` and
 * `'candidate'` column blocks, sliced here, owned). Made at once, before any heap view is taken:
 * a tensor made during the time loop could grow the wasm heap and detach the loop's views.
 */
function kernelParts(recurrentKernel: tf.Tensor, spec: RecurrenceSpec, owned: tf.Tensor[]): (part: ProductPart) => tf.Tensor {
  const parts = new Map<ProductPart, tf.Tensor>([['all', recurrentKernel]]);
  if (spec.cell === 'gru' && !spec.resetAfter) {
    for (const part of ['gates', 'candidate'] as const) {
      const [start, size] = partColumns(part, spec);
      const slice = tf.slice(recurrentKernel, [0, start], [spec.units, size]);
      owned.push(slice);
      parts.set(part, slice);
    }
  }
  return (part) => {
    const tensor = parts.get(part);
    if (tensor === undefined) throw new Error(`[@dl/recurrent] internal: no '${part}' product for a ${spec.cell} cell.`);
    return tensor;
  };
}

/** Applies `name` to `rows` runs of `count` values, `stride` apart, from `start` on, in JavaScript. */
function activateRowsInJs(name: RecurrentActivation, values: Float32Array, start: number, count: number, rows: number, stride: number): void {
  for (let r = 0; r < rows; r += 1) activateInPlace(name, values, start + r * stride, start + r * stride + count);
}

function tensorProducts(recurrentKernel: tf.Tensor, batch: number, spec: RecurrenceSpec): DisposableProducts {
  const owned: tf.Tensor[] = [];
  const partOf = kernelParts(recurrentKernel, spec, owned);
  const multiply = (a: Float32Array, b: tf.Tensor, transposeB: boolean, out: Float32Array, accumulate: boolean): void => {
    const inner = b.shape[transposeB ? 1 : 0] as number;
    const product = tf.tidy(() => tf.matMul(tf.tensor2d(a, [batch, inner]), b, false, transposeB));
    const values = product.dataSync() as Float32Array;
    if (accumulate) for (let k = 0; k < values.length; k += 1) out[k] = out[k]! + values[k]!;
    else out.set(values);
    product.dispose();
  };
  return {
    forward: (a, part, out, accumulate) => multiply(a, partOf(part), false, out, accumulate),
    backward: (d, part, out, accumulate) => multiply(d, partOf(part), true, out, accumulate),
    activate: activateRowsInJs,
    dispose: () => tf.dispose(owned),
  };
}

/**
 * Products and activations on the wasm heap. Every array passed in must be a view of the
 * backend's memory (from `allocate`, or {@link HeapKernels.floats} of a tensor), taken after the
 * last allocation: a view's byte offset is its heap address.
 */
function heapProducts(kernels: HeapKernels, recurrentKernel: tf.Tensor, batch: number, spec: RecurrenceSpec): DisposableProducts {
  const owned: tf.Tensor[] = [];
  const partOf = kernelParts(recurrentKernel, spec, owned);
  const u = spec.units;
  const [, width] = partColumns('all', spec);
  const scratch = tf.fill([Math.ceil(Math.max(kernels.scratchBytes(batch, width, u), kernels.scratchBytes(batch, u, width)) / 4)], 0);
  owned.push(scratch);
  let heapBuffer = kernels.floats(0, 0).buffer;
  const addressOf = (view: Float32Array): number => {
    if (view.buffer !== heapBuffer) {
      heapBuffer = kernels.floats(0, 0).buffer; // the heap has grown since: its new buffer
      if (view.buffer !== heapBuffer) throw new Error('[@dl/recurrent] internal: a recurrence array is not a current view of the wasm heap.');
    }
    return view.byteOffset;
  };
  return {
    forward: (a, part, out, accumulate) => {
      const b = partOf(part);
      kernels.multiply(addressOf(a), false, kernels.address(b), false, addressOf(out), batch, b.shape[1] as number, u, kernels.address(scratch), accumulate);
    },
    backward: (d, part, out, accumulate) => {
      // d [batch, n] · U_partᵀ, U_part [u, n] read transposed where it lies.
      const b = partOf(part);
      kernels.multiply(addressOf(d), false, kernels.address(b), true, addressOf(out), batch, u, b.shape[1] as number, kernels.address(scratch), accumulate);
    },
    activate: (name, values, start, count, rows, stride) => {
      if (name === 'sigmoid') kernels.sigmoid(addressOf(values) + 4 * start, count, rows, stride);
      else if (name === 'tanh') kernels.tanh(addressOf(values) + 4 * start, count, rows, stride);
      else activateRowsInJs(name, values, start, count, rows, stride);
    },
    dispose: () => tf.dispose(owned),
  };
}
