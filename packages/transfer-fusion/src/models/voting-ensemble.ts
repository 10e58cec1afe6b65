import * as tf from '@tensorflow/tfjs';
import { parseOptions } from '@dl/core';
import * as v from 'valibot';
import { MajorityVote } from '../layers/majority-vote.js';
import { applyMemberCopies, classScoresWidth, packageName, parseMembers } from './ensemble-members.js';

/** Options of {@link votingEnsemble}. */
export interface VotingEnsembleOptions {
  /** Name of the ensemble model. Default `'voting_ensemble'`. */
  readonly name?: string;
}

/**
 * Hard voting: a model that feeds its input to every member and returns, for each class, the
 * fraction of members whose predicted class (argmax) it is: `[batch, numClasses]` vote shares
 * that sum to 1. `tf.argMax(output, -1)` is the majority class; on a tie it returns the first
 * maximum, so **ties go to the lowest class id** (scikit-learn's rule for
 * `VotingClassifier(voting='hard')`). With an even number of members ties are common: prefer an
 * odd number, or soft voting ({@link averageEnsemble}), which also uses the members' confidence.
 *
 * Binary members with one sigmoid unit (`[batch, 1]`) are supported: each votes for class 1 when
 * its output is > 0.5, else class 0, and the ensemble outputs `[batch, 2]` shares.
 *
 * As {@link averageEnsemble}, it holds frozen copies of the members (renamed `member{i}_…`),
 * is for inference, and saves and loads like any model (the vote is a {@link MajorityVote} layer).
 *
 * @param models - the members: at least two classifiers with one input and one output
 * `[batch, numClasses]` (or `[batch, 1]` sigmoid); all inputs of one shape, all outputs of one shape.
 * @param options - see {@link VotingEnsembleOptions}.
 * @param options.name - the model's name.
 * @returns the ensemble: input as the members', output the vote shares `[batch, numClasses]`.
 * @throws ConfigError naming `models` or a misspelled option; ShapeError naming `models[i]` and both
 * shapes when member `i`'s shapes differ from member 0's, or when the outputs are not `[batch, classes]`.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { votingEnsemble } from '@dl/transfer-fusion';
 * const ensemble = votingEnsemble([cnnA, cnnB, cnnC]);
 * const shares = ensemble.predict(images) as tf.Tensor; // [n, 10], e.g. [0, 0.667, 0.333, 0, ...]
 * const classes = shares.argMax(-1); // the majority class, ties to the lowest id
 * ```
 */
export function votingEnsemble(models: readonly tf.LayersModel[], options: VotingEnsembleOptions = {}): tf.LayersModel {
  const info = parseMembers(models);
  const o = parseOptions(v.strictObject({ name: v.optional(v.pipe(v.string(), v.minLength(1)), 'voting_ensemble') }), options, { package: packageName });
  classScoresWidth(info, true);
  const { input, outputs } = applyMemberCopies(info);
  const output = new MajorityVote({ name: 'hard_vote' }).apply(outputs) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output, name: o.name });
}
