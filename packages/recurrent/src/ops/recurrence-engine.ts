import { derivativeFromOutput, type RecurrentActivation } from './activations.js';

/** Which cell a recurrence runs. */
export type CellKind = 'simple' | 'lstm' | 'gru';

/** What the engine needs to know about a cell. */
export interface RecurrenceSpec {
  readonly cell: CellKind;
  readonly units: number;
  readonly activation: RecurrentActivation;
  readonly recurrentActivation: RecurrentActivation;
  /** GRU only: reset gate after the recurrent product (bias `[2, 3u]`). */
  readonly resetAfter: boolean;
}

/** Gates per cell: their pre-activations are `gateCount · units` wide. */
export function gateCount(cell: CellKind): number {
  return cell === 'simple' ? 1 : cell === 'lstm' ? 4 : 3;
}

/**
 * The recurrent products and activations, supplied by the caller for the active backend
 * (`recurrent-products.ts`). `part` is `'all'` (the whole recurrent kernel `U`), `'gates'` (its
 * first 2·units columns) or `'candidate'` (its last units columns); the last two are used by the
 * GRU without `resetAfter` only. Arrays are passed where they lie (on the wasm heap, views of
 * its memory).
 */
export interface RecurrentProducts {
  /** `out = a · U_part` (`out += a · U_part` with `accumulate`), `a` of shape `[batch, units]`. */
  forward(a: Float32Array, part: ProductPart, out: Float32Array, accumulate: boolean): void;
  /** `out = d · U_partᵀ` (`out += ` with `accumulate`), `d` of shape `[batch, columns of U_part]`. */
  backward(d: Float32Array, part: ProductPart, out: Float32Array, accumulate: boolean): void;
  /** In place: `name` on `rows` runs of `count` values, `stride` apart, from `values[start]` on. */
  activate(name: RecurrentActivation, values: Float32Array, start: number, count: number, rows: number, stride: number): void;
}

/** A column block of the recurrent kernel. */
export type ProductPart = 'all' | 'gates' | 'candidate';

/** Inputs of {@link runForward}, time-major: step t, batch row b at `t·batch + b`. */
export interface ForwardInputs {
  readonly batch: number;
  readonly time: number;
  /**
   * `x·W (+ input bias)`, `[time, batch, G·units]`. Overwritten: it becomes the gate outputs of
   * the trace (LSTM, GRU), or per-step scratch (SimpleRNN).
   */
  readonly inputProjection: Float32Array;
  /** `[batch, units]`. */
  readonly initialState: Float32Array;
  /** LSTM only, `[batch, units]`. */
  readonly initialCarry?: Float32Array | undefined;
  /** 1 where the step is real, 0 where it is padding (the state is carried over), `[time, batch]`. */
  readonly mask?: Uint8Array | undefined;
  /** Recurrent dropout, `[batch, units]`, multiplied into the state where it enters the recurrent products. */
  readonly recurrentMask?: Float32Array | undefined;
  /** GRU with `resetAfter`: the bias added to the recurrent product, `[3·units]`. */
  readonly recurrentBias?: Float32Array | undefined;
}

/** What the forward pass keeps for the backward pass; `states` is also the output. */
export interface ForwardTrace {
  /** `[time + 1, batch, units]`: the initial state, then the state after each step. */
  readonly states: Float32Array;
  /** LSTM: `[time + 1, batch, units]` cell states. */
  readonly carries: Float32Array | undefined;
  /** Gate outputs `[time, batch, G·units]`: LSTM i, f, g, o; GRU z, r, n (the input projection's array). */
  readonly gates: Float32Array | undefined;
  /** LSTM: `activation(c)` after each step, `[time, batch, units]`. */
  readonly cellOutputs: Float32Array | undefined;
  /**
   * GRU only, `[time, batch, units]`: with `resetAfter`, the candidate block of the recurrent
   * product (`ĥ_h`, bias included); without, `r ⊙ h_masked` (the input of `U_h`).
   */
  readonly candidateInputs: Float32Array | undefined;
}

/** Gradients of {@link runBackward}. */
export interface BackwardResult {
  /** Gradient of the input projection (and so of the input bias), `[time, batch, G·units]`. */
  readonly inputProjection: Float32Array;
  /**
   * Gradient of the recurrent pre-activations, `[time, batch, G·units]`: `dU = Σ_t aₜᵀ·this`,
   * with `aₜ` the masked previous state (for a GRU without `resetAfter`, the candidate
   * block pairs with `r ⊙ h_masked` instead: {@link ForwardTrace.candidateInputs}).
   */
  readonly recurrent: Float32Array;
  readonly initialState: Float32Array;
  readonly initialCarry: Float32Array | undefined;
}

