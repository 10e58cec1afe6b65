/**
 * The claims that the attention-softmax questions of `@dl/questions` make about efficient
 * attention, positions, KV caching and explanation, each computed here from its definition in
 * float64 and compared with this package's ops: online softmax and FlashAttention-style tiling,
 * the kernel view and linear attention, sliding windows, RoPE and ALiBi, KV caching and
 * grouped-query attention, value norms, inverted masks and float32 `exp` limits.
 */
import * as tf from '@tensorflow/tfjs';
import { expectTensorsClose } from '@dl/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomTensor } from '../layers/testing.test-util.js';
import { causalMask, scaledDotProductAttention } from './attention.js';
import { chunk, softmaxRow, type Matrix } from './reference.test-util.js';
import { logSoftmax, softmax } from './softmax.js';

beforeAll(async () => {
  // The float32 exp limits below are those of the cpu backend (Math.exp rounded to float32).
  await tf.setBackend('cpu');
});

/** The rows of a `[L, d]` or `[1, L, d]` tensor as float64 arrays. */
const rowsOf = (t: tf.Tensor): Matrix => chunk(t.dataSync(), t.shape.at(-1)!);
/** The rows of the tensor that `compute` returns; every tensor it makes is disposed. */
const rowsFrom = (compute: () => tf.Tensor): Matrix => {
  const t = tf.tidy(compute);
  const rows = rowsOf(t);
  t.dispose();
  return rows;
};
const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
const maxAbsDifference = (a: Matrix, b: Matrix): number => Math.max(...a.flatMap((row, i) => row.map((x, j) => Math.abs(x - b[i]![j]!))));

/** Running state of one query row: max `m`, normalizer `l = Σ e^(x_j − m)`, unnormalized output `o = Σ e^(x_j − m) v_j`. */
interface OnlineState {
  readonly m: number;
  readonly l: number;
  readonly o: readonly number[];
}

const emptyState = (width: number): OnlineState => ({ m: Number.NEGATIVE_INFINITY, l: 0, o: new Array<number>(width).fill(0) });

/** Folds keys `indices` into `state` (Milakov & Gimelshein's online normalizer): rescale by e^(m_old − m_new), add the new terms. */
function update(state: OnlineState, scores: readonly number[], values: Matrix, indices: readonly number[]): OnlineState {
  if (indices.length === 0) return state;
  const m = Math.max(state.m, ...indices.map((j) => scores[j]!));
  const rescale = Math.exp(state.m - m); // e^(−∞) = 0 on the first block
  const e = indices.map((j) => Math.exp(scores[j]! - m));
  return {
    m,
    l: rescale * state.l + e.reduce((a, b) => a + b, 0),
    o: state.o.map((x, dim) => rescale * x + indices.reduce((sum, j, p) => sum + e[p]! * values[j]![dim]!, 0)),
  };
}

/** One query's attention output by the online recurrence over key blocks of size `block`, with the state after each block. */
function onlineAttention(scores: readonly number[], values: Matrix, block: number): { output: number[]; lse: number; trace: OnlineState[] } {
  const trace: OnlineState[] = [];
  let state = emptyState(values[0]!.length);
  for (let start = 0; start < scores.length; start += block) {
    const indices = Array.from({ length: Math.min(block, scores.length - start) }, (_, p) => start + p);
    state = update(state, scores, values, indices);
    trace.push(state);
  }
  return { output: state.o.map((x) => x / state.l), lse: state.m + Math.log(state.l), trace };
}

/**
 * FlashAttention's forward pass in float64: query blocks of `br` rows against key blocks of `bc`
 * columns, one online state per query row; no n×n matrix is kept. Causal key blocks that lie
 * wholly above the diagonal are skipped. Returns the output, each row's log-sum-exp (what the
 * backward pass keeps instead of the weights) and the number of key blocks visited.
 */
