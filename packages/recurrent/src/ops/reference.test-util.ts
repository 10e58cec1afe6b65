/**
 * Float64 references of the cell equations, written from their definitions (Elman 1990;
 * Hochreiter & Schmidhuber 1997 with the forget gate of Gers et al. 2000; Cho et al. 2014 and
 * the cuDNN/Keras "reset after" variant), on plain nested arrays. Independent of the code
 * under test: no tfjs, no shared helpers.
 */
import * as tf from '@tensorflow/tfjs';
import { createSeededRandom } from '@dl/core';

export type Activation = 'tanh' | 'sigmoid' | 'hardSigmoid' | 'relu' | 'linear';

export interface ReferenceSpec {
  readonly cell: 'simple' | 'lstm' | 'gru';
  readonly units: number;
  readonly activation: Activation;
  readonly recurrentActivation: Activation;
  readonly resetAfter: boolean;
}

/** Weights as arrays: kernel [D][G·u], recurrentKernel [u][G·u], bias [G·u] or [2][G·u]. */
export interface ReferenceWeights {
  readonly kernel: number[][];
  readonly recurrentKernel: number[][];
  readonly bias?: number[] | number[][];
}

export function activate(name: Activation, x: number): number {
  switch (name) {
    case 'tanh':
      return Math.tanh(x);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-x));
    case 'hardSigmoid':
      return Math.max(0, Math.min(1, 0.2 * x + 0.5));
    case 'relu':
      return Math.max(0, x);
    case 'linear':
      return x;
  }
}

/** Σ_i a[i]·M[i][col] for columns [offset, offset + n). */
function times(a: readonly number[], matrix: readonly number[][], offset: number, n: number): number[] {
  return Array.from({ length: n }, (_, j) => a.reduce((sum, ai, i) => sum + ai * matrix[i]![offset + j]!, 0));
}

/** One step of the cell for one sample. */
export function referenceStep(
  spec: ReferenceSpec,
  x: readonly number[],
  h: readonly number[],
  c: readonly number[] | undefined,
  w: ReferenceWeights,
  recurrentMask?: readonly number[],
): { h: number[]; c: number[] | undefined } {
  const u = spec.units;
  const hm = recurrentMask === undefined ? [...h] : h.map((value, j) => value * recurrentMask[j]!);
  const act = (v: number) => activate(spec.activation, v);
  const gate = (v: number) => activate(spec.recurrentActivation, v);
  const biasRow = (row: number, offset: number, n: number): number[] => {
    if (w.bias === undefined) return new Array<number>(n).fill(0);
    const b = (Array.isArray(w.bias[0]) ? (w.bias as number[][])[row]! : (w.bias as number[]));
    return b.slice(offset, offset + n);
  };
  const add = (...vectors: number[][]) => vectors[0]!.map((_, j) => vectors.reduce((s, vec) => s + vec[j]!, 0));
  if (spec.cell === 'simple') {
    return { h: add(times(x, w.kernel, 0, u), times(hm, w.recurrentKernel, 0, u), biasRow(0, 0, u)).map(act), c: undefined };
  }
  if (spec.cell === 'lstm') {
    const pre = (k: number) => add(times(x, w.kernel, k * u, u), times(hm, w.recurrentKernel, k * u, u), biasRow(0, k * u, u));
    const i = pre(0).map(gate);
    const f = pre(1).map(gate);
    const g = pre(2).map(act);
    const o = pre(3).map(gate);
    const cNext = c!.map((cj, j) => f[j]! * cj + i[j]! * g[j]!);
    return { h: cNext.map((cj, j) => o[j]! * act(cj)), c: cNext };
  }
  const xPart = (k: number) => add(times(x, w.kernel, k * u, u), biasRow(0, k * u, u));
  let z: number[];
  let n: number[];
  if (spec.resetAfter) {
    const hPart = (k: number) => add(times(hm, w.recurrentKernel, k * u, u), biasRow(1, k * u, u));
    z = add(xPart(0), hPart(0)).map(gate);
    const r = add(xPart(1), hPart(1)).map(gate);
    const hh = hPart(2);
    n = xPart(2).map((value, j) => act(value + r[j]! * hh[j]!));
  } else {
    z = add(xPart(0), times(hm, w.recurrentKernel, 0, u)).map(gate);
    const r = add(xPart(1), times(hm, w.recurrentKernel, u, u)).map(gate);
    const rh = hm.map((value, j) => r[j]! * value);
    n = add(xPart(2), times(rh, w.recurrentKernel, 2 * u, u)).map(act);
  }
  return { h: h.map((hj, j) => z[j]! * hj + (1 - z[j]!) * n[j]!), c: undefined };
}

