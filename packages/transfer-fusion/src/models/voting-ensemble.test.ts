import * as tf from '@tensorflow/tfjs';
import { ShapeError } from '@dl/core';
import { catchConfigError, expectNoTensorLeaks } from '@dl/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { MajorityVote, majorityVote } from '../layers/majority-vote.js';
import { denseMember, denseMember64, lcg, randomMatrix, saveToMemory } from './ensemble-members.test-util.js';
import { votingEnsemble } from './voting-ensemble.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Index of the largest value, the first one on a tie. */
function argmax(row: readonly number[]): number {
  return row.reduce((best, value, i) => (value > row[best]! ? i : best), 0);
}

/** Vote shares counted in plain JS: for each class, the fraction of members whose argmax it is. */
function voteShares(probabilities: number[][][], classes: number): number[][] {
  return probabilities[0]!.map((_, r) => {
    const counts = new Array<number>(classes).fill(0);
    for (const member of probabilities) counts[argmax(member[r]!)]! += 1;
    return counts.map((c) => c / probabilities.length);
  });
}

const random = lcg(11);

describe('votingEnsemble', () => {
  it('outputs the vote shares counted from the members’ argmax (5 members, 4 classes)', () => {
    const kernels = Array.from({ length: 5 }, () => randomMatrix(random, 3, 4, -3, 3));
    const biases = Array.from({ length: 5 }, () => randomMatrix(random, 1, 4)[0]!);
    const x = randomMatrix(random, 40, 3, -2, 2);
    const ensemble = votingEnsemble(kernels.map((k, i) => denseMember(k, biases[i]!)));
    const expected = voteShares(kernels.map((k, i) => denseMember64(x, k, biases[i]!)), 4);
    const actual = (ensemble.predict(tf.tensor2d(x)) as tf.Tensor).arraySync() as number[][];
    expect(actual.map((row) => row.map((v) => Math.round(v * 5)))).toEqual(expected.map((row) => row.map((v) => Math.round(v * 5))));
    actual.forEach((row, r) => row.forEach((v, c) => expect(v).toBeCloseTo(expected[r]![c]!, 6)));
    // Not every sample is unanimous, so the test sees real votes.
    expect(expected.some((row) => Math.max(...row) < 1)).toBe(true);
  });

  it('breaks ties to the lowest class id, in whichever order the members vote', () => {
    // Member A picks class 2, member B class 0 (x = [1, 0]); at x = [0, 1] A picks 0 and B picks 2.
    const a = denseMember([[0, 0, 5], [5, 0, 0]], [0, 0, 0]);
    const b = denseMember([[5, 0, 0], [0, 0, 5]], [0, 0, 0]);
    const shares = votingEnsemble([a, b]).predict(tf.tensor2d([[1, 0], [0, 1]])) as tf.Tensor;
    expect(shares.arraySync()).toEqual([[0.5, 0, 0.5], [0.5, 0, 0.5]]);
    expect(shares.argMax(-1).arraySync()).toEqual([0, 0]);
    // A member's own tie (equal top scores) is a vote for its lowest class.
    const flat = denseMember([[0, 0, 0], [0, 0, 0]], [0, 0, 0]);
    const withTies = (votingEnsemble([flat, flat, b]).predict(tf.tensor2d([[0.3, 0.7]])) as tf.Tensor).arraySync() as number[][];
    [2 / 3, 0, 1 / 3].forEach((share, c) => expect(withTies[0]![c]).toBeCloseTo(share, 6));
  });

  it('supports binary members with one sigmoid unit: class 1 when the score is > 0.5, so 0.5 votes class 0', () => {
    const members = [denseMember([[2]], [0], 'sigmoid'), denseMember([[-1]], [0.5], 'sigmoid'), denseMember([[1]], [-1], 'sigmoid')];
    const x = [[0], [1], [-1], [0.25]];
    const scores = [[[2]], [[-1]], [[1]]].map((k, i) => denseMember64(x, k, [[0], [0.5], [-1]][i]!, 'sigmoid'));
    const expected = x.map((_, r) => {
      const ones = scores.filter((s) => s[r]![0]! > 0.5).length;
      return [(3 - ones) / 3, ones / 3];
    });
    const ensemble = votingEnsemble(members);
    expect(ensemble.outputs[0]!.shape).toEqual([null, 2]);
    const actual = (ensemble.predict(tf.tensor2d(x)) as tf.Tensor).arraySync() as number[][];
    actual.forEach((row, r) => row.forEach((v, c) => expect(v).toBeCloseTo(expected[r]![c]!, 6)));
    // x = 0: member 0 scores exactly 0.5 (a vote for 0), member 1 sigmoid(0.5) (1), member 2 sigmoid(-1) (0).
    expect(actual[0]![0]).toBeCloseTo(2 / 3, 6);
  });

  it('saves and loads (memory) with identical outputs', async () => {
    const kernels = Array.from({ length: 3 }, () => randomMatrix(random, 3, 4, -3, 3));
    const ensemble = votingEnsemble(kernels.map((k) => denseMember(k, [0, 0, 0, 0])));
    const artifacts = await saveToMemory(ensemble);
    expect(JSON.stringify(artifacts.modelTopology)).toContain('"class_name":"MajorityVote"');
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
    expect(loaded.getLayer('hard_vote')).toBeInstanceOf(MajorityVote);
    const x = tf.tensor2d(randomMatrix(random, 20, 3, -2, 2));
    expect((loaded.predict(x) as tf.Tensor).arraySync()).toEqual((ensemble.predict(x) as tf.Tensor).arraySync());
  });

  it('rejects members that are not classifiers, with a ShapeError; bad options with a ConfigError', () => {
    const input = tf.input({ shape: [3] });
    const rank3 = tf.model({ inputs: input, outputs: tf.layers.reshape({ targetShape: [3, 1] }).apply(input) as tf.SymbolicTensor });
    const error = (() => {
      try {
        votingEnsemble([rank3, rank3]);
      } catch (e) {
        return e;
      }
    })();
    expect(ShapeError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('[null,3,1]');
    const member = denseMember([[1, 0]], [0, 0]);
    expect(catchConfigError(() => votingEnsemble([member, member], { nmae: 'x' } as never)).path).toBe('nmae');
    expect(catchConfigError(() => votingEnsemble([member])).path).toBe('models');
    expect(catchConfigError(() => majorityVote({ nam: 'x' } as never)).path).toBe('nam');
    expect(() => majorityVote().apply([tf.zeros([2, 3]), tf.zeros([2, 4])])).toThrow(/MajorityVote input 1/);
  });

  it('leaks no tensors when built, used and disposed', async () => {
    const members = [denseMember([[1, 0]], [0, 0]), denseMember([[0, 1]], [0, 0]), denseMember([[1]], [0], 'sigmoid')];
    const x = tf.tensor2d([[1], [-1]]);
    await expectNoTensorLeaks(() => {
      for (const pair of [members.slice(0, 2), [members[2]!, members[2]!]]) {
        const ensemble = votingEnsemble(pair);
        (ensemble.predict(x) as tf.Tensor).dispose();
        ensemble.dispose();
      }
    });
  });
});
