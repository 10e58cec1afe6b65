import { createSeededRandom } from '@dl/core';
import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { interpolateNetworks, permuteHiddenUnits, reluMlpForward, type ReluMlp } from './permutation-symmetry.js';

const absolute: ReluMlp = { w1: [[1], [-1]], b1: [0, 0], w2: [[1, 1]], b2: [0] };

function randomNetwork(seed: number, inputs: number, hidden: number, outputs: number): ReluMlp {
  const random = createSeededRandom(seed);
  const u = (): number => 2 * random.next() - 1;
  return {
    w1: Array.from({ length: hidden }, () => Array.from({ length: inputs }, u)),
    b1: Array.from({ length: hidden }, u),
    w2: Array.from({ length: outputs }, () => Array.from({ length: hidden }, u)),
    b2: Array.from({ length: outputs }, u),
  };
}

describe('reluMlpForward', () => {
  it('computes |x| for the two-unit network and matches a hand-written sum on a 2-3-2 network', () => {
    for (const x of [-3, -0.5, 0, 2]) expect(reluMlpForward(absolute, [x])).toEqual([Math.abs(x)]);
    const net: ReluMlp = { w1: [[1, 2], [-1, 0.5], [0, -3]], b1: [0.1, -0.2, 1], w2: [[1, -1, 2], [0.5, 0, -1]], b2: [0.3, -0.3] };
    const x = [0.4, -0.7];
    const h = [Math.max(0, 0.4 - 1.4 + 0.1), Math.max(0, -0.4 - 0.35 - 0.2), Math.max(0, 2.1 + 1)];
    expect(reluMlpForward(net, x)[0]).toBeCloseTo(h[0]! - h[1]! + 2 * h[2]! + 0.3, 14);
    expect(reluMlpForward(net, x)[1]).toBeCloseTo(0.5 * h[0]! - h[2]! - 0.3, 14);
  });
});

describe('hidden-unit permutation symmetry', () => {
  it('a permuted network computes the same function on random inputs', () => {
    const random = createSeededRandom(17);
    for (let seed = 1; seed <= 10; seed += 1) {
      const net = randomNetwork(seed, 3, 6, 2);
      const permutation = random.shuffle([0, 1, 2, 3, 4, 5]);
      const permuted = permuteHiddenUnits(net, permutation);
      expect(permuted.w1).not.toEqual(net.w1);
      for (let k = 0; k < 20; k += 1) {
        const x = [4 * random.next() - 2, 4 * random.next() - 2, 4 * random.next() - 2];
        const [y0, y1] = reluMlpForward(net, x);
        const [p0, p1] = reluMlpForward(permuted, x);
        expect(p0).toBeCloseTo(y0!, 13);
        expect(p1).toBeCloseTo(y1!, 13);
      }
    }
  });

  it('but the weight average of a network and its permuted copy is a different function: |1 - 2t| |x| for |x|', () => {
    const swapped = permuteHiddenUnits(absolute, [1, 0]);
    expect(swapped).toEqual({ w1: [[-1], [1]], b1: [0, 0], w2: [[1, 1]], b2: [0] });
    for (const t of [0, 0.25, 0.5, 0.8, 1]) {
      const mid = interpolateNetworks(absolute, swapped, t);
      for (const x of [-2, -0.5, 1, 3]) expect(reluMlpForward(mid, [x])[0]).toBeCloseTo(Math.abs(1 - 2 * t) * Math.abs(x), 14);
    }
    // Output averaging, in contrast, keeps |x|.
    const outputAverage = (x: number): number => 0.5 * (reluMlpForward(absolute, [x])[0]! + reluMlpForward(swapped, [x])[0]!);
    expect(outputAverage(-3)).toBe(3);
  });

  it('on random networks the midpoint differs from the shared function, and undoing the permutation first restores it', () => {
    const random = createSeededRandom(23);
    const net = randomNetwork(99, 2, 5, 1);
    const permutation = [3, 0, 4, 1, 2];
    const permuted = permuteHiddenUnits(net, permutation);
    const naive = interpolateNetworks(net, permuted);
    const inverse = permutation.map((_, j) => permutation.indexOf(j));
    const aligned = interpolateNetworks(net, permuteHiddenUnits(permuted, inverse));
    let worst = 0;
    for (let k = 0; k < 50; k += 1) {
      const x = [4 * random.next() - 2, 4 * random.next() - 2];
      const y = reluMlpForward(net, x)[0]!;
      worst = Math.max(worst, Math.abs(reluMlpForward(naive, x)[0]! - y));
      expect(reluMlpForward(aligned, x)[0]).toBeCloseTo(y, 13);
    }
    expect(worst).toBeGreaterThan(0.1);
  });

  it('rejects bad permutations and mismatched networks, naming the argument', () => {
    expect(catchConfigError(() => permuteHiddenUnits(absolute, [0, 0])).path).toBe('permutation');
    expect(catchConfigError(() => permuteHiddenUnits(absolute, [0, 1, 2])).path).toBe('permutation');
    expect(catchConfigError(() => interpolateNetworks(absolute, randomNetwork(1, 1, 3, 1))).path).toBe('b');
    expect(catchConfigError(() => interpolateNetworks(absolute, absolute, 1.5)).path).toBe('t');
    expect(catchConfigError(() => reluMlpForward(absolute, [1, 2])).path).toBe('x');
    expect(catchConfigError(() => reluMlpForward({ ...absolute, b1: [0] }, [1])).path).toBe('network.b1');
    expect(catchConfigError(() => reluMlpForward({ ...absolute, w2: [[1, 1, 1]] }, [1])).path).toBe('network.w2');
  });
});