function tiledAttention(q: Matrix, k: Matrix, v: Matrix, br: number, bc: number, causal: boolean): { output: Matrix; lse: number[]; visited: number } {
  const scale = 1 / Math.sqrt(q[0]!.length);
  const output: Matrix = [];
  const lse: number[] = [];
  let visited = 0;
  for (let i0 = 0; i0 < q.length; i0 += br) {
    const rows = Array.from({ length: Math.min(br, q.length - i0) }, (_, r) => i0 + r);
    const states = rows.map(() => emptyState(v[0]!.length));
    for (let j0 = 0; j0 < k.length; j0 += bc) {
      if (causal && j0 > rows.at(-1)!) continue;
      visited += 1;
      const columns = Array.from({ length: Math.min(bc, k.length - j0) }, (_, c) => j0 + c);
      rows.forEach((i, r) => {
        const scores: number[] = []; // only this block's scores exist at any time
        for (const j of columns) scores[j] = dot(q[i]!, k[j]!) * scale;
        states[r] = update(states[r]!, scores, v, columns.filter((j) => !causal || j <= i));
      });
    }
    for (const state of states) {
      output.push(state.o.map((x) => x / state.l));
      lse.push(state.m + Math.log(state.l));
    }
  }
  return { output, lse, visited };
}

