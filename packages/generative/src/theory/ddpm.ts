import { ConfigError } from '@dl/core';
import { requireFiniteArray, requireNumberIn } from './check-args.js';

/**
 * The cumulative products `ᾱ_t = Π_{s ≤ t} (1 - β_s)` of a DDPM noise schedule, for t = 1..T
 * (index t - 1 holds ᾱ_t). ᾱ_t is the share of the signal's variance left at step t; the
 * signal-to-noise ratio is ᾱ_t / (1 - ᾱ_t).
 *
 * @param betas - β_1..β_T, each in (0, 1).
 * @returns ᾱ_1..ᾱ_T, decreasing.
 * @throws ConfigError when a β is outside (0, 1).
 * @example
 * ```ts
 * import { ddpmAlphaBars } from '@dl/generative';
 * ddpmAlphaBars([0.1, 0.2, 0.5]); // [0.9, 0.72, 0.36]
 * ```
 */
export function ddpmAlphaBars(betas: readonly number[]): number[] {
  const b = requireBetas(betas, 'ddpmAlphaBars');
  const out: number[] = [];
  let product = 1;
  for (const beta of b) {
    product *= 1 - beta;
    out.push(product);
  }
  return out;
}

/**
 * The DDPM forward marginal in closed form, `q(x_t | x_0) = N(√ᾱ_t x_0, (1 - ᾱ_t) I)`, so that
 * `x_t = √ᾱ_t x_0 + √(1 - ᾱ_t) ε` can be drawn in one step instead of t. It follows from
 * iterating `x_t = √(1 - β_t) x_{t-1} + √β_t ε_t`: the means multiply by √α_t and the variances
 * follow `v_t = α_t v_{t-1} + β_t`, whose solution from v_0 = 0 is 1 - ᾱ_t.
 *
 * @param x0 - the clean sample x_0.
 * @param alphaBar - ᾱ_t in (0, 1] (from {@link ddpmAlphaBars}).
 * @returns the mean √ᾱ_t x_0 (per element) and the shared variance 1 - ᾱ_t.
 * @throws ConfigError for non-finite x0 or ᾱ outside (0, 1].
 * @example
 * ```ts
 * import { ddpmMarginal } from '@dl/generative';
 * ddpmMarginal([1, -2], 0.36); // { mean: [0.6, -1.2], variance: 0.64 }
 * ```
 */
export function ddpmMarginal(x0: readonly number[], alphaBar: number): { mean: number[]; variance: number } {
  const x = requireFiniteArray(x0, 'x0', 'ddpmMarginal');
  const a = requireNumberIn(alphaBar, 'alphaBar', 'ddpmMarginal', 0, 1, true);
  const scale = Math.sqrt(a);
  return { mean: x.map((v) => scale * v), variance: 1 - a };
}

/**
 * The DDPM forward-process posterior `q(x_{t-1} | x_t, x_0) = N(μ̃_t, β̃_t I)`, Gaussian because
 * both factors of Bayes' rule are: `μ̃_t = (√ᾱ_{t-1} β_t / (1 - ᾱ_t)) x_0 + (√α_t (1 - ᾱ_{t-1}) / (1 - ᾱ_t)) x_t`
 * and `β̃_t = (1 - ᾱ_{t-1}) β_t / (1 - ᾱ_t)` (ᾱ_0 = 1). The reverse model p_θ(x_{t-1} | x_t) is
 * matched to it; writing x_0 through the predicted noise turns that KL into a weighted
 * `‖ε - ε_θ(x_t, t)‖²`, the DDPM loss.
 *
 * @param options.x0 - x_0.
 * @param options.xt - x_t, as many values as x0.
 * @param options.t - the step, 1..T (1-based, as in the paper).
 * @param options.betas - β_1..β_T.
 * @returns the posterior mean (per element) and variance β̃_t.
 * @throws ConfigError for a t outside 1..T, β outside (0, 1) or mismatched lengths.
 * @example
 * ```ts
 * import { ddpmPosterior } from '@dl/generative';
 * ddpmPosterior({ x0: [1], xt: [0.5], t: 2, betas: [0.1, 0.2] });
 * // { mean: [0.8374], variance: 0.0714 }  (β̃ = 0.1 · 0.2 / 0.28)
 * ```
 */
export function ddpmPosterior(options: { x0: readonly number[]; xt: readonly number[]; t: number; betas: readonly number[] }): { mean: number[]; variance: number } {
  const where = 'ddpmPosterior';
  if (typeof options !== 'object' || options === null) throw new ConfigError({ package: 'generative', path: '', value: options, expected: `{ x0, xt, t, betas } (${where})` });
  const betas = requireBetas(options.betas, where);
  const x0 = requireFiniteArray(options.x0, 'x0', where);
  const xt = requireFiniteArray(options.xt, 'xt', where);
  if (xt.length !== x0.length) throw new ConfigError({ package: 'generative', path: 'xt', value: options.xt, expected: `${x0.length} values, as many as x0 (${where})` });
  const t = options.t;
  if (!Number.isInteger(t) || t < 1 || t > betas.length) throw new ConfigError({ package: 'generative', path: 't', value: t, expected: `an integer step from 1 to ${betas.length} (${where})` });
  const alphaBars = ddpmAlphaBars(betas);
  const beta = betas[t - 1]!;
  const alphaBar = alphaBars[t - 1]!;
  const alphaBarPrev = t === 1 ? 1 : alphaBars[t - 2]!;
  const c0 = (Math.sqrt(alphaBarPrev) * beta) / (1 - alphaBar);
  const ct = (Math.sqrt(1 - beta) * (1 - alphaBarPrev)) / (1 - alphaBar);
  return { mean: x0.map((v, i) => c0 * v + ct * xt[i]!), variance: ((1 - alphaBarPrev) * beta) / (1 - alphaBar) };
}

function requireBetas(betas: unknown, where: string): readonly number[] {
  const b = requireFiniteArray(betas, 'betas', where);
  if (b.some((beta) => beta <= 0 || beta >= 1)) throw new ConfigError({ package: 'generative', path: 'betas', value: betas, expected: `values in (0, 1) (${where})` });
  return b;
}