/** The arrays {@link runForward} writes besides the input projection: its trace, and per-step scratch. */
export interface ForwardBuffers {
  readonly states: Float32Array;
  readonly carries: Float32Array | undefined;
  readonly cellOutputs: Float32Array | undefined;
  readonly candidateInputs: Float32Array | undefined;
  /** `[batch, units]`: the state times the recurrent dropout mask. */
  readonly masked: Float32Array;
  /** `[batch, units]`: GRU candidates before their activation. */
  readonly scratch: Float32Array;
  /** `[batch, G·units]`: the GRU's recurrent product. */
  readonly product: Float32Array;
}

/** The arrays {@link runBackward} writes: the gradients it returns, and per-step scratch. */
export interface BackwardBuffers {
  readonly dInput: Float32Array;
  /** GRU with `resetAfter` only (elsewhere the gradient of the recurrent pre-activations is `dInput`). */
  readonly dRecurrent: Float32Array | undefined;
  readonly dh: Float32Array;
  readonly dc: Float32Array | undefined;
  readonly carried: Float32Array;
  readonly derivative: Float32Array;
  readonly cellDerivative: Float32Array;
  readonly candidateBlock: Float32Array;
  readonly gatesBlock: Float32Array;
  /** `[batch, units]`: the gradient that flows back through the recurrent products. */
  readonly through: Float32Array;
}

type Layout<T> = [keyof T & string, number][];

function forwardLayout(spec: RecurrenceSpec, batch: number, time: number): Layout<ForwardBuffers> {
  const rowSize = batch * spec.units;
  const lstm = spec.cell === 'lstm';
  return [
    ['states', (time + 1) * rowSize],
    ['carries', lstm ? (time + 1) * rowSize : 0],
    ['cellOutputs', lstm ? time * rowSize : 0],
    ['candidateInputs', spec.cell === 'gru' ? time * rowSize : 0],
    ['masked', rowSize],
    ['scratch', rowSize],
    ['product', gateCount(spec.cell) * rowSize],
  ];
}

function backwardLayout(spec: RecurrenceSpec, batch: number, time: number): Layout<BackwardBuffers> {
  const rowSize = batch * spec.units;
  const stepSize = gateCount(spec.cell) * rowSize;
  return [
    ['dInput', time * stepSize],
    ['dRecurrent', spec.cell === 'gru' && spec.resetAfter ? time * stepSize : 0],
    ['dh', rowSize],
    ['dc', spec.cell === 'lstm' ? rowSize : 0],
    ['carried', rowSize],
    ['derivative', Math.max(stepSize, rowSize)],
    ['cellDerivative', rowSize],
    ['candidateBlock', rowSize],
    ['gatesBlock', 2 * rowSize],
    ['through', rowSize],
  ];
}

/** Each part rounded up to whole 16-byte vectors, so that every array starts aligned. */
const aligned = (length: number): number => Math.ceil(length / 4) * 4;

function totalLength<T>(layout: Layout<T>): number {
  return layout.reduce((total, [, length]) => total + aligned(length), 0);
}

/** The parts of `layout`, in order, as subarrays of `storage` (absent parts `undefined`). */
function carve<T>(layout: Layout<T>, storage: Float32Array): T {
  if (storage.length < totalLength(layout)) throw new Error(`[@dl/recurrent] internal: recurrence storage of ${storage.length} values, ${totalLength(layout)} needed.`);
  const parts: Record<string, Float32Array | undefined> = {};
  let offset = 0;
  for (const [name, length] of layout) {
    parts[name] = length === 0 ? undefined : storage.subarray(offset, offset + length);
    offset += aligned(length);
  }
  return parts as T;
}

/** Float32 values of storage that {@link forwardBuffers} needs. */
export function forwardBuffersLength(spec: RecurrenceSpec, batch: number, time: number): number {
  return totalLength(forwardLayout(spec, batch, time));
}

/** {@link ForwardBuffers} carved from `storage` (at least {@link forwardBuffersLength} values). */
export function forwardBuffers(spec: RecurrenceSpec, batch: number, time: number, storage: Float32Array): ForwardBuffers {
  return carve(forwardLayout(spec, batch, time), storage);
}