describe('online softmax and FlashAttention tiling', () => {
  it('gives softmax and its log-sum-exp for any block size, also for large logits', () => {
    const logits = rowsFrom(() => tf.add(randomTensor([3, 11], 1, 30), tf.tensor2d([[0], [1000], [-1000]])));
    const exported = rowsFrom(() => softmax(tf.tensor2d(logits)));
    const logExported = rowsFrom(() => logSoftmax(tf.tensor2d(logits)));
    const ones = logits[0]!.map(() => [1]);
    logits.forEach((row, r) => {
      for (const block of [1, 2, 3, 7, 11]) {
        const { trace, lse } = onlineAttention(row, ones, block);
        const { m, l } = trace.at(-1)!;
        const weights = row.map((x) => Math.exp(x - m) / l);
        weights.forEach((w, j) => {
          expect(w).toBeCloseTo(softmaxRow(row)[j]!, 12);
          expect(Math.abs(w - exported[r]![j]!)).toBeLessThan(1e-6);
        });
        // logSoftmax = x − LSE; float32 spacing near |x| ≈ 1000 is 6e-5.
        expect(Math.abs(row[0]! - lse - logExported[r]![0]!)).toBeLessThan(2e-4);
      }
    });
  });

  it('reproduces the worked example: scores (2, 4 | 3, 6), values (1, 0 | 2, −1)', () => {
    const scores = [2, 4, 3, 6];
    const values = [[1], [0], [2], [-1]];
    const { output, lse, trace } = onlineAttention(scores, values, 2);
    expect(trace.map(({ m }) => m)).toEqual([4, 6]);
    expect(trace[0]!.l).toBeCloseTo(1.135335, 6);
    expect(trace[0]!.o[0]).toBeCloseTo(0.135335, 6);
    expect(trace[1]!.l).toBeCloseTo(1.203438, 6);
    expect(trace[1]!.o[0]).toBeCloseTo(-0.88211, 5);
    expect(output[0]).toBeCloseTo(-0.732992, 6);
    expect(lse).toBeCloseTo(6.185182, 6);
    // With d_k = 1 and q = 1 the scores are exactly k, so the op sees the same problem.
    const result = tf.tidy(() => ({ ...scaledDotProductAttention(tf.tensor3d([[[1]]]), tf.tensor3d([scores.map((s) => [s])]), tf.tensor3d([values])) }));
    expectTensorsClose(result.output, [[[-0.732992]]], { atol: 1e-6 });
    expectTensorsClose(result.weights, [[[0.015219, 0.112457, 0.041371, 0.830953]]], { atol: 1e-6 });
    const probabilities = tf.tidy(() => softmax(tf.tensor1d(scores)));
    expectTensorsClose(probabilities, [0.015219, 0.112457, 0.041371, 0.830953], { atol: 1e-6 });
    tf.dispose([result.output, result.weights, probabilities]);
  });

  it('merges partial results of two key splits by their log-sum-exps, in either order', () => {
    const [q, k, v] = [randomTensor([1, 1, 4], 2), randomTensor([1, 9, 4], 3), randomTensor([1, 9, 3], 4)];
    const scores = rowsFrom(() => tf.div(tf.matMul(q, k, false, true), 2))[0]!;
    const values = rowsOf(v);
    const split = (indices: number[]) => onlineAttention(indices.map((j) => scores[j]!), indices.map((j) => values[j]!), indices.length);
    const a = split([0, 1, 2, 3]);
    const b = split([4, 5, 6, 7, 8]);
    const total = Math.max(a.lse, b.lse) + Math.log1p(Math.exp(-Math.abs(a.lse - b.lse)));
    const merged = a.output.map((x, dim) => Math.exp(a.lse - total) * x + Math.exp(b.lse - total) * b.output[dim]!);
    const { output, weights } = scaledDotProductAttention(q, k, v);
    expectTensorsClose(output, [[merged]], { atol: 1e-6 });
    const logWeights = rowsFrom(() => logSoftmax(tf.tensor1d(scores)))[0]!;
    expect(Math.abs(scores[0]! - total - logWeights[0]!)).toBeLessThan(1e-6);
    expectTensorsClose(weights, [[scores.map((s) => Math.exp(s - total))]], { atol: 1e-6 });
    tf.dispose([q, k, v, output, weights]);
  });

  it('tiles exactly: the tiled output equals attention, the weights are recomputable from the saved log-sum-exp, causal skips blocks', () => {
    const [q, k, v] = [randomTensor([1, 8, 4], 5, 2), randomTensor([1, 8, 4], 6, 2), randomTensor([1, 8, 3], 7)];
    const [qm, km, vm] = [rowsOf(q), rowsOf(k), rowsOf(v)];
    for (const causal of [false, true]) {
      const tiled = tiledAttention(qm, km, vm, 2, 3, causal);
      const { output, weights } = scaledDotProductAttention(q, k, v, { causal });
      expectTensorsClose(output, [tiled.output], { rtol: 1e-5, atol: 1e-6 });
      // Backward pass: P_ij = exp(S_ij − LSE_i), recomputed from the scores and one number per row.
      const recomputed = qm.map((qi, i) => km.map((kj, j) => (causal && j > i ? 0 : Math.exp(dot(qi, kj) / 2 - tiled.lse[i]!))));
      expectTensorsClose(weights, [recomputed], { rtol: 1e-5, atol: 1e-6 });
      // 4 query blocks × 3 key blocks; causally, the key blocks starting beyond a query block's last row are skipped.
      expect(tiled.visited).toBe(causal ? 1 + 2 + 2 + 3 : 12);
      tf.dispose([output, weights]);
    }
    tf.dispose([q, k, v]);
  });
});

