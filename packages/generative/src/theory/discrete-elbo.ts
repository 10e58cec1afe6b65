import { requireDistribution, requireFiniteArray, requireSameLength } from './check-args.js';
import { ConfigError } from '@dl/core';

/**
 * The evidence lower bound for one observation x of a model with a discrete latent z:
 * `ELBO(q) = Σ_z q(z) [log p(x | z) + log p(z) - log q(z)]`, in nats. Small enough to check the
 * VAE identity `log p(x) = ELBO(q) + KL(q(z) ‖ p(z | x))` exactly: the bound is tight iff q is
 * the true posterior, and when p(x | z) does not depend on z (a decoder that ignores z) the best
 * q is the prior, KL(q ‖ p(z)) = 0 and the ELBO equals log p(x): posterior collapse costs nothing
 * in the bound.
 *
 * @param prior - p(z), a distribution over K latent values.
 * @param likelihood - p(x | z) for the observed x, one value in [0, ∞) per z (a probability or a density).
 * @param posterior - the approximate posterior q(z | x), a distribution over the same K values.
 * @returns the ELBO (≤ log p(x)); `-Infinity` when q puts mass where p(x, z) = 0.
 * @throws ConfigError for non-distributions, negative likelihoods or mismatched lengths.
 * @example
 * ```ts
 * import { discreteLatentElbo } from '@dl/generative';
 * discreteLatentElbo([0.5, 0.5], [0.8, 0.2], [0.5, 0.5]); // -0.9163, while log p(x) = log 0.5 = -0.6931
 * discreteLatentElbo([0.5, 0.5], [0.8, 0.2], [0.8, 0.2]); // -0.6931: q = p(z | x) closes the gap
 * ```
 */
export function discreteLatentElbo(prior: readonly number[], likelihood: readonly number[], posterior: readonly number[]): number {
  const where = 'discreteLatentElbo';
  const p = requireDistribution(prior, 'prior', where);
  const lik = requireFiniteArray(likelihood, 'likelihood', where);
  if (lik.some((v) => v < 0)) throw new ConfigError({ package: 'generative', path: 'likelihood', value: likelihood, expected: `values >= 0 (${where})` });
  const q = requireDistribution(posterior, 'posterior', where);
  requireSameLength(lik, p.length, 'likelihood', 'prior', where);
  requireSameLength(q, p.length, 'posterior', 'prior', where);
  let total = 0;
  for (let z = 0; z < p.length; z += 1) {
    if (q[z] === 0) continue;
    total += q[z]! * (Math.log(lik[z]! * p[z]!) - Math.log(q[z]!));
  }
  return total;
}