/** A whole batch of sequences: x [B][T][D]; mask [B][T] (padded steps keep the state, output = state). */
export function referenceSequence(
  spec: ReferenceSpec,
  x: number[][][],
  w: ReferenceWeights,
  options: { h0?: number[][]; c0?: number[][]; mask?: number[][]; goBackwards?: boolean; recurrentMask?: number[][] } = {},
): { sequence: number[][][]; h: number[][]; c: number[][] | undefined } {
  const u = spec.units;
  const sequence: number[][][] = [];
  const finalH: number[][] = [];
  const finalC: number[][] = [];
  x.forEach((steps, b) => {
    let h = options.h0?.[b] ?? new Array<number>(u).fill(0);
    let c = spec.cell === 'lstm' ? (options.c0?.[b] ?? new Array<number>(u).fill(0)) : undefined;
    const order = steps.map((_, t) => t);
    if (options.goBackwards === true) order.reverse();
    const outputs: number[][] = [];
    for (const t of order) {
      const real = options.mask === undefined || options.mask[b]![t] !== 0;
      if (real) ({ h, c } = referenceStep(spec, steps[t]!, h, c, w, options.recurrentMask?.[b]));
      outputs.push(h);
    }
    sequence.push(outputs);
    finalH.push(h);
    if (c !== undefined) finalC.push(c);
  });
  return { sequence, h: finalH, c: spec.cell === 'lstm' ? finalC : undefined };
}

/** Seeded uniform values in [-scale, scale] as a nested array of `shape`. */
export function randomArray(shape: readonly number[], seed: number, scale = 1): number[] & unknown[] {
  const random = createSeededRandom(seed);
  const build = (depth: number): unknown => Array.from({ length: shape[depth]! }, () => (depth === shape.length - 1 ? Math.fround((random.next() * 2 - 1) * scale) : build(depth + 1)));
  return build(0) as number[];
}

/** Random weights for `spec` with input dimension `inputDim`, as arrays and as tensors. */
export function randomWeights(spec: ReferenceSpec, inputDim: number, seed: number, scale = 0.5): { arrays: ReferenceWeights; tensors: { kernel: tf.Tensor; recurrentKernel: tf.Tensor; bias: tf.Tensor } } {
  const width = (spec.cell === 'simple' ? 1 : spec.cell === 'lstm' ? 4 : 3) * spec.units;
  const kernel = randomArray([inputDim, width], seed, scale) as unknown as number[][];
  const recurrentKernel = randomArray([spec.units, width], seed + 1, scale) as unknown as number[][];
  const bias = (spec.cell === 'gru' && spec.resetAfter ? randomArray([2, width], seed + 2, scale) : randomArray([width], seed + 2, scale)) as number[] | number[][];
  return {
    arrays: { kernel, recurrentKernel, bias },
    tensors: { kernel: tf.tensor(kernel), recurrentKernel: tf.tensor(recurrentKernel), bias: tf.tensor(bias) },
  };
}

/** The specs every test runs: each cell, both GRU variants, and the non-default activations. */
export const specs: readonly ReferenceSpec[] = [
  { cell: 'simple', units: 3, activation: 'tanh', recurrentActivation: 'sigmoid', resetAfter: false },
  { cell: 'simple', units: 3, activation: 'relu', recurrentActivation: 'sigmoid', resetAfter: false },
  { cell: 'lstm', units: 3, activation: 'tanh', recurrentActivation: 'sigmoid', resetAfter: false },
  { cell: 'lstm', units: 3, activation: 'tanh', recurrentActivation: 'hardSigmoid', resetAfter: false },
  { cell: 'gru', units: 3, activation: 'tanh', recurrentActivation: 'sigmoid', resetAfter: true },
  { cell: 'gru', units: 3, activation: 'tanh', recurrentActivation: 'sigmoid', resetAfter: false },
  { cell: 'gru', units: 3, activation: 'linear', recurrentActivation: 'hardSigmoid', resetAfter: true },
];

export const specName = (s: ReferenceSpec): string => `${s.cell}${s.cell === 'gru' ? (s.resetAfter ? ' resetAfter' : ' resetBefore') : ''} ${s.activation}/${s.recurrentActivation}`;