describe('the kernel view and linear attention', () => {
  const featureMap = (x: readonly number[]): number[] => x.map((a) => (a > 0 ? a + 1 : Math.exp(a))); // elu + 1

  it('softmax attention is the kernel smoother Σ κ(q, k_j) v_j / Σ κ(q, k_j) with κ = exp(qᵀk/√d)', () => {
    const [q, k, v] = [randomTensor([1, 3, 4], 8), randomTensor([1, 5, 4], 9), randomTensor([1, 5, 2], 10)];
    const [km, vm] = [rowsOf(k), rowsOf(v)];
    const smoothed = rowsOf(q).map((qi) => {
      const kappa = km.map((kj) => Math.exp(dot(qi, kj) / 2));
      const total = kappa.reduce((a, b) => a + b, 0);
      return vm[0]!.map((_, dim) => kappa.reduce((sum, w, j) => sum + w * vm[j]![dim]!, 0) / total);
    });
    const { output, weights } = scaledDotProductAttention(q, k, v);
    expectTensorsClose(output, [smoothed], { rtol: 1e-5, atol: 1e-6 });
    tf.dispose([q, k, v, output, weights]);
  });

  it('causal linear attention: the quadratic form equals an RNN with a d×d state, and is a different model from softmax attention', () => {
    const [q, k, v] = [randomTensor([1, 6, 4], 11), randomTensor([1, 6, 4], 12), randomTensor([1, 6, 3], 13)];
    const [fq, fk, vm] = [rowsOf(q).map(featureMap), rowsOf(k).map(featureMap), rowsOf(v)];
    const quadratic = fq.map((qi, i) => {
      const a = fk.map((kj, j) => (j <= i ? dot(qi, kj) : 0));
      const total = a.reduce((x, y) => x + y, 0);
      return vm[0]!.map((_, dim) => a.reduce((sum, w, j) => sum + w * vm[j]![dim]!, 0) / total);
    });
    let state: Matrix = fk[0]!.map(() => vm[0]!.map(() => 0)); // S = Σ φ(k_t) v_tᵀ, d_k × d_v
    let normalizer = fk[0]!.map(() => 0); // z = Σ φ(k_t)
    const recurrent = fq.map((qi, t) => {
      state = state.map((row, a) => row.map((x, b) => x + fk[t]![a]! * vm[t]![b]!));
      normalizer = normalizer.map((x, a) => x + fk[t]![a]!);
      return vm[0]!.map((_, b) => dot(qi, state.map((row) => row[b]!)) / dot(qi, normalizer));
    });
    expect(maxAbsDifference(quadratic, recurrent)).toBeLessThan(1e-12);
    expect(state.length * state[0]!.length + normalizer.length).toBe(4 * 3 + 4); // constant in the sequence length
    const { output, weights } = scaledDotProductAttention(q, k, v, { causal: true });
    expect(maxAbsDifference(rowsOf(output), quadratic)).toBeGreaterThan(1e-2);
    tf.dispose([q, k, v, output, weights]);
  });
});

describe('sliding-window attention', () => {
  it('L stacked layers of window W reach L(W−1) positions back and no further; row i sees min(i+1, W) keys', () => {
    const [n, window, layers] = [10, 3, 3];
    const band = tf.tensor2d(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, j) => (j > i - window ? 1 : 0))));
    const run = (x: tf.Tensor): number[] =>
      tf.tidy(() => {
        let h = x;
        for (let l = 0; l < layers; l++) h = scaledDotProductAttention(h, h, h, { causal: true, mask: band }).output;
        return Array.from(h.slice([0, n - 1, 0], [1, 1, -1]).dataSync());
      });
    const x = randomTensor([1, n, 4], 14);
    const base = run(x);
    const perturbed = (p: number): number[] => tf.tidy(() => run(tf.add(x, tf.oneHot([p], n).reshape([1, n, 1]).mul(0.5))));
    const reach = n - 1 - layers * (window - 1); // 3
    expect(Math.max(...perturbed(reach).map((value, i) => Math.abs(value - base[i]!)))).toBeGreaterThan(1e-4);
    expect(perturbed(reach - 1)).toEqual(base);
    const { output, weights } = scaledDotProductAttention(x, x, x, { causal: true, mask: band });
    const visible = rowsOf(weights).map((row) => row.filter((w) => w > 0).length);
    expect(visible).toEqual(Array.from({ length: n }, (_, i) => Math.min(i + 1, window)));
    expect(tf.tidy(() => tf.sum(tf.mul(band, causalMask(n, n))).dataSync()[0])).toBe((window * (window + 1)) / 2 + (n - window) * window);
    tf.dispose([band, x, output, weights]);
  });
});

