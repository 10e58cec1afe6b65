import * as tf from '@tensorflow/tfjs';
import { ShapeError } from '@dl/core';
import { catchConfigError, checkLayerGradients, expectTensorsClose } from '@dl/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { BranchAttention, branchAttention } from './branch-attention.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const branches = (n: number, batch: number, width: number): tf.Tensor2D[] =>
  Array.from({ length: n }, (_, i) => tf.randomNormal([batch, width], 0, 1, 'float32', 10 + i) as tf.Tensor2D);

/** Σ_i softmax_i(score(f_i)) f_i in float64, with score(f) = uᵀ tanh(W f + b) (or wᵀ f). */
function reference(features: number[][][], weights: number[][][] | number[][]): { fused: number[][]; alphas: number[][] } {
  const [W, b, u] = weights.length === 3 ? (weights as [number[][], number[], number[][]]) : [undefined, undefined, weights[0] as number[][]];
  const score = (f: number[]): number => {
    const hidden = W === undefined ? f : W[0]!.map((_, j) => Math.tanh(b![j]! + f.reduce((sum, fk, k) => sum + fk * W[k]![j]!, 0)));
    return hidden.reduce((sum, h, j) => sum + h * u![j]![0]!, 0);
  };
  const batch = features[0]!.length;
  const fused: number[][] = [];
  const alphas: number[][] = [];
  for (let r = 0; r < batch; r += 1) {
    const scores = features.map((branch) => score(branch[r]!));
    const max = Math.max(...scores);
    const exps = scores.map((s) => Math.exp(s - max));
    const total = exps.reduce((s, e) => s + e, 0);
    const alpha = exps.map((e) => e / total);
    alphas.push(alpha);
    fused.push(features[0]![r]!.map((_, k) => features.reduce((sum, branch, i) => sum + alpha[i]! * branch[r]![k]!, 0)));
  }
  return { fused, alphas };
}

describe('BranchAttention', () => {
  for (const units of [4, undefined]) {
    it(`fuses n branches as Σ αᵢ fᵢ with α a softmax of learned scores (units ${units ?? 'none: linear score'})`, () => {
      const layer = branchAttention(units === undefined ? {} : { units });
      const inputs = branches(3, 5, 6);
      const fused = layer.apply(inputs) as tf.Tensor;
      const expected = reference(
        inputs.map((t) => t.arraySync()),
        layer.getWeights().map((w) => w.arraySync() as number[][]) as never,
      );
      expectTensorsClose(fused, tf.tensor2d(expected.fused), { atol: 1e-5 });
      expectTensorsClose(layer.branchWeights(inputs), tf.tensor2d(expected.alphas), { atol: 1e-6 });
    });
  }

  it('has the gradients of its definition for the inputs and every weight', () => {
    const layer = branchAttention({ units: 3 });
    const report = checkLayerGradients(layer, branches(3, 2, 4));
    expect(report.passed).toBe(true);
    expect(Object.keys(report.perTensor)).toHaveLength(3 + 3); // three inputs, three weights
  });

  it('round-trips through its config, and rejects misspelled arguments and mismatched widths', () => {
    const layer = branchAttention({ units: 5, name: 'fuse' });
    const copy = BranchAttention.fromConfig(BranchAttention, layer.getConfig()) as BranchAttention;
    expect([copy.units, copy.name]).toEqual([5, 'fuse']);
    expect(catchConfigError(() => branchAttention({ unit: 5 } as never)).path).toBe('unit');
    const [a, b] = [tf.input({ shape: [4] }), tf.input({ shape: [5] })];
    expect(() => branchAttention().apply([a, b])).toThrow(ShapeError);
    expect(() => branchAttention().apply([a])).toThrow(ShapeError);
  });
});
