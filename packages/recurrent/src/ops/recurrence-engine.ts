import { activateInPlace, derivativeFromOutput, type RecurrentActivation } from './activations.js';

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
 * The recurrent products, supplied by the caller (tfjs matmuls on the active backend):
 * `forward(a, part)` is `a · U_part` for `a` of shape `[batch, units]`, and
 * `backward(d, part)` is `d · U_partᵀ`. The returned array may be modified by the caller and
 * is reused by the next call with the same part and direction. `part` is `'all'` (the whole recurrent kernel),
 * `'gates'` (its first 2·units columns) or `'candidate'` (its last units columns); the
 * last two are used by the GRU without `resetAfter` only.
 */
export interface RecurrentProducts {
  forward(a: Float32Array, part: ProductPart): Float32Array;
  backward(d: Float32Array, part: ProductPart): Float32Array;
  /**
   * Optional: the logistic function applied in place to `values[start, end)` by a vectorized
   * kernel (tfjs-wasm's XNNPACK sigmoid). Without it, activations run in JavaScript.
   */
  sigmoid?(values: Float32Array, start: number, end: number): void;
}

/**
 * Applies `name` in place to `values[start, end)`, through the products' vectorized sigmoid
 * when there is one: `sigmoid` directly, `tanh` as `2·σ(2x) − 1` (absolute error within a few
 * float32 ulps of 1); every other activation, and every activation without it, in JavaScript.
 */
function activateRange(name: RecurrentActivation, values: Float32Array, start: number, end: number, products: RecurrentProducts): void {
  const bulk = products.sigmoid;
  if (bulk === undefined || (name !== 'sigmoid' && name !== 'tanh')) {
    activateInPlace(name, values, start, end);
    return;
  }
  if (name === 'sigmoid') {
    bulk(values, start, end);
    return;
  }
  for (let k = start; k < end; k += 1) values[k] = 2 * values[k]!;
  bulk(values, start, end);
  for (let k = start; k < end; k += 1) values[k] = 2 * values[k]! - 1;
}

/** A column block of the recurrent kernel. */
export type ProductPart = 'all' | 'gates' | 'candidate';

