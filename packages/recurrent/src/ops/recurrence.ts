import * as tf from '@tensorflow/tfjs';
import { ConfigError, ShapeError } from '@dl/core';
import { rejectUnknownKeys } from '../internal/layer-args.js';
import { checkCellOptions, type CellWeights } from './cell-weights.js';
import { gruCell } from './gru-cell.js';
import { lstmCell } from './lstm-cell.js';
import {
  backwardBuffers,
  backwardBuffersLength,
  forwardBuffers,
  forwardBuffersLength,
  gateCount,
  runBackward,
  runForward,
  type BackwardResult,
  type ForwardBuffers,
  type ForwardInputs,
  type ForwardTrace,
  type RecurrenceSpec,
} from './recurrence-engine.js';
import { allocate, offsetIn, tensorOf, valuesOf, type Storage } from './pass-storage.js';
import { createRecurrentProducts, recurrentHeapKernels } from './recurrent-products.js';
import { simpleRnnCell } from './simple-rnn-cell.js';

/** How {@link recurrence} computes: see {@link RecurrenceOptions.implementation}. */
export type RecurrenceImplementation = 'auto' | 'fused' | 'unrolled';

/** Options of {@link recurrence}. */
export interface RecurrenceOptions {
  /** `[batch, units]`; zeros when omitted. */
  readonly initialState?: tf.Tensor | undefined;
  /** LSTM: the initial cell state `[batch, units]`; zeros when omitted. */
  readonly initialCarry?: tf.Tensor | undefined;
  /**
   * `[batch, time]`, 1 (or true) for real steps and 0 for padding: a padded step leaves the
   * state unchanged, and its output is the state carried over (as tfjs-layers does).
   */
  readonly mask?: tf.Tensor | undefined;
  /** Recurrent dropout mask `[batch, units]` (already scaled by 1/(1-rate)); not differentiated. */
  readonly recurrentMask?: tf.Tensor | undefined;
  /** Process the steps last to first; the outputs come in that (reversed) order, as in Keras. */
  readonly goBackwards?: boolean;
  /**
   * `false`: `sequence` holds only the last step's output, `[batch, 1, units]` (a layer with
   * `returnSequences: false`); the fused path then neither builds nor differentiates the other
   * steps' outputs. Default `true`.
   */
  readonly returnSequences?: boolean;
  /**
   * `'fused'`: the whole sequence is one tape node; the forward pass runs one recurrent matmul
   * per step and the gate math in a few loops (on wasm on the backend's heap, with dl's SIMD
   * product and activations), and the backward pass is a hand-written backpropagation through
   * time (needs synchronous reads: cpu, wasm).
   * `'unrolled'`: the cell ops step by step, differentiated by tfjs (any backend, e.g. webgpu;
   * about a hundred kernel calls per step). `'auto'` (default): fused on cpu and wasm.
   */
  readonly implementation?: RecurrenceImplementation;
}

/** Outputs of {@link recurrence}. */
export interface RecurrenceResult {
  /** The output of every step, `[batch, time, units]` (in processing order); `[batch, 1, units]` with `returnSequences: false`. */
  readonly sequence: tf.Tensor3D;
  /** The state after the last step, `[batch, units]`. */
  readonly finalState: tf.Tensor2D;
  /** LSTM: the cell state after the last step. */
  readonly finalCarry: tf.Tensor2D | undefined;
}

/** Backends whose tensors can be read synchronously and cheaply. */
const fusedBackends = new Set(['cpu', 'wasm']);

/**
 * Runs a recurrent cell (SimpleRNN, LSTM or GRU, Keras weight layout) over a sequence.
 *
 * The fused implementation makes the input projection of all steps one matmul, each step one
 * recurrent matmul (two for a GRU without `resetAfter`) plus its gate math in a few loops, and
 * registers one gradient for the whole sequence: backpropagation through time written by hand,
 * with `dW`, `dU` and the biases formed by one matmul each over all steps. On wasm the loop runs
 * on the backend's heap (`heapKernels` of @dl/core): each step's product is added in place into
 * the input projection, which becomes the gates; nothing is copied per step.
 * It computes the same numbers as {@link simpleRnnCell}, {@link lstmCell} and {@link gruCell}
 * applied step by step (the tests compare values and gradients).
 *
 * @param spec - the cell, its units, activations and (GRU) `resetAfter`.
 * @param x - inputs `[batch, time, inputDim]`, float32.
 * @param weights - `kernel`, `recurrentKernel`, optional `bias` (see {@link CellWeights}).
 * @param options - initial states, padding mask, recurrent dropout mask, direction, implementation.
 * @returns the output sequence and the final state(s).
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { recurrence } from '@dl/recurrent';
 * const x = tf.randomNormal([2, 5, 3]);
 * const weights = { kernel: tf.randomNormal([3, 16]), recurrentKernel: tf.randomNormal([4, 16]), bias: tf.zeros([16]) };
 * const { sequence, finalState } = recurrence({ cell: 'lstm', units: 4, activation: 'tanh', recurrentActivation: 'sigmoid', resetAfter: false }, x, weights);
 * sequence.shape; // [2, 5, 4]
 * ```
 */
