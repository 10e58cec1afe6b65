import { fail, requireFiniteArray, requireIntegerIn, requireNumberIn, requireOptions, requirePositive, requireSameLength } from './check-args.js';
import { logSoftmaxOf, softmaxOf } from './temperature-softmax.js';

/** Options of {@link distillationLoss} and {@link distillationGradient} (one example). */
export interface DistillationOptions {
  /** The student's logits z (one example). */
  readonly studentLogits: readonly number[];
  /** The teacher's logits v, as many as the student's. */
  readonly teacherLogits: readonly number[];
  /** The true class index, for the hard-label term; may be left out only when `alpha` is 1. */
  readonly label?: number;
  /** The distillation temperature T > 0, applied to both student and teacher in the soft term. */
  readonly temperature: number;
  /** The weight in [0, 1] of the soft term; the hard term gets 1 - alpha. */
  readonly alpha: number;
}

const KEYS = ['studentLogits', 'teacherLogits', 'label', 'temperature', 'alpha'] as const;

interface Parsed {
  readonly z: number[];
  readonly v: number[];
  readonly label: number | undefined;
  readonly t: number;
  readonly alpha: number;
}

function parse(options: DistillationOptions, where: string): Parsed {
  const o = requireOptions(options, KEYS, where);
  const z = requireFiniteArray(o.studentLogits, 'studentLogits', where, 2);
  const v = requireFiniteArray(o.teacherLogits, 'teacherLogits', where, 2);
  requireSameLength(v, z.length, 'teacherLogits', 'studentLogits', where);
  const t = requirePositive(o.temperature, 'temperature', where);
  const alpha = requireNumberIn(o.alpha, 'alpha', where, 0, 1);
  let label: number | undefined;
  if (o.label === undefined) {
    if (alpha !== 1) fail('label', undefined, `a class index: the hard-label term has weight 1 - alpha > 0 (${where})`, { alpha });
  } else {
    label = requireIntegerIn(o.label, 'label', where, 0, z.length - 1);
  }
  return { z, v, label, t, alpha };
}

/**
 * The knowledge-distillation loss of Hinton, Vinyals & Dean (2015) for one example, in float64:
 *
 * `L = alpha · T² · KL(p^T ‖ q^T) + (1 - alpha) · CE(y, q^1)`,
 *
 * with `p^T = softmax(v / T)` the teacher's and `q^T = softmax(z / T)` the student's softened
 * distributions. KL differs from the soft cross-entropy `-Σ p^T log q^T` only by the teacher's
 * entropy (a constant), so it has the same gradient and is 0 when the student matches the
 * teacher. The T² factor keeps the soft term's gradient, which shrinks as 1/T², comparable
 * to the hard term's as T changes (see {@link distillationGradient}).
 *
 * @param options.studentLogits - the student's logits z.
 * @param options.teacherLogits - the teacher's logits v (same length).
 * @param options.label - the true class, needed unless alpha = 1.
 * @param options.temperature - T > 0.
 * @param options.alpha - weight of the soft term, in [0, 1].
 * @returns the loss, ≥ 0.
 * @throws ConfigError for an unknown option, logits of different lengths, T ≤ 0, alpha outside
 *   [0, 1], or a label that is missing (alpha < 1) or not a class index.
 * @example
 * ```ts
 * import { distillationLoss } from '@dl/transfer-fusion';
 * distillationLoss({ studentLogits: [1, 0, 0], teacherLogits: [2, 1, 0], label: 0, temperature: 2, alpha: 0.5 });
 * // 0.5 · 4 · KL(softmax([1, .5, 0]) ‖ softmax([.5, 0, 0])) + 0.5 · (-log softmax([1, 0, 0])[0]) ≈ 0.3176
 * ```
 */
export function distillationLoss(options: DistillationOptions): number {
  const { z, v, label, t, alpha } = parse(options, 'distillationLoss');
  const p = softmaxOf(v, t);
  const logP = logSoftmaxOf(v, t);
  const logQ = logSoftmaxOf(z, t);
  let kl = 0;
  for (let i = 0; i < z.length; i += 1) kl += p[i]! * (logP[i]! - logQ[i]!);
  const soft = alpha * t * t * Math.max(kl, 0);
  const hard = label === undefined || alpha === 1 ? 0 : (1 - alpha) * -logSoftmaxOf(z, 1)[label]!;
  return soft + hard;
}

/**
 * The gradient of {@link distillationLoss} with respect to the student's logits, in float64:
 *
 * `∂L/∂z = alpha · T · (q^T - p^T) + (1 - alpha) · (q^1 - onehot(y))`.
 *
 * The soft term: `∂ KL(p^T ‖ q^T) / ∂z_i = (q^T_i - p^T_i) / T`, times T² gives `T (q^T - p^T)`.
 * For large T with zero-mean logits, `q^T_i ≈ (1 + z_i/T)/N`, so `T (q^T - p^T) → (z - v)/N`:
 * distillation becomes logit matching (Hinton et al. 2015, §2.1), and without the T² factor the
 * soft gradient would vanish as 1/T².
 *
 * @param options - as for {@link distillationLoss}.
 * @returns ∂L/∂z, one entry per logit.
 * @throws ConfigError as {@link distillationLoss}.
 * @example
 * ```ts
 * import { distillationGradient } from '@dl/transfer-fusion';
 * distillationGradient({ studentLogits: [1, -1, 0], teacherLogits: [2, 0, -2], temperature: 100, alpha: 1 });
 * // ≈ [-0.335, -0.328, 0.663], close to (z - v) / 3 = [-0.333, -0.333, 0.667]: logit matching
 * ```
 */
export function distillationGradient(options: DistillationOptions): number[] {
  const { z, v, label, t, alpha } = parse(options, 'distillationGradient');
  const p = softmaxOf(v, t);
  const q = softmaxOf(z, t);
  const q1 = softmaxOf(z, 1);
  return z.map((_, i) => {
    const soft = alpha * t * (q[i]! - p[i]!);
    const hard = label === undefined ? 0 : (1 - alpha) * (q1[i]! - (i === label ? 1 : 0));
    return soft + hard;
  });
}