/** Float32 values of storage that {@link backwardBuffers} needs. */
export function backwardBuffersLength(spec: RecurrenceSpec, batch: number, time: number): number {
  return totalLength(backwardLayout(spec, batch, time));
}

/** {@link BackwardBuffers} carved from `storage` (at least {@link backwardBuffersLength} values; `dInput` first). */
export function backwardBuffers(spec: RecurrenceSpec, batch: number, time: number, storage: Float32Array): BackwardBuffers {
  return carve(backwardLayout(spec, batch, time), storage);
}

/**
 * Runs a recurrent cell over a whole sequence on typed arrays, calling `products` for the
 * recurrent matmul(s) and the activations of each step: the gate math of a step is a few tight
 * loops, not a dozen kernel launches. The input projection becomes the gates (each step's
 * product is added to it in place). Padded steps (mask 0) carry the state over unchanged.
 */
export function runForward(spec: RecurrenceSpec, input: ForwardInputs, products: RecurrentProducts, buffers: ForwardBuffers): ForwardTrace {
  const { batch, time } = input;
  const u = spec.units;
  const width = gateCount(spec.cell) * u;
  const rowSize = batch * u;
  const stepSize = batch * width;
  const { states, carries, cellOutputs, candidateInputs, masked } = buffers;
  states.set(input.initialState);
  const lstm = spec.cell === 'lstm';
  if (carries !== undefined) {
    if (input.initialCarry === undefined) carries.fill(0, 0, rowSize);
    else carries.set(input.initialCarry);
  }
  const gates = spec.cell === 'simple' ? undefined : input.inputProjection;

  for (let t = 0; t < time; t += 1) {
    const previous = t * rowSize;
    const next = previous + rowSize;
    const h = states.subarray(previous, next);
    const hm = applyRecurrentMask(h, input.recurrentMask, masked);
    const xp = input.inputProjection.subarray(t * stepSize, (t + 1) * stepSize);
    const mask = input.mask?.subarray(t * batch, (t + 1) * batch);
    if (spec.cell === 'simple') {
      products.forward(hm, 'all', xp, true);
      products.activate(spec.activation, xp, 0, rowSize, 1, rowSize);
      states.set(xp, next);
    } else if (lstm) {
      forwardLstmStep(spec, batch, products, hm, xp, states, carries!, cellOutputs!, previous);
    } else {
      forwardGruStep(spec, input, products, t, hm, xp, states, buffers, candidateInputs!);
    }
    if (mask !== undefined) {
      for (let b = 0; b < batch; b += 1) {
        if (mask[b] !== 0) continue;
        states.copyWithin(next + b * u, previous + b * u, previous + (b + 1) * u);
        if (carries !== undefined) carries.copyWithin(next + b * u, previous + b * u, previous + (b + 1) * u);
      }
    }
  }
  return { states, carries, gates, cellOutputs, candidateInputs };
}

/**
 * One LSTM step: the recurrent product is added to the step's input projection `pre`
 * (`[batch, 4u]`), which becomes the gates (i, f, g, o); the cell state and output go to step
 * `previous + 1`. A small function of its own, so that the engine compiles its loops on their own.
 */
function forwardLstmStep(
  spec: RecurrenceSpec,
  batch: number,
  products: RecurrentProducts,
  hm: Float32Array,
  pre: Float32Array,
  states: Float32Array,
  carries: Float32Array,
  cellOutputs: Float32Array,
  previous: number,
): void {
  const u = spec.units;
  const width = 4 * u;
  const rowSize = batch * u;
  const next = previous + rowSize;
  products.forward(hm, 'all', pre, true);
  products.activate(spec.recurrentActivation, pre, 0, 2 * u, batch, width);
  products.activate(spec.activation, pre, 2 * u, u, batch, width);
  products.activate(spec.recurrentActivation, pre, 3 * u, u, batch, width);
  for (let b = 0; b < batch; b += 1) {
    const row = b * width;
    const base = b * u;
    for (let j = 0; j < u; j += 1) {
      const value = pre[row + u + j]! * carries[previous + base + j]! + pre[row + j]! * pre[row + 2 * u + j]!;
      carries[next + base + j] = value;
      cellOutputs[previous + base + j] = value;
    }
  }
  products.activate(spec.activation, cellOutputs, previous, rowSize, 1, rowSize);
  for (let b = 0; b < batch; b += 1) {
    const row = b * width;
    const base = b * u;
    for (let j = 0; j < u; j += 1) states[next + base + j] = pre[row + 3 * u + j]! * cellOutputs[previous + base + j]!;
  }
}

