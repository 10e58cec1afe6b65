import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { distillationGradient, distillationLoss, type DistillationOptions } from './distillation.js';

/** Reference loss, written from Hinton et al.'s definition with plain exp/log (no max shift). */
function referenceLoss(z: readonly number[], v: readonly number[], t: number, alpha: number, label?: number): number {
  const soft = (x: readonly number[], temp: number): number[] => {
    const e = x.map((xi) => Math.exp(xi / temp));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((ei) => ei / s);
  };
  const p = soft(v, t);
  const q = soft(z, t);
  const kl = p.reduce((sum, pi, i) => sum + pi * Math.log(pi / q[i]!), 0);
  const ce = label === undefined ? 0 : -Math.log(soft(z, 1)[label]!);
  return alpha * t * t * kl + (1 - alpha) * ce;
}

/** Central finite differences of distillationLoss with respect to the student logits. */
function finiteDifferenceGradient(options: DistillationOptions, h = 1e-5): number[] {
  return options.studentLogits.map((_, i) => {
    const shift = (d: number): number[] => options.studentLogits.map((x, j) => (j === i ? x + d : x));
    return (distillationLoss({ ...options, studentLogits: shift(h) }) - distillationLoss({ ...options, studentLogits: shift(-h) })) / (2 * h);
  });
}

const norm = (x: readonly number[]): number => Math.sqrt(x.reduce((s, xi) => s + xi * xi, 0));

describe('distillationLoss', () => {
  it('equals alpha T² KL(p^T ‖ q^T) + (1 - alpha) CE written from the definition', () => {
    const cases: [number[], number[], number, number, number | undefined][] = [
      [[1, 0, 0], [2, 1, 0], 2, 0.5, 0],
      [[0.3, -1.2, 2.5, 0.1], [1.5, 0.2, -0.7, 0.9], 4, 0.9, 2],
      [[0.3, -1.2, 2.5, 0.1], [1.5, 0.2, -0.7, 0.9], 1, 0, 3],
      [[-3, 4], [5, -5], 10, 1, undefined],
    ];
    for (const [z, v, t, alpha, label] of cases) {
      expect(distillationLoss({ studentLogits: z, teacherLogits: v, label, temperature: t, alpha })).toBeCloseTo(referenceLoss(z, v, t, alpha, label), 12);
    }
    // The value quoted in the TSDoc example.
    expect(distillationLoss({ studentLogits: [1, 0, 0], teacherLogits: [2, 1, 0], label: 0, temperature: 2, alpha: 0.5 })).toBeCloseTo(0.3176, 4);
  });

  it('is 0 when the student copies the teacher (alpha = 1) and stays finite for logits that overflow exp', () => {
    expect(distillationLoss({ studentLogits: [3, -1, 0.5], teacherLogits: [3, -1, 0.5], temperature: 3, alpha: 1 })).toBeCloseTo(0, 14);
    const big = distillationLoss({ studentLogits: [800, 0], teacherLogits: [0, 800], temperature: 1, alpha: 1 });
    expect(big).toBeCloseTo(800, 8);
  });

  it('rejects bad options, naming the field', () => {
    const ok: DistillationOptions = { studentLogits: [1, 2], teacherLogits: [2, 1], label: 1, temperature: 2, alpha: 0.5 };
    expect(catchConfigError(() => distillationLoss({ ...ok, teacherLogits: [1, 2, 3] })).path).toBe('teacherLogits');
    expect(catchConfigError(() => distillationLoss({ ...ok, temperature: 0 })).path).toBe('temperature');
    expect(catchConfigError(() => distillationLoss({ ...ok, alpha: 1.5 })).path).toBe('alpha');
    expect(catchConfigError(() => distillationLoss({ ...ok, label: 2 })).path).toBe('label');
    expect(catchConfigError(() => distillationLoss({ ...ok, label: undefined })).path).toBe('label');
    expect(catchConfigError(() => distillationLoss({ ...ok, temprature: 2 } as unknown as DistillationOptions)).path).toBe('temprature');
    expect(catchConfigError(() => distillationGradient({ ...ok, studentLogits: [1] })).path).toBe('studentLogits');
  });
});