describe('positions: RoPE and ALiBi', () => {
  /** RoFormer's rotary embedding: pairs (2i, 2i+1) rotated by position · base^(−2i/d). */
  const rope = (x: readonly number[], position: number): number[] => {
    const out = [...x];
    for (let i = 0; i < x.length / 2; i++) {
      const angle = position * 10000 ** ((-2 * i) / x.length);
      const [a, b] = [x[2 * i]!, x[2 * i + 1]!];
      out[2 * i] = a * Math.cos(angle) - b * Math.sin(angle);
      out[2 * i + 1] = a * Math.sin(angle) + b * Math.cos(angle);
    }
    return out;
  };
  /** The GPT-NeoX layout: dimension i is paired with i + d/2 instead of with its neighbour. */
  const ropeHalf = (x: readonly number[], position: number): number[] => {
    const half = x.length / 2;
    const interleaved = rope(Array.from({ length: x.length }, (_, p) => x[(p % 2) * half + Math.floor(p / 2)]!), position);
    return Array.from({ length: x.length }, (_, p) => interleaved[2 * (p % half) + Math.floor(p / half)]!);
  };
  /** Weights of the last of `km.length` positions over all of them, every position shifted by `offset`. */
  const weightsAt = (qm: Matrix, km: Matrix, rotateQ: typeof rope, rotateK: typeof rope, offset: number): Matrix =>
    rowsFrom(() => {
      const q = tf.tensor3d([[rotateQ(qm[0]!, km.length - 1 + offset)]]);
      const k = tf.tensor3d([km.map((row, j) => rotateK(row, j + offset))]);
      return scaledDotProductAttention(q, k, k).weights;
    });

  it('RoPE: ⟨R_m q, R_n k⟩ = ⟨q, R_(n−m) k⟩, norms are kept, and attention weights do not change when every position shifts', () => {
    const [qm, km] = [rowsFrom(() => randomTensor([1, 8], 15)), rowsFrom(() => randomTensor([6, 8], 16))];
    for (const [m, n] of [[5, 2], [0, 7], [40, 33]] as const) {
      expect(dot(rope(qm[0]!, m), rope(km[0]!, n))).toBeCloseTo(dot(qm[0]!, rope(km[0]!, n - m)), 12);
    }
    expect(Math.hypot(...rope(km[1]!, 123))).toBeCloseTo(Math.hypot(...km[1]!), 12);
    expect(maxAbsDifference(weightsAt(qm, km, rope, rope, 0), weightsAt(qm, km, rope, rope, 100))).toBeLessThan(1e-5);
  });

  it('RoPE layouts: half-split is interleaved with permuted dimensions; mixing the two loses the relative property', () => {
    const [qm, km] = [rowsFrom(() => randomTensor([1, 8], 17)), rowsFrom(() => randomTensor([6, 8], 18))];
    expect(dot(ropeHalf(qm[0]!, 9), ropeHalf(km[0]!, 4))).toBeCloseTo(dot(qm[0]!, ropeHalf(km[0]!, -5)), 12);
    expect(maxAbsDifference(weightsAt(qm, km, ropeHalf, ropeHalf, 0), weightsAt(qm, km, ropeHalf, ropeHalf, 100))).toBeLessThan(1e-5);
    expect(maxAbsDifference(weightsAt(qm, km, rope, ropeHalf, 0), weightsAt(qm, km, rope, ropeHalf, 100))).toBeGreaterThan(1e-3);
    // d = 128, base 10000: wavelengths 2π / θ_i run from 2π to 2π · 10000^(126/128).
    expect((2 * Math.PI) / 10000 ** (-126 / 128)).toBeCloseTo(54410.14, 1);
  });

  it('ALiBi: with a causal mask, the bias −m(i − j) equals the query-independent m·j after softmax, but not without the mask', () => {
    const n = 6;
    const slopes = Array.from({ length: 8 }, (_, h) => 2 ** ((-8 * (h + 1)) / 8));
    expect(slopes).toEqual([1 / 2, 1 / 4, 1 / 8, 1 / 16, 1 / 32, 1 / 64, 1 / 128, 1 / 256]);
    const scores = randomTensor([n, n], 19, 2);
    const bias = (f: (i: number, j: number) => number) => tf.tensor2d(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, j) => f(i, j))));
    const [distance, column, symmetric] = [bias((i, j) => -0.5 * (i - j)), bias((_, j) => 0.5 * j), bias((i, j) => -0.5 * Math.abs(i - j))];
    const mask = causalMask(n, n);
    const withMask = (b: tf.Tensor) => rowsFrom(() => softmax(tf.add(scores, b), { mask }));
    const without = (b: tf.Tensor) => rowsFrom(() => softmax(tf.add(scores, b)));
    expect(maxAbsDifference(withMask(distance), withMask(column))).toBeLessThan(1e-6);
    expect(maxAbsDifference(without(symmetric), without(column))).toBeGreaterThan(1e-2);
    // Head 1 (m = 1/2) at distance 100: the bias −50 scales a weight by e^(−50) ≈ 1.93e-22.
    expect(rowsFrom(() => softmax(tf.tensor1d([0, -50])))[0]![1]! / 1.9287e-22).toBeCloseTo(1, 3);
    tf.dispose([scores, distance, column, symmetric, mask]);
  });
});