/** Inputs of {@link runForward}, time-major: step t, batch row b at `t·batch + b`. */
export interface ForwardInputs {
  readonly batch: number;
  readonly time: number;
  /** `x·W (+ input bias)`, `[time, batch, G·units]`. */
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
  /** Gate outputs `[time, batch, G·units]`: LSTM i, f, g, o; GRU z, r, n. */
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

/**
 * Runs a recurrent cell over a whole sequence in plain JavaScript on typed arrays, calling
 * `products` for the recurrent matmul(s) of each step: the gate math of a step is a few tight
 * loops (activations applied in bulk), not a dozen kernel launches. Padded steps (mask 0)
 * carry the state over unchanged.
 */
export function runForward(spec: RecurrenceSpec, input: ForwardInputs, products: RecurrentProducts): ForwardTrace {
  const { batch, time } = input;
  const u = spec.units;
  const width = gateCount(spec.cell) * u;
  const rowSize = batch * u;
  const stepSize = batch * width;
  const states = new Float32Array((time + 1) * rowSize);
  states.set(input.initialState);
  const lstm = spec.cell === 'lstm';
  const carries = lstm ? new Float32Array((time + 1) * rowSize) : undefined;
  if (carries !== undefined && input.initialCarry !== undefined) carries.set(input.initialCarry);
  const gates = spec.cell === 'simple' ? undefined : new Float32Array(time * stepSize);
  const cellOutputs = lstm ? new Float32Array(time * rowSize) : undefined;
  const candidateInputs = spec.cell === 'gru' ? new Float32Array(time * rowSize) : undefined;
  const masked = new Float32Array(rowSize);

  for (let t = 0; t < time; t += 1) {
    const previous = t * rowSize;
    const next = previous + rowSize;
    const h = states.subarray(previous, next);
    const hm = applyRecurrentMask(h, input.recurrentMask, masked);
    const xp = input.inputProjection.subarray(t * stepSize, (t + 1) * stepSize);
    const mask = input.mask?.subarray(t * batch, (t + 1) * batch);
    if (spec.cell === 'simple') {
      const pre = products.forward(hm, 'all');
      for (let k = 0; k < rowSize; k += 1) pre[k] = pre[k]! + xp[k]!;
      activateRange(spec.activation, pre, 0, rowSize, products);
      states.set(pre, next);
    } else if (lstm) {
      forwardLstmStep(spec, batch, products, hm, input.inputProjection, t * stepSize, gates!, states, carries!, cellOutputs!, previous);
    } else {
      forwardGruStep(spec, input, products, t, hm, xp, states, gates!, candidateInputs!);
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
 * One LSTM step: the recurrent product `[batch, 4u]` becomes the gates (i, f, g, o), stored at
 * `gateOffset` of `gates`; the cell state and output go to step `previous + 1`.
 * A small function of its own, so that the engine compiles its loops on their own.
 */
function forwardLstmStep(
  spec: RecurrenceSpec,
  batch: number,
  products: RecurrentProducts,
  hm: Float32Array,
  inputProjection: Float32Array,
  gateOffset: number,
  gates: Float32Array,
  states: Float32Array,
  carries: Float32Array,
  cellOutputs: Float32Array,
  previous: number,
): void {
  const u = spec.units;
  const width = 4 * u;
  const stepSize = batch * width;
  const rowSize = batch * u;
  const next = previous + rowSize;
  const pre = products.forward(hm, 'all');
  for (let k = 0; k < stepSize; k += 1) pre[k] = pre[k]! + inputProjection[gateOffset + k]!;
  if (products.sigmoid !== undefined && spec.recurrentActivation === 'sigmoid' && spec.activation === 'tanh') {
    // Keras's default pair in one vectorized call: tanh(x) = 2·σ(2x) − 1 on the candidate block.
    for (let b = 0; b < batch; b += 1) for (let j = b * width + 2 * u; j < b * width + 3 * u; j += 1) pre[j] = 2 * pre[j]!;
    products.sigmoid(pre, 0, stepSize);
    for (let b = 0; b < batch; b += 1) for (let j = b * width + 2 * u; j < b * width + 3 * u; j += 1) pre[j] = 2 * pre[j]! - 1;
  } else {
    for (let b = 0; b < batch; b += 1) {
      const row = b * width;
      activateInPlace(spec.recurrentActivation, pre, row, row + 2 * u);
      activateInPlace(spec.activation, pre, row + 2 * u, row + 3 * u);
      activateInPlace(spec.recurrentActivation, pre, row + 3 * u, row + 4 * u);
    }
  }
  gates.set(pre, gateOffset);
  for (let b = 0; b < batch; b += 1) {
    const row = b * width;
    const base = b * u;
    for (let j = 0; j < u; j += 1) {
      const value = pre[row + u + j]! * carries[previous + base + j]! + pre[row + j]! * pre[row + 2 * u + j]!;
      carries[next + base + j] = value;
      cellOutputs[previous + base + j] = value;
    }
  }
  activateRange(spec.activation, cellOutputs, previous, next, products);
  for (let b = 0; b < batch; b += 1) {
    const row = b * width;
    const base = b * u;
    for (let j = 0; j < u; j += 1) states[next + base + j] = pre[row + 3 * u + j]! * cellOutputs[previous + base + j]!;
  }
}

/** One GRU step: gates z, r and candidate n into `gates`, the new state into `states`. */
function forwardGruStep(
  spec: RecurrenceSpec,
  input: ForwardInputs,
  products: RecurrentProducts,
  t: number,
  hm: Float32Array,
  xp: Float32Array,
  states: Float32Array,
  gates: Float32Array,
  candidateInputs: Float32Array,
): void {
  const { batch } = input;
  const u = spec.units;
  const width = 3 * u;
  const rowSize = batch * u;
  const previous = t * rowSize;
  const next = previous + rowSize;
  const g = gates.subarray(t * batch * width, (t + 1) * batch * width);
  const candidates = candidateInputs.subarray(previous, next);
  // z and r for every row first (the candidate block of `g` is written after, so a bulk
  // activation over the whole step may run over it), then the candidates, contiguous in `n`.
  const n = candidateScratch(rowSize);
  if (spec.resetAfter) {
    const rec = products.forward(hm, 'all');
    const bias = input.recurrentBias;
    for (let b = 0; b < batch; b += 1) {
      const row = b * width;
      for (let j = 0; j < 2 * u; j += 1) g[row + j] = xp[row + j]! + rec[row + j]! + (bias === undefined ? 0 : bias[j]!);
    }
    activateGateBlocks(spec, g, batch, products);
    for (let b = 0; b < batch; b += 1) {
      const row = b * width;
      for (let j = 0; j < u; j += 1) {
        const recH = rec[row + 2 * u + j]! + (bias === undefined ? 0 : bias[2 * u + j]!);
        candidates[b * u + j] = recH;
        n[b * u + j] = xp[row + 2 * u + j]! + g[row + u + j]! * recH;
      }
    }
  } else {
    const rec = products.forward(hm, 'gates');
    for (let b = 0; b < batch; b += 1) {
      const row = b * width;
      for (let j = 0; j < 2 * u; j += 1) g[row + j] = xp[row + j]! + rec[b * 2 * u + j]!;
    }
    activateGateBlocks(spec, g, batch, products);
    for (let b = 0; b < batch; b += 1) for (let j = 0; j < u; j += 1) candidates[b * u + j] = g[b * width + u + j]! * hm[b * u + j]!;
    const recH = products.forward(candidates, 'candidate');
    for (let b = 0; b < batch; b += 1) for (let j = 0; j < u; j += 1) n[b * u + j] = xp[b * width + 2 * u + j]! + recH[b * u + j]!;
  }
  activateRange(spec.activation, n, 0, rowSize, products);
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
 * The LSTM backward step for Keras's default activations (sigmoid gates, tanh), with the
 * derivatives written inline (σ' = σ(1 − σ), tanh' = 1 − tanh²) instead of in separate passes:
 * the common case, and the one the benchmarks run. Same numbers as the general path.
 */
function backwardLstmStepDefault(
  batch: number,
  u: number,
  g: Float32Array,
  cellOutputs: Float32Array,
  carries: Float32Array,
  previous: number,
  dh: Float32Array,
  dc: Float32Array,
  dStep: Float32Array,
  mask: Uint8Array | undefined,
): void {
  const width = 4 * u;
  for (let b = 0; b < batch; b += 1) {
    // A padded row leaves dc as it is: the cell state was copied.
    if (mask !== undefined && mask[b] === 0) continue;
    const row = b * width;
    const base = b * u;
    for (let j = 0; j < u; j += 1) {
      const k = base + j;
      const i = g[row + j]!;
      const f = g[row + u + j]!;
      const cand = g[row + 2 * u + j]!;
      const o = g[row + 3 * u + j]!;
      const tc = cellOutputs[previous + k]!;
      const dhk = dh[k]!;
      const dcTotal = dc[k]! + dhk * o * (1 - tc * tc);
      dStep[row + j] = dcTotal * cand * i * (1 - i);
      dStep[row + u + j] = dcTotal * carries[previous + k]! * f * (1 - f);
      dStep[row + 2 * u + j] = dcTotal * i * (1 - cand * cand);
      dStep[row + 3 * u + j] = dhk * tc * o * (1 - o);
      dc[k] = dcTotal * f;
    }
  }
}

/**
 * The GRU (`resetAfter`) backward step for Keras's default activations (sigmoid gates, tanh),
 * with the derivatives written inline (σ' = σ(1 − σ), tanh' = 1 − tanh²) instead of two separate
 * passes over the step: the default GRU, and the one the benchmarks run. Same numbers as the
 * general path; padded rows are handled after it, as for the general path.
 */
function backwardGruResetAfterStepDefault(
  batch: number,
  u: number,
  g: Float32Array,
  states: Float32Array,
  candidateInputs: Float32Array,
  previous: number,
  dh: Float32Array,
  carried: Float32Array,
  dStep: Float32Array,
  dRecStep: Float32Array,
): void {
  const width = 3 * u;
  for (let b = 0; b < batch; b += 1) {
    const row = b * width;
    const base = b * u;
    for (let j = 0; j < u; j += 1) {
      const k = base + j;
      const z = g[row + j]!;
      const r = g[row + u + j]!;
      const n = g[row + 2 * u + j]!;
      const dhk = dh[k]!;
      carried[k] = dhk * z;
      const dz = dhk * (states[previous + k]! - n) * z * (1 - z);
      const dn = dhk * (1 - z) * (1 - n * n);
      const dr = dn * candidateInputs[previous + k]! * r * (1 - r);
      dStep[row + j] = dz;
      dStep[row + u + j] = dr;
      dStep[row + 2 * u + j] = dn;
      dRecStep[row + j] = dz;
      dRecStep[row + u + j] = dr;
      dRecStep[row + 2 * u + j] = dn * r;
    }
  }
}

/** The z and r blocks of a GRU step `[batch, 3u]`: one bulk call over the step when possible. */
function activateGateBlocks(spec: RecurrenceSpec, g: Float32Array, batch: number, products: RecurrentProducts): void {
  const u = spec.units;
  const width = 3 * u;
  if (products.sigmoid !== undefined && spec.recurrentActivation === 'sigmoid') {
    products.sigmoid(g, 0, batch * width);
    return;
  }
  for (let b = 0; b < batch; b += 1) activateInPlace(spec.recurrentActivation, g, b * width, b * width + 2 * u);
}

let scratch = new Float32Array(0);
/** A reusable `[batch, units]` buffer for GRU candidates (overwritten every step). */
function candidateScratch(size: number): Float32Array {
  if (scratch.length !== size) scratch = new Float32Array(size);
  return scratch;
}

/** `h ⊙ mask` into `out`, or `h` itself when there is no mask. */
function applyRecurrentMask(h: Float32Array, mask: Float32Array | undefined, out: Float32Array): Float32Array {
  if (mask === undefined) return h;
  for (let k = 0; k < h.length; k += 1) out[k] = h[k]! * mask[k]!;
  return out;
}

/**
 * Backpropagation through time for a trace of {@link runForward}: given the gradient of
 * every output step (`[time, batch, units]`) and of the final cell state (LSTM), returns the
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
): BackwardResult {
  const { batch, time } = input;
  const u = spec.units;
  const width = gateCount(spec.cell) * u;
  const rowSize = batch * u;
  const stepSize = batch * width;
  const dInput = new Float32Array(time * stepSize);
  // Only the GRU with resetAfter differs: its candidate block enters as r ⊙ (h·U_h + b_h).
  const dRecurrent = spec.cell === 'gru' && spec.resetAfter ? new Float32Array(time * stepSize) : dInput;
  const dh = new Float32Array(rowSize);
  const dc = spec.cell === 'lstm' ? new Float32Array(rowSize) : undefined;
  if (dc !== undefined && finalCarryGradient !== undefined) dc.set(finalCarryGradient);
  const recurrentMask = input.recurrentMask;
  const { states, carries, gates, cellOutputs, candidateInputs } = trace;
  // The part of dh that reaches h_{t-1} other than through the recurrent products.
  const carried = new Float32Array(rowSize);
  const derivative = new Float32Array(Math.max(stepSize, rowSize));
  const cellDerivative = new Float32Array(rowSize);
  const candidateBlock = new Float32Array(rowSize);
  const gatesBlock = new Float32Array(2 * rowSize);

  for (let t = time - 1; t >= 0; t -= 1) {
    const previous = t * rowSize;
    const next = previous + rowSize;
    const mask = input.mask?.subarray(t * batch, (t + 1) * batch);
    for (let k = 0; k < rowSize; k += 1) dh[k] = dh[k]! + outputGradient[previous + k]!;
    const dStep = dInput.subarray(t * stepSize, (t + 1) * stepSize);
    const dRecStep = dRecurrent.subarray(t * stepSize, (t + 1) * stepSize);
    const g = gates?.subarray(t * stepSize, (t + 1) * stepSize);
    if (spec.cell === 'simple') {
      derivativeFromOutput(spec.activation, states.subarray(next, next + rowSize), derivative, 0, rowSize);
      for (let k = 0; k < rowSize; k += 1) dStep[k] = dh[k]! * derivative[k]!;
      carried.fill(0);
    } else if (spec.cell === 'lstm' && spec.recurrentActivation === 'sigmoid' && spec.activation === 'tanh') {
      backwardLstmStepDefault(batch, u, g!, cellOutputs!, carries!, previous, dh, dc!, dStep, mask);
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
    } else if (spec.resetAfter && spec.recurrentActivation === 'sigmoid' && spec.activation === 'tanh') {
      backwardGruResetAfterStepDefault(batch, u, g!, states, candidateInputs!, previous, dh, carried, dStep, dRecStep);
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
    let throughProducts: Float32Array;
    if (spec.cell === 'gru' && !spec.resetAfter) {
      // n = act(x̂_h + (r ⊙ hm)·U_h): d(r ⊙ hm) = dn·U_hᵀ reaches r and hm.
      const dn = candidateBlock;
      for (let b = 0; b < batch; b += 1) for (let j = 0; j < u; j += 1) dn[b * u + j] = dStep[b * width + 2 * u + j]!;
      const dReset = products.backward(dn, 'candidate');
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
      const fromGates = products.backward(gatesBlock, 'gates');
      for (let k = 0; k < rowSize; k += 1) fromGates[k] = fromGates[k]! + dReset[k]!;
      throughProducts = fromGates;
    } else {
      throughProducts = products.backward(dRecStep, 'all');
    }
    for (let k = 0; k < rowSize; k += 1) dh[k] = carried[k]! + (recurrentMask === undefined ? throughProducts[k]! : throughProducts[k]! * recurrentMask[k]!);
  }
  return { inputProjection: dInput, recurrent: dRecurrent, initialState: dh, initialCarry: dc };
}