export function recurrence(spec: RecurrenceSpec, x: tf.Tensor, weights: CellWeights, options: RecurrenceOptions = {}): RecurrenceResult {
  checkSpecAndOptions(spec, options);
  checkShapes(spec, x, weights, options);
  const implementation = options.implementation ?? 'auto';
  const fused = implementation === 'fused' || (implementation === 'auto' && fusedBackends.has(tf.getBackend()));
  return tf.tidy(() => {
    const [batch, time] = x.shape as [number, number, number];
    let input = x;
    // As float32: tfjs-backend-wasm's Reverse (and others) treat a bool tensor's bytes as 4-byte
    // elements and write out of bounds.
    let mask = options.mask === undefined ? undefined : options.mask.dtype === 'float32' ? options.mask : tf.cast(options.mask, 'float32');
    if (options.goBackwards === true) {
      input = tf.reverse(input, 1);
      if (mask !== undefined) mask = tf.reverse(mask, 1);
    }
    const h0 = options.initialState ?? tf.zeros([batch, spec.units]);
    const c0 = spec.cell === 'lstm' ? (options.initialCarry ?? tf.zeros([batch, spec.units])) : undefined;
    const lastOnly = options.returnSequences === false;
    const packed = fused ? fusedSequence(spec, input, weights, h0, c0, mask, options.recurrentMask, lastOnly) : unrolledSequence(spec, input, weights, h0, c0, mask, options.recurrentMask);
    // Output steps in `packed` (the fused path packs only the last one when asked), then the carry.
    const steps = fused && lastOnly ? 1 : time;
    const last = tf.slice(packed, [0, steps - 1, 0], [batch, 1, spec.units]) as tf.Tensor3D;
    const sequence = lastOnly ? last : (tf.slice(packed, [0, 0, 0], [batch, time, spec.units]) as tf.Tensor3D);
    const finalState = tf.reshape(last, [batch, spec.units]) as tf.Tensor2D;
    const finalCarry = c0 === undefined ? undefined : (tf.reshape(tf.slice(packed, [0, steps, 0], [batch, 1, spec.units]), [batch, spec.units]) as tf.Tensor2D);
    return { sequence, finalState, finalCarry };
  });
}

/** A misspelled option or a bad spec field is a ConfigError naming it (JavaScript callers get no type check). */
function checkSpecAndOptions(spec: RecurrenceSpec, options: RecurrenceOptions): void {
  rejectUnknownKeys(options, ['initialState', 'initialCarry', 'mask', 'recurrentMask', 'goBackwards', 'returnSequences', 'implementation'], { kind: 'option', where: 'recurrence' });
  rejectUnknownKeys(spec, ['cell', 'units', 'activation', 'recurrentActivation', 'resetAfter'], { kind: 'option', where: 'recurrence spec' });
  const fail = (path: string, value: unknown, expected: string): never => {
    throw new ConfigError({ package: 'recurrent', path, value, expected });
  };
  if (!['simple', 'lstm', 'gru'].includes(spec.cell)) fail('cell', spec.cell, '"simple", "lstm" or "gru"');
  if (!Number.isInteger(spec.units) || spec.units < 1) fail('units', spec.units, 'an integer >= 1');
  if (typeof spec.resetAfter !== 'boolean') fail('resetAfter', spec.resetAfter, 'a boolean');
  if (options.implementation !== undefined && !['auto', 'fused', 'unrolled'].includes(options.implementation)) fail('implementation', options.implementation, '"auto", "fused" or "unrolled"');
  for (const flag of ['goBackwards', 'returnSequences'] as const) {
    if (options[flag] !== undefined && typeof options[flag] !== 'boolean') fail(flag, options[flag], 'a boolean');
  }
  checkCellOptions({ activation: spec.activation, recurrentActivation: spec.recurrentActivation }, 'recurrence spec');
}

