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
      activateInPlace(spec.activation, pre, 0, rowSize);
      states.set(pre, next);
    } else if (lstm) {
      const pre = products.forward(hm, 'all');
      for (let k = 0; k < stepSize; k += 1) pre[k] = pre[k]! + xp[k]!;
      for (let b = 0; b < batch; b += 1) {
        const row = b * width;
        activateInPlace(spec.recurrentActivation, pre, row, row + 2 * u);
        activateInPlace(spec.activation, pre, row + 2 * u, row + 3 * u);
        activateInPlace(spec.recurrentActivation, pre, row + 3 * u, row + 4 * u);
      }
      gates!.set(pre, t * stepSize);
      const c = carries!;
      const cellOut = cellOutputs!.subarray(previous, next);
      for (let b = 0; b < batch; b += 1) {
        const row = b * width;
        for (let j = 0; j < u; j += 1) {
          const k = b * u + j;
          c[next + k] = pre[row + u + j]! * c[previous + k]! + pre[row + j]! * pre[row + 2 * u + j]!;
          cellOut[k] = c[next + k]!;
        }
      }
      activateInPlace(spec.activation, cellOut, 0, rowSize);
      for (let b = 0; b < batch; b += 1) {
        const row = b * width;
        for (let j = 0; j < u; j += 1) states[next + b * u + j] = pre[row + 3 * u + j]! * cellOut[b * u + j]!;
      }
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
  if (spec.resetAfter) {
    const rec = products.forward(hm, 'all');
    const bias = input.recurrentBias;
    for (let b = 0; b < batch; b += 1) {
      const row = b * width;
      for (let j = 0; j < 2 * u; j += 1) g[row + j] = xp[row + j]! + rec[row + j]! + (bias === undefined ? 0 : bias[j]!);
      activateInPlace(spec.recurrentActivation, g, row, row + 2 * u);
      for (let j = 0; j < u; j += 1) {
        const recH = rec[row + 2 * u + j]! + (bias === undefined ? 0 : bias[2 * u + j]!);
        candidates[b * u + j] = recH;
        g[row + 2 * u + j] = xp[row + 2 * u + j]! + g[row + u + j]! * recH;
      }
      activateInPlace(spec.activation, g, row + 2 * u, row + 3 * u);
    }
  } else {
    const rec = products.forward(hm, 'gates');
    for (let b = 0; b < batch; b += 1) {
      const row = b * width;
      for (let j = 0; j < 2 * u; j += 1) g[row + j] = xp[row + j]! + rec[b * 2 * u + j]!;
      activateInPlace(spec.recurrentActivation, g, row, row + 2 * u);
      for (let j = 0; j < u; j += 1) candidates[b * u + j] = g[row + u + j]! * hm[b * u + j]!;
    }
    const recH = products.forward(candidates, 'candidate');
    for (let b = 0; b < batch; b += 1) {
      const row = b * width;
      for (let j = 0; j < u; j += 1) g[row + 2 * u + j] = xp[row + 2 * u + j]! + recH[b * u + j]!;
      activateInPlace(spec.activation, g, row + 2 * u, row + 3 * u);
    }
  }
  for (let b = 0; b < batch; b += 1) {
    const row = b * width;
    for (let j = 0; j < u; j += 1) {
      const k = b * u + j;
      const z = g[row + j]!;
      states[next + k] = z * states[previous + k]! + (1 - z) * g[row + 2 * u + j]!;
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