/** One GRU step: the step's input projection `g` becomes the gates z, r and candidate n; the new state goes to `states`. */
function forwardGruStep(
  spec: RecurrenceSpec,
  input: ForwardInputs,
  products: RecurrentProducts,
  t: number,
  hm: Float32Array,
  g: Float32Array,
  states: Float32Array,
  buffers: ForwardBuffers,
  candidateInputs: Float32Array,
): void {
  const { batch } = input;
  const u = spec.units;
  const width = 3 * u;
  const rowSize = batch * u;
  const previous = t * rowSize;
  const next = previous + rowSize;
  const candidates = candidateInputs.subarray(previous, next);
  // z and r for every row first, then the candidates, contiguous in `n`, then copied into g.
  const n = buffers.scratch;
  if (spec.resetAfter) {
    const rec = buffers.product;
    products.forward(hm, 'all', rec, false);
    const bias = input.recurrentBias;
    for (let b = 0; b < batch; b += 1) {
      const row = b * width;
      for (let j = 0; j < 2 * u; j += 1) g[row + j] = g[row + j]! + rec[row + j]! + (bias === undefined ? 0 : bias[j]!);
    }
    products.activate(spec.recurrentActivation, g, 0, 2 * u, batch, width);
    for (let b = 0; b < batch; b += 1) {
      const row = b * width;
      for (let j = 0; j < u; j += 1) {
        const recH = rec[row + 2 * u + j]! + (bias === undefined ? 0 : bias[2 * u + j]!);
        candidates[b * u + j] = recH;
        n[b * u + j] = g[row + 2 * u + j]! + g[row + u + j]! * recH;
      }
    }
  } else {
    const rec = buffers.product.subarray(0, 2 * rowSize);
    products.forward(hm, 'gates', rec, false);
    for (let b = 0; b < batch; b += 1) {
      const row = b * width;
      for (let j = 0; j < 2 * u; j += 1) g[row + j] = g[row + j]! + rec[b * 2 * u + j]!;
    }
    products.activate(spec.recurrentActivation, g, 0, 2 * u, batch, width);
    for (let b = 0; b < batch; b += 1) for (let j = 0; j < u; j += 1) candidates[b * u + j] = g[b * width + u + j]! * hm[b * u + j]!;
    const recH = buffers.product.subarray(0, rowSize);
    products.forward(candidates, 'candidate', recH, false);
    for (let b = 0; b < batch; b += 1) for (let j = 0; j < u; j += 1) n[b * u + j] = g[b * width + 2 * u + j]! + recH[b * u + j]!;
  }
  products.activate(spec.activation, n, 0, rowSize, 1, rowSize);
  for (let b = 0; b < batch; b += 1) g.set(n.subarray(b * u, (b + 1) * u), b * width + 2 * u);
  for (let b = 0; b < batch; b += 1) {
    const row = b * width;
    for (let j = 0; j < u; j += 1) {
      const k = b * u + j;
      const z = g[row + j]!;
      states[next + k] = z * states[previous + k]! + (1 - z) * g[row + 2 * u + j]!;
    }
  }
}

/**
 * The SimpleRNN backward step for its default activation (tanh, derivative 1 − h²): adds the
 * output gradient `dy` into `dh`, writes the pre-activation gradient into `dStep`, and leaves
 * in `dh` what reaches the previous state other than through the product: 0, or for a padded
 * row (mask 0) the whole gradient (its state was copied).
 */
function backwardSimpleTanhStep(batch: number, u: number, states: Float32Array, next: number, dy: Float32Array, dh: Float32Array, dStep: Float32Array, mask: Uint8Array | undefined): void {
  for (let b = 0; b < batch; b += 1) {
    const base = b * u;
    if (mask !== undefined && mask[b] === 0) {
      for (let j = 0; j < u; j += 1) {
        dh[base + j] = dh[base + j]! + dy[base + j]!;
        dStep[base + j] = 0;
      }
      continue;
    }
    for (let j = 0; j < u; j += 1) {
      const k = base + j;
      const h = states[next + k]!;
      dStep[k] = (dh[k]! + dy[k]!) * (1 - h * h);
      dh[k] = 0;
    }
  }
}