function checkShapes(spec: RecurrenceSpec, x: tf.Tensor, weights: CellWeights, options: RecurrenceOptions): void {
  const pkg = 'recurrent';
  if (x.rank !== 3 || x.shape[1] === 0) throw new ShapeError({ package: pkg, argument: 'x', expected: '[batch, time >= 1, inputDim]', actual: x.shape });
  if (x.dtype !== 'float32') throw new ShapeError({ package: pkg, argument: 'x', expected: 'a float32 tensor (cast token ids through an Embedding first)', actual: x.shape });
  const [batch, time, inputDim] = x.shape as [number, number, number];
  const width = gateCount(spec.cell) * spec.units;
  const expectShape = (tensor: tf.Tensor | undefined, shape: number[], argument: string): void => {
    if (tensor !== undefined && (tensor.rank !== shape.length || tensor.shape.some((size, i) => size !== shape[i]))) {
      throw new ShapeError({ package: pkg, argument, expected: `[${shape.join(', ')}]`, actual: tensor.shape });
    }
  };
  expectShape(weights.kernel, [inputDim, width], 'kernel');
  expectShape(weights.recurrentKernel, [spec.units, width], 'recurrentKernel');
  expectShape(weights.bias, spec.cell === 'gru' && spec.resetAfter ? [2, width] : [width], 'bias');
  expectShape(options.initialState, [batch, spec.units], 'initialState');
  expectShape(options.initialCarry, [batch, spec.units], 'initialCarry');
  expectShape(options.mask, [batch, time], 'mask');
  expectShape(options.recurrentMask, [batch, spec.units], 'recurrentMask');
}

/** The step-by-step path: the cell ops, differentiated by tfjs. Packs like {@link fusedSequence}. */
function unrolledSequence(
  spec: RecurrenceSpec,
  x: tf.Tensor,
  weights: CellWeights,
  h0: tf.Tensor,
  c0: tf.Tensor | undefined,
  mask: tf.Tensor | undefined,
  recurrentMask: tf.Tensor | undefined,
): tf.Tensor {
  const steps = tf.unstack(x, 1);
  const masks = mask === undefined ? undefined : tf.unstack(tf.cast(tf.expandDims(tf.cast(mask, 'bool'), 2), 'float32'), 1);
  const cellOptions = { activation: spec.activation, recurrentActivation: spec.recurrentActivation, recurrentMask };
  let h = h0;
  let c = c0;
  const outputs: tf.Tensor[] = [];
  steps.forEach((step, t) => {
    let nextH: tf.Tensor;
    let nextC: tf.Tensor | undefined;
    if (spec.cell === 'simple') nextH = simpleRnnCell(step, h, weights, cellOptions);
    else if (spec.cell === 'gru') nextH = gruCell(step, h, weights, { ...cellOptions, resetAfter: spec.resetAfter });
    else [nextH, nextC] = lstmCell(step, [h, c!], weights, cellOptions);
    const real = masks?.[t];
    if (real !== undefined) {
      const keep = tf.sub(1, real);
      nextH = tf.add(tf.mul(nextH, real), tf.mul(h, keep));
      if (nextC !== undefined) nextC = tf.add(tf.mul(nextC, real), tf.mul(c!, keep));
    }
    h = nextH;
    c = nextC;
    outputs.push(h);
  });
  if (c !== undefined) outputs.push(c);
  return tf.stack(outputs, 1);
}

/**
 * The fused path: one tape node for the whole sequence. Returns `[batch, time, units]` (with
 * `lastOnly`, `[batch, 1, units]`: the last step), and for an LSTM one more step, the final cell
 * state (one output tensor, because `tf.customGrad` takes one).
 */