describe('KV caching and grouped-query attention', () => {
  it('decoding one token at a time against a growing cache of keys and values reproduces full causal attention', () => {
    const [n, d] = [6, 4];
    const x = randomTensor([1, n, d], 20);
    const [wq, wk, wv] = [randomTensor([d, d], 21), randomTensor([d, d], 22), randomTensor([d, d], 23)];
    const project = (input: tf.Tensor, w: tf.Tensor) => tf.matMul(input.reshape([-1, d]), w).reshape([1, -1, d]);
    const full = tf.tidy(() => scaledDotProductAttention(project(x, wq), project(x, wk), project(x, wv), { causal: true }).output);
    let keys = tf.zeros([1, 0, d]);
    let values = tf.zeros([1, 0, d]);
    for (let t = 0; t < n; t++) {
      const token = x.slice([0, t, 0], [1, 1, d]); // only the new token is projected
      const [nextKeys, nextValues] = tf.tidy(() => [tf.concat([keys, project(token, wk)], 1), tf.concat([values, project(token, wv)], 1)]);
      tf.dispose([keys, values]);
      [keys, values] = [nextKeys!, nextValues!];
      const step = tf.tidy(() => scaledDotProductAttention(project(token, wq), keys, values).output);
      const row = full.slice([0, t, 0], [1, 1, d]);
      expectTensorsClose(step, row, { rtol: 1e-5, atol: 1e-6 });
      tf.dispose([token, step, row]);
    }
    expect(keys.size + values.size).toBe(2 * n * d); // 2 · tokens · width per layer
    tf.dispose([x, wq, wk, wv, full, keys, values]);
  });

  it('GQA: the query heads that share a KV head can be folded into one query block, so each KV head is read once', () => {
    const [heads, kvHeads, length, d] = [4, 2, 3, 4];
    const q = randomTensor([heads, length, d], 24);
    const [k, v] = [randomTensor([kvHeads, length, d], 25), randomTensor([kvHeads, length, d], 26)];
    const group = heads / kvHeads;
    const owner = tf.tensor1d(Array.from({ length: heads }, (_, h) => Math.floor(h / group)), 'int32'); // heads 0, 1 → KV head 0
    const perHead = tf.tidy(() => scaledDotProductAttention(q, tf.gather(k, owner), tf.gather(v, owner)).output);
    const folded = tf.tidy(() => scaledDotProductAttention(q.reshape([kvHeads, group * length, d]), k, v).output.reshape([heads, length, d]));
    expectTensorsClose(folded, perHead, { rtol: 1e-5, atol: 1e-6 });
    tf.dispose([q, k, v, owner, perHead, folded]);
  });
});