/**
 * The LSTM backward step for Keras's default activations (sigmoid gates, tanh), with the
 * derivatives written inline (σ' = σ(1 − σ), tanh' = 1 − tanh²) instead of in separate passes:
 * the common case, and the one the benchmarks run. Same numbers as the general path. Adds `dy`
 * into `dh` and leaves there what reaches the previous state other than through the product
 * (0, or all of it for a padded row, whose states were copied).
 */
function backwardLstmStepDefault(
  batch: number,
  u: number,
  g: Float32Array,
  cellOutputs: Float32Array,
  carries: Float32Array,
  previous: number,
  dy: Float32Array,
  dh: Float32Array,
  dc: Float32Array,
  dStep: Float32Array,
  mask: Uint8Array | undefined,
): void {
  const width = 4 * u;
  for (let b = 0; b < batch; b += 1) {
    const row = b * width;
    const base = b * u;
    if (mask !== undefined && mask[b] === 0) {
      // The states were copied: dh and dc pass through unchanged.
      for (let j = 0; j < u; j += 1) dh[base + j] = dh[base + j]! + dy[base + j]!;
      dStep.fill(0, row, row + width);
      continue;
    }
    for (let j = 0; j < u; j += 1) {
      const k = base + j;
      const i = g[row + j]!;
      const f = g[row + u + j]!;
      const cand = g[row + 2 * u + j]!;
      const o = g[row + 3 * u + j]!;
      const tc = cellOutputs[previous + k]!;
      const dhk = dh[k]! + dy[k]!;
      const dcTotal = dc[k]! + dhk * o * (1 - tc * tc);
      dStep[row + j] = dcTotal * cand * i * (1 - i);
      dStep[row + u + j] = dcTotal * carries[previous + k]! * f * (1 - f);
      dStep[row + 2 * u + j] = dcTotal * i * (1 - cand * cand);
      dStep[row + 3 * u + j] = dhk * tc * o * (1 - o);
      dc[k] = dcTotal * f;
      dh[k] = 0;
    }
  }
}

/**
 * The GRU (`resetAfter`) backward step for Keras's default activations (sigmoid gates, tanh),
 * with the derivatives written inline (σ' = σ(1 − σ), tanh' = 1 − tanh²) instead of two separate
 * passes over the step: the default GRU, and the one the benchmarks run. Same numbers as the
 * general path. Adds `dy` into `dh` and leaves there what reaches the previous state other than
 * through the product: `dh ⊙ z`, or all of it for a padded row (its state was copied).
 */
function backwardGruResetAfterStepDefault(
  batch: number,
  u: number,
  g: Float32Array,
  states: Float32Array,
  candidateInputs: Float32Array,
  previous: number,
  dy: Float32Array,
  dh: Float32Array,
  dStep: Float32Array,
  dRecStep: Float32Array,
  mask: Uint8Array | undefined,
): void {
  const width = 3 * u;
  for (let b = 0; b < batch; b += 1) {
    const row = b * width;
    const base = b * u;
    if (mask !== undefined && mask[b] === 0) {
      for (let j = 0; j < u; j += 1) dh[base + j] = dh[base + j]! + dy[base + j]!;
      dStep.fill(0, row, row + width);
      dRecStep.fill(0, row, row + width);
      continue;
    }
    for (let j = 0; j < u; j += 1) {
      const k = base + j;
      const z = g[row + j]!;
      const r = g[row + u + j]!;
      const n = g[row + 2 * u + j]!;
      const dhk = dh[k]! + dy[k]!;
      const dz = dhk * (states[previous + k]! - n) * z * (1 - z);
      const dn = dhk * (1 - z) * (1 - n * n);
      const dr = dn * candidateInputs[previous + k]! * r * (1 - r);
      dStep[row + j] = dz;
      dStep[row + u + j] = dr;
      dStep[row + 2 * u + j] = dn;
      dRecStep[row + j] = dz;
      dRecStep[row + u + j] = dr;
      dRecStep[row + 2 * u + j] = dn * r;
      dh[k] = dhk * z;
    }
  }
}

/** `h ⊙ mask` into `out`, or `h` itself when there is no mask. */
function applyRecurrentMask(h: Float32Array, mask: Float32Array | undefined, out: Float32Array): Float32Array {
  if (mask === undefined) return h;
  for (let k = 0; k < h.length; k += 1) out[k] = h[k]! * mask[k]!;
  return out;
}

