import { fail, requireIntegerIn, requireNumberIn } from './check-args.js';

/**
 * The accuracy of a majority vote of `n` independent binary voters that are each right with
 * probability `p` (Condorcet's jury theorem): `P(majority right) = Σ_{k > n/2} C(n, k) p^k (1-p)^(n-k)`.
 * For p > ½ it rises towards 1 as n grows, for p < ½ it falls towards 0, and p = ½ gives ½. Real
 * ensemble members make correlated errors, so this is an upper bound on what voting gains.
 * The sum runs in log space, so n in the thousands does not overflow.
 *
 * @param p - each voter's accuracy, in [0, 1].
 * @param n - the number of voters, an odd integer ≥ 1 (no ties).
 * @returns the probability that more than half the voters are right.
 * @throws ConfigError when p is outside [0, 1] or n is not an odd positive integer.
 * @example
 * ```ts
 * import { majorityVoteAccuracy } from '@dl/transfer-fusion';
 * majorityVoteAccuracy(0.7, 3); // 0.784
 * majorityVoteAccuracy(0.7, 5); // 0.83692
 * majorityVoteAccuracy(0.4, 5); // 0.31744: worse than one voter
 * ```
 */
export function majorityVoteAccuracy(p: number, n: number): number {
  const where = 'majorityVoteAccuracy';
  const accuracy = requireNumberIn(p, 'p', where, 0, 1);
  const voters = requireIntegerIn(n, 'n', where, 1);
  if (voters % 2 === 0) fail('n', n, `an odd number of voters, so that there are no ties (${where})`);
  if (accuracy === 0 || accuracy === 1) return accuracy;
  const logP = Math.log(accuracy);
  const logQ = Math.log1p(-accuracy);
  let logBinomial = 0; // log C(n, 0)
  let total = 0;
  for (let k = 0; k <= voters; k += 1) {
    if (2 * k > voters) total += Math.exp(logBinomial + k * logP + (voters - k) * logQ);
    logBinomial += Math.log(voters - k) - Math.log(k + 1);
  }
  return Math.min(total, 1);
}
