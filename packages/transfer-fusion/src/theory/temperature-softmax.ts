import { requireFiniteArray, requirePositive } from './check-args.js';

/**
 * The softmax of `logits / temperature` in float64: `p_i = exp(z_i / T) / Σ_j exp(z_j / T)`.
 * T = 1 is the ordinary softmax; T > 1 flattens the distribution (T → ∞ gives the uniform
 * distribution), T < 1 sharpens it towards the arg max. Knowledge distillation reads a teacher's
 * "dark knowledge" (how much more alike some wrong classes are than others) from these softened
 * probabilities. Computed as `exp(z_i/T - max_j z_j/T)` so that large logits do not overflow.
 *
 * @param logits - the logits z, at least one.
 * @param temperature - T > 0.
 * @returns the probabilities, summing to 1.
 * @throws ConfigError when `logits` is not an array of finite numbers or `temperature` is not > 0.
 * @example
 * ```ts
 * import { softmaxWithTemperature } from '@dl/transfer-fusion';
 * softmaxWithTemperature([2, 1, 0], 1); // [0.665, 0.245, 0.090]
 * softmaxWithTemperature([2, 1, 0], 4); // [0.419, 0.326, 0.254]
 * ```
 */
export function softmaxWithTemperature(logits: readonly number[], temperature: number): number[] {
  const z = requireFiniteArray(logits, 'logits', 'softmaxWithTemperature');
  const t = requirePositive(temperature, 'temperature', 'softmaxWithTemperature');
  return softmaxOf(z, t);
}

/** Unchecked softmax of z / t (for callers that already validated). */
export function softmaxOf(z: readonly number[], t: number): number[] {
  const scaled = z.map((v) => v / t);
  const max = Math.max(...scaled);
  const exps = scaled.map((v) => Math.exp(v - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** Unchecked log-softmax of z / t: `z_i/t - logΣ_j exp(z_j/t)`, stable for large logits. */
export function logSoftmaxOf(z: readonly number[], t: number): number[] {
  const scaled = z.map((v) => v / t);
  const max = Math.max(...scaled);
  const logTotal = max + Math.log(scaled.reduce((sum, v) => sum + Math.exp(v - max), 0));
  return scaled.map((v) => v - logTotal);
}