/**
 * Backpropagation through time for a trace of {@link runForward}: given the gradient of
 * every output step (`[time, batch, units]`, or `[batch, units]` for the last step only, the
 * others' being 0) and of the final cell state (LSTM), returns the
 * gradients of the input projection, of the recurrent pre-activations (from which the caller
 * forms `dU` with one matmul over all steps), and of the initial state(s). One recurrent
 * product per step (two for a GRU without `resetAfter`).
 */
export function runBackward(
  spec: RecurrenceSpec,
  input: ForwardInputs,
  trace: ForwardTrace,
  outputGradient: Float32Array,
  finalCarryGradient: Float32Array | undefined,
  products: RecurrentProducts,
  buffers: BackwardBuffers,
): BackwardResult {
  const { batch, time } = input;
  const u = spec.units;
  const width = gateCount(spec.cell) * u;
  const rowSize = batch * u;
  const stepSize = batch * width;
  const { dInput, dh, dc, carried, derivative, cellDerivative, candidateBlock, gatesBlock, through } = buffers;
  // Only the GRU with resetAfter differs: its candidate block enters as r ⊙ (h·U_h + b_h).
  const dRecurrent = buffers.dRecurrent ?? dInput;
  dh.fill(0);
  if (dc !== undefined) {
    if (finalCarryGradient === undefined) dc.fill(0);
    else dc.set(finalCarryGradient);
  }
  const recurrentMask = input.recurrentMask;
  const { states, carries, gates, cellOutputs, candidateInputs } = trace;
  // The gradient of every step's output, or of the last step's only ([batch, units]).
  const everyStep = outputGradient.length === time * rowSize;
  const noGradient = new Float32Array(everyStep ? 0 : rowSize);
  const fusedDefaults = spec.activation === 'tanh' && (spec.cell === 'simple' || (spec.recurrentActivation === 'sigmoid' && (spec.cell === 'lstm' || spec.resetAfter)));

  for (let t = time - 1; t >= 0; t -= 1) {
    const previous = t * rowSize;
    const next = previous + rowSize;
    const mask = input.mask?.subarray(t * batch, (t + 1) * batch);
    const dy = everyStep ? outputGradient.subarray(previous, next) : t === time - 1 ? outputGradient : noGradient;
    const dStep = dInput.subarray(t * stepSize, (t + 1) * stepSize);
    const dRecStep = dRecurrent.subarray(t * stepSize, (t + 1) * stepSize);
    const g = gates?.subarray(t * stepSize, (t + 1) * stepSize);
    // Keras's default activations: one loop per step that also adds dy into dh, and leaves in dh
    // the part of the gradient that reaches h_{t-1} other than through the products.
    if (fusedDefaults) {
      if (spec.cell === 'simple') backwardSimpleTanhStep(batch, u, states, next, dy, dh, dStep, mask);
      else if (spec.cell === 'lstm') backwardLstmStepDefault(batch, u, g!, cellOutputs!, carries!, previous, dy, dh, dc!, dStep, mask);
      else backwardGruResetAfterStepDefault(batch, u, g!, states, candidateInputs!, previous, dy, dh, dStep, dRecStep, mask);
      if (recurrentMask === undefined) {
        products.backward(dRecStep, 'all', dh, true);
      } else {
        products.backward(dRecStep, 'all', through, false);
        for (let k = 0; k < rowSize; k += 1) dh[k] = dh[k]! + through[k]! * recurrentMask[k]!;
      }
      continue;
    }
    for (let k = 0; k < rowSize; k += 1) dh[k] = dh[k]! + dy[k]!;
    if (spec.cell === 'simple') {
      derivativeFromOutput(spec.activation, states.subarray(next, next + rowSize), derivative, 0, rowSize);
      for (let k = 0; k < rowSize; k += 1) dStep[k] = dh[k]! * derivative[k]!;
      carried.fill(0);
    } else if (spec.cell === 'lstm') {
      derivativeFromOutput(spec.recurrentActivation, g!, derivative, 0, stepSize);
      for (let b = 0; b < batch; b += 1) derivativeFromOutput(spec.activation, g!, derivative, b * width + 2 * u, b * width + 3 * u);
      const cellOut = cellOutputs!.subarray(previous, next);
      derivativeFromOutput(spec.activation, cellOut, cellDerivative, 0, rowSize);
      const dcs = dc!;
      const c = carries!;
      for (let b = 0; b < batch; b += 1) {
        // A padded row leaves dc as it is: the cell state was copied.
        if (mask !== undefined && mask[b] === 0) continue;
        const row = b * width;
        for (let j = 0; j < u; j += 1) {
          const k = b * u + j;
          const i = g![row + j]!;
          const f = g![row + u + j]!;
          const cand = g![row + 2 * u + j]!;
          const o = g![row + 3 * u + j]!;
          const dcTotal = dcs[k]! + dh[k]! * o * cellDerivative[k]!;
          dStep[row + j] = dcTotal * cand * derivative[row + j]!;
          dStep[row + u + j] = dcTotal * c[previous + k]! * derivative[row + u + j]!;
          dStep[row + 2 * u + j] = dcTotal * i * derivative[row + 2 * u + j]!;
          dStep[row + 3 * u + j] = dh[k]! * cellOut[k]! * derivative[row + 3 * u + j]!;
          dcs[k] = dcTotal * f;
        }
      }
      carried.fill(0);
    } else {
      derivativeFromOutput(spec.recurrentActivation, g!, derivative, 0, stepSize);
      for (let b = 0; b < batch; b += 1) derivativeFromOutput(spec.activation, g!, derivative, b * width + 2 * u, b * width + 3 * u);
      const candidates = candidateInputs!.subarray(previous, next);
      for (let b = 0; b < batch; b += 1) {
        const row = b * width;
        for (let j = 0; j < u; j += 1) {
          const k = b * u + j;
          const z = g![row + j]!;
          const n = g![row + 2 * u + j]!;
          carried[k] = dh[k]! * z;
          dStep[row + j] = dh[k]! * (states[previous + k]! - n) * derivative[row + j]!;
          const dn = dh[k]! * (1 - z) * derivative[row + 2 * u + j]!;
          dStep[row + 2 * u + j] = dn;
          if (spec.resetAfter) {
            const r = g![row + u + j]!;
            dStep[row + u + j] = dn * candidates[k]! * derivative[row + u + j]!;
            dRecStep[row + j] = dStep[row + j]!;
            dRecStep[row + u + j] = dStep[row + u + j]!;
            dRecStep[row + 2 * u + j] = dn * r;
          }
        }
      }
    }
    if (mask !== undefined) {
      // A padded step copied the state: its gradient passes straight through, nothing else.
      for (let b = 0; b < batch; b += 1) {
        if (mask[b] !== 0) continue;
        dStep.fill(0, b * width, (b + 1) * width);
        if (dRecStep !== dStep) dRecStep.fill(0, b * width, (b + 1) * width);
        for (let j = 0; j < u; j += 1) carried[b * u + j] = dh[b * u + j]!;
      }
    }
    if (spec.cell === 'gru' && !spec.resetAfter) {
      // n = act(x̂_h + (r ⊙ hm)·U_h): d(r ⊙ hm) = dn·U_hᵀ reaches r and hm.
      const dn = candidateBlock;
      for (let b = 0; b < batch; b += 1) for (let j = 0; j < u; j += 1) dn[b * u + j] = dStep[b * width + 2 * u + j]!;
      const dReset = through;
      products.backward(dn, 'candidate', dReset, false);
      for (let b = 0; b < batch; b += 1) {
        const row = b * width;
        for (let j = 0; j < u; j += 1) {
          const k = b * u + j;
          // Padded rows have dn = 0, so their dReset row is 0 already.
          const hm = recurrentMask === undefined ? states[previous + k]! : states[previous + k]! * recurrentMask[k]!;
          dStep[row + u + j] = dReset[k]! * hm * derivative[row + u + j]!;
          dReset[k] = dReset[k]! * g![row + u + j]!;
        }
      }
      for (let b = 0; b < batch; b += 1) gatesBlock.set(dStep.subarray(b * width, b * width + 2 * u), b * 2 * u);
      // dReset + gatesBlock · U_gatesᵀ.
      products.backward(gatesBlock, 'gates', dReset, true);
    } else {
      products.backward(dRecStep, 'all', through, false);
    }
    const throughProducts = through;
    for (let k = 0; k < rowSize; k += 1) dh[k] = carried[k]! + (recurrentMask === undefined ? throughProducts[k]! : throughProducts[k]! * recurrentMask[k]!);
  }
  return { inputProjection: dInput, recurrent: dRecurrent, initialState: dh, initialCarry: dc };
}