function fusedSequence(
  spec: RecurrenceSpec,
  x: tf.Tensor,
  weights: CellWeights,
  h0: tf.Tensor,
  c0: tf.Tensor | undefined,
  mask: tf.Tensor | undefined,
  recurrentMask: tf.Tensor | undefined,
  lastOnly: boolean,
): tf.Tensor {
  const [batch, time, inputDim] = x.shape as [number, number, number];
  const u = spec.units;
  const width = gateCount(spec.cell) * u;
  const outputSteps = lastOnly ? 1 : time;
  const splitBias = spec.cell === 'gru' && spec.resetAfter;
  const maskValues = mask === undefined ? undefined : timeMajorMask(mask);
  const recurrentMaskValues = recurrentMask === undefined ? undefined : (recurrentMask.dataSync() as Float32Array);
  const differentiable: tf.Tensor[] = [x, weights.kernel, weights.recurrentKernel, h0];
  if (weights.bias !== undefined) differentiable.push(weights.bias);
  if (c0 !== undefined) differentiable.push(c0);
  const heap = recurrentHeapKernels();
  const forwardLength = forwardBuffersLength(spec, batch, time);

  const run = tf.customGrad((...args: unknown[]) => {
    const [xs, kernel, recurrentKernel, initialState] = args as tf.Tensor[];
    const bias = weights.bias === undefined ? undefined : (args[4] as tf.Tensor);
    const initialCarry = c0 === undefined ? undefined : (args[weights.bias === undefined ? 4 : 5] as tf.Tensor);
    const save = args[args.length - 1] as tf.GradSaveFunc;
    const timeMajor = tf.reshape(tf.transpose(xs!, [1, 0, 2]), [time * batch, inputDim]);
    let projection = tf.matMul(timeMajor, kernel!);
    const inputBias = bias === undefined ? undefined : splitBias ? tf.reshape(tf.slice(bias, [0, 0], [1, width]), [width]) : bias;
    if (inputBias !== undefined) projection = tf.add(projection, inputBias);
    const recurrentBias = splitBias && bias !== undefined ? (tf.slice(bias, [1, 0], [1, width]).dataSync() as Float32Array) : undefined;
    // The engine overwrites the projection (a tensor of our own) with the gates.
    const projectionStorage: Storage = heap === undefined ? (projection.dataSync() as Float32Array) : projection;
    const products = createRecurrentProducts(recurrentKernel!, batch, spec);
    const storage = allocate(heap, forwardLength);
    // Views of the heap only now, after the last allocation of the pass.
    const input: ForwardInputs = {
      batch,
      time,
      inputProjection: valuesOf(heap, projectionStorage),
      initialState: initialState!.dataSync() as Float32Array,
      initialCarry: initialCarry?.dataSync() as Float32Array | undefined,
      mask: maskValues,
      recurrentMask: recurrentMaskValues,
      recurrentBias,
    };
    let trace: ForwardTrace;
    try {
      trace = runForward(spec, input, products, forwardBuffers(spec, batch, time, valuesOf(heap, storage)));
    } finally {
      products.dispose();
    }
    // The output, [batch, time (+ 1), units], from the storage by Slice kernels (no copy through JavaScript).
    const storageValues = valuesOf(heap, storage);
    const statesOffset = offsetIn(storageValues, trace.states) + (time - outputSteps + 1) * batch * u;
    const carryOffset = trace.carries === undefined ? undefined : offsetIn(storageValues, trace.carries) + time * batch * u;
    const value = tf.tidy(() => {
      const states = tensorOf(storage, statesOffset, [outputSteps, batch, u]);
      const steps = carryOffset === undefined ? states : tf.concat([states, tensorOf(storage, carryOffset, [1, batch, u])]);
      return tf.transpose(steps, [1, 0, 2]);
    });
    // The time-major input is kept for dW = xᵀ·dP (kept, as clones, only while a tape records; ours go now).
    if (heap === undefined) {
      save([timeMajor, kernel!, recurrentKernel!]);
      tf.dispose([timeMajor, projection]);
    } else {
      save([timeMajor, kernel!, recurrentKernel!, projection, storage as tf.Tensor]);
      tf.dispose([timeMajor, projection, storage as tf.Tensor]);
    }

    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]): tf.Tensor[] => {
      const [xFlat, savedKernel, savedRecurrentKernel, savedProjection, savedStorage] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor | undefined, tf.Tensor | undefined];
      // Not through tf.tidy: tidy walks its result, and a typed array is walked element by element.
      const dyTransposed = tf.transpose(dy, [1, 0, 2]);
      const dyStorage: Storage = heap === undefined ? (dyTransposed.dataSync() as Float32Array) : dyTransposed;
      const backwardProducts = createRecurrentProducts(savedRecurrentKernel, batch, spec);
      const backwardStorage = allocate(heap, backwardBuffersLength(spec, batch, time));
      // The forward pass's arrays: on the heap the saved tensors, elsewhere the closure's arrays.
      const traceStorage: Storage = savedStorage ?? storage;
      // Views of the heap only now, after the last allocation of the pass.
      const forwardValues = valuesOf(heap, traceStorage);
      const forwardTrace = traceOf(spec, forwardBuffers(spec, batch, time, forwardValues), valuesOf(heap, savedProjection ?? projectionStorage));
      const dyTimeMajor = valuesOf(heap, dyStorage);
      const backwardValues = valuesOf(heap, backwardStorage);
      let grads: BackwardResult;
      try {
        grads = runBackward(
          spec,
          input,
          forwardTrace,
          dyTimeMajor.subarray(0, outputSteps * batch * u),
          forwardTrace.carries === undefined ? undefined : dyTimeMajor.subarray(outputSteps * batch * u),
          backwardProducts,
          backwardBuffers(spec, batch, time, backwardValues),
        );
      } finally {
        backwardProducts.dispose();
      }
      // Offsets and small results out of the views before anything allocates again.
      const recurrentOffset = offsetIn(backwardValues, grads.recurrent);
      const candidateOffset = forwardTrace.candidateInputs === undefined ? 0 : offsetIn(forwardValues, forwardTrace.candidateInputs);
      const initialStateGradient = grads.initialState.slice();
      const initialCarryGradient = grads.initialCarry?.slice();
      dyTransposed.dispose();
      const result = tf.tidy(() => {
        const dProjection = tensorOf(backwardStorage, 0, [time * batch, width]);
        const dKernel = tf.matMul(xFlat, dProjection, true, false);
        const dX = tf.transpose(tf.reshape(tf.matMul(dProjection, savedKernel, false, true), [time, batch, inputDim]), [1, 0, 2]);
        const dRecurrent = recurrentOffset === 0 ? dProjection : tensorOf(backwardStorage, recurrentOffset, [time * batch, width]);
        // The states come first in the forward storage.
        const previousStates = tensorOf(traceStorage, 0, [time * batch, u]);
        // The recurrent mask tensor belongs to the forward scope; its values were copied.
        const maskedStates =
          recurrentMaskValues === undefined ? previousStates : tf.reshape(tf.mul(tf.reshape(previousStates, [time, batch, u]), tf.tensor2d(recurrentMaskValues, [batch, u])), [time * batch, u]);
        let dRecurrentKernel: tf.Tensor;
        if (spec.cell === 'gru' && !spec.resetAfter) {
          const candidateInputs = tensorOf(traceStorage, candidateOffset, [time * batch, u]);
          dRecurrentKernel = tf.concat(
            [tf.matMul(maskedStates, tf.slice(dRecurrent, [0, 0], [time * batch, 2 * u]), true), tf.matMul(candidateInputs, tf.slice(dRecurrent, [0, 2 * u], [time * batch, u]), true)],
            1,
          );
        } else {
          dRecurrentKernel = tf.matMul(maskedStates, dRecurrent, true);
        }
        const grads_: tf.Tensor[] = [dX, dKernel, dRecurrentKernel, tf.tensor2d(initialStateGradient, [batch, u])];
        if (weights.bias !== undefined) {
          // Column sums over all steps (on wasm, dl's SIMD float64 column totals).
          const dInputBias = tf.sum(dProjection, 0);
          grads_.push(splitBias ? tf.stack([dInputBias, tf.sum(dRecurrent, 0)]) : dInputBias);
        }
        if (c0 !== undefined) grads_.push(tf.tensor2d(initialCarryGradient!, [batch, u]));
        return grads_;
      });
      if (backwardStorage instanceof tf.Tensor) backwardStorage.dispose();
      return result;
    };
    return { value, gradFunc };
  });
  return run(...differentiable);
}

/** The trace that {@link runForward} returned, from its buffers and the (overwritten) input projection. */
function traceOf(spec: RecurrenceSpec, buffers: ForwardBuffers, projection: Float32Array): ForwardTrace {
  const { states, carries, cellOutputs, candidateInputs } = buffers;
  return { states, carries, gates: spec.cell === 'simple' ? undefined : projection, cellOutputs, candidateInputs };
}

/** `[batch, time]` mask values (anything non-zero is a real step) as `[time, batch]` bytes. */
function timeMajorMask(mask: tf.Tensor): Uint8Array {
  const [batch, time] = mask.shape as [number, number];
  const values = mask.dataSync();
  const out = new Uint8Array(batch * time);
  for (let b = 0; b < batch; b += 1) for (let t = 0; t < time; t += 1) out[t * batch + b] = values[b * time + t] ? 1 : 0;
  return out;
}