describe('what attention weights do and do not say', () => {
  it('a large weight on a small value contributes little: α = (0.7, 0.2, 0.1), ‖α_j v_j‖ = (0.07, 0.4, 0.1)', () => {
    const keys = tf.tensor3d([[[Math.log(0.7)], [Math.log(0.2)], [Math.log(0.1)]]]);
    const values = [[0.1, 0], [0, 2], [1, 0]];
    const { output, weights } = tf.tidy(() => ({ ...scaledDotProductAttention(tf.tensor3d([[[1]]]), keys, tf.tensor3d([values])) }));
    const alpha = rowsOf(weights)[0]!;
    expectTensorsClose(weights, [[[0.7, 0.2, 0.1]]], { atol: 1e-6 });
    expectTensorsClose(output, [[[0.17, 0.4]]], { atol: 1e-6 });
    const contributions = values.map((value, j) => alpha[j]! * Math.hypot(...value));
    contributions.forEach((c, j) => expect(c).toBeCloseTo([0.07, 0.4, 0.1][j]!, 6));
    expect(alpha.indexOf(Math.max(...alpha))).toBe(0);
    expect(contributions.indexOf(Math.max(...contributions))).toBe(1);
    tf.dispose([keys, output, weights]);
  });

  it('an inverted additive −1e9 mask: a row without padding turns uniform, a row with padding attends only to the padding', () => {
    const scores = tf.tensor2d([[0.3, -1.2, 2.5, 0.7], [1.1, -0.4, 0.9, -2]]);
    const keep = tf.tensor2d([[1, 1, 1, 1], [1, 1, 0, 0]]); // row 2: the last two keys are padding
    const inverted = tf.tidy(() => softmax(tf.add(scores, tf.mul(keep, -1e9)))); // 1 taken as "blocked"
    const correct = tf.tidy(() => softmax(tf.add(scores, tf.mul(tf.sub(1, keep), -1e9))));
    const [row1, row2] = rowsOf(inverted);
    expect(row1).toEqual([0.25, 0.25, 0.25, 0.25]); // −1e9 + s is exactly −1e9 in float32 for |s| < 32
    expect(row2!.slice(0, 2)).toEqual([0, 0]);
    row2!.slice(2).forEach((w, j) => expect(w).toBeCloseTo(softmaxRow([0.9, -2])[j]!, 6));
    expectTensorsClose(correct, [softmaxRow([0.3, -1.2, 2.5, 0.7]), [...softmaxRow([1.1, -0.4]), 0, 0]], { atol: 1e-6 });
    tf.dispose([scores, keep, inverted, correct]);
  });
});

describe('float32 exp limits', () => {
  it('exp rounds to 0 below ln 2^−150 ≈ −103.97, not at ln 2^−149 ≈ −103.28 (the smallest subnormal); ln 2^−126 ≈ −87.34 is the flush-to-zero cut', () => {
    expect(Math.log(2 ** -149)).toBeCloseTo(-103.2789, 4);
    expect(Math.log(2 ** -150)).toBeCloseTo(-103.9721, 4);
    expect(Math.log(2 ** -126)).toBeCloseTo(-87.3365, 4);
    const smallestSubnormal = 2 ** -149;
    expect([-103.28, -103.5, -103.9, -103.97, -103.98, -104.5].map((x) => Math.fround(Math.exp(x)))).toEqual([
      smallestSubnormal, smallestSubnormal, smallestSubnormal, smallestSubnormal, 0, 0,
    ]);
    expect(Math.fround(Math.exp(-87.3))).toBeGreaterThanOrEqual(2 ** -126); // still normal: FTZ would keep it
    expect(Math.fround(Math.exp(-87.4))).toBeLessThan(2 ** -126); // subnormal: FTZ would make it 0
    expect(Number.isFinite(Math.fround(Math.exp(88.72)))).toBe(true);
    expect(Math.fround(Math.exp(88.73))).toBe(Number.POSITIVE_INFINITY);
    expect(rowsFrom(() => softmax(tf.tensor1d([0, -103.5, -103.9, -103.98, -104.5])))[0]).toEqual([1, smallestSubnormal, smallestSubnormal, 0, 0]);
  });
});