describe('distillationGradient', () => {
  it('matches central finite differences of the loss (soft, hard and mixed terms, T from 0.5 to 20)', () => {
    const z = [0.3, -1.2, 2.5, 0.1, -0.4];
    const v = [1.5, 0.2, -0.7, 0.9, 0.0];
    for (const t of [0.5, 1, 3, 20]) {
      for (const alpha of [0, 0.3, 1]) {
        const options = { studentLogits: z, teacherLogits: v, label: 1, temperature: t, alpha };
        const analytic = distillationGradient(options);
        finiteDifferenceGradient(options).forEach((g, i) => expect(analytic[i]).toBeCloseTo(g, 7));
      }
    }
  });

  it('the T² factor keeps the soft gradient magnitude about constant as T grows; without it the gradient falls as 1/T²', () => {
    const z = [1, -2, 0.5, 0.5];
    const v = [2, 0, -1, -1];
    const withFactor = [5, 10, 20, 40, 80].map((t) => norm(distillationGradient({ studentLogits: z, teacherLogits: v, temperature: t, alpha: 1 })));
    // Within 10% of each other from T = 5 to T = 80 ...
    expect(Math.max(...withFactor) / Math.min(...withFactor)).toBeLessThan(1.1);
    // ... while the gradient of the bare KL (divide by T²) falls 4× per doubling of T.
    const bare = [20, 40, 80].map((t, i) => withFactor[i + 2]! / (t * t));
    for (const ratio of [bare[0]! / bare[1]!, bare[1]! / bare[2]!]) {
      expect(ratio).toBeGreaterThan(3.9);
      expect(ratio).toBeLessThan(4.1);
    }
  });

  it('approaches logit matching (z - v)/N for large T when the logits are zero-mean (Hinton §2.1)', () => {
    const z = [1, -2, 0.5, 0.5];
    const v = [2, 0, -1, -1];
    const n = z.length;
    const limit = z.map((zi, i) => (zi - v[i]!) / n);
    const errorAt = (t: number): number => {
      const g = distillationGradient({ studentLogits: z, teacherLogits: v, temperature: t, alpha: 1 });
      return norm(g.map((gi, i) => gi - limit[i]!)) / norm(limit);
    };
    expect(errorAt(1)).toBeGreaterThan(0.3);
    expect(errorAt(100)).toBeLessThan(0.02);
    expect(errorAt(1000)).toBeLessThan(0.002);
    // The error shrinks like 1/T.
    expect(errorAt(100) / errorAt(1000)).toBeCloseTo(10, 0);
  });
});

describe('the TSDoc example of distillationGradient', () => {
  it('gives the quoted numbers', () => {
    const g = distillationGradient({ studentLogits: [1, -1, 0], teacherLogits: [2, 0, -2], temperature: 100, alpha: 1 });
    [-0.335, -0.328, 0.663].forEach((x, i) => expect(g[i]).toBeCloseTo(x, 3));
  });
});

describe('the numbers quoted in the chapter’s questions', () => {
  it('teacher (2, 1, 0), student (1, 0, 0), label 0, T = 2, alpha = ½: loss 0.3176 and gradient (-0.2666, 0.0728, 0.1937)', () => {
    const options = { studentLogits: [1, 0, 0], teacherLogits: [2, 1, 0], label: 0, temperature: 2, alpha: 0.5 };
    expect(distillationLoss({ ...options, alpha: 1 })).toBeCloseTo(0.0838, 4); // T² KL
    expect(distillationLoss({ ...options, alpha: 0 })).toBeCloseTo(0.5514, 4); // CE with the label
    [-0.2666, 0.0728, 0.1937].forEach((x, i) => expect(distillationGradient(options)[i]).toBeCloseTo(x, 4));
  });

  it('z = (1, -2, ½, ½), v = (2, 0, -1, -1): ‖T(q - p)‖ = 0.497, 0.713, 0.756, 0.768 at T = 1, 5, 20, 100, towards ‖(z - v)/4‖ = 0.771', () => {
    const z = [1, -2, 0.5, 0.5];
    const v = [2, 0, -1, -1];
    const norms = [1, 5, 20, 100].map((t) => norm(distillationGradient({ studentLogits: z, teacherLogits: v, temperature: t, alpha: 1 })));
    [0.497, 0.713, 0.756, 0.768].forEach((x, i) => expect(norms[i]).toBeCloseTo(x, 3));
    expect(norm(z.map((zi, i) => (zi - v[i]!) / 4))).toBeCloseTo(0.771, 3);
    // Without T²: the bare KL gradient (q - p)/T is 0.0285, 0.00189 and 7.7e-5 at T = 5, 20, 100.
    expect(norms[1]! / 25).toBeCloseTo(0.0285, 4);
    expect(norms[2]! / 400).toBeCloseTo(0.00189, 5);
    expect(norms[3]! / 10000).toBeCloseTo(7.7e-5, 6);
  });
});
