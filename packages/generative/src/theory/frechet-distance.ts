import { ConfigError } from '@dl/core';
import { requireFiniteArray, requireMatrix } from './check-args.js';
import { matrixMultiply, symmetricEigen } from './symmetric-eigen.js';

/**
 * The squared Fréchet (2-Wasserstein) distance between two Gaussians, the formula behind FID:
 * `‖μ₁ - μ₂‖² + tr(Σ₁ + Σ₂ - 2 (Σ₁^{1/2} Σ₂ Σ₁^{1/2})^{1/2})`, computed in float64 with symmetric
 * eigen-decompositions (tr((Σ₁Σ₂)^{1/2}) equals the trace of the symmetric form used here). FID
 * applies it to the mean and covariance of Inception features of real and generated images; in
 * one dimension it is (μ₁ - μ₂)² + (σ₁ - σ₂)², so a generator with the right mean but collapsed
 * variance is still penalized.
 *
 * @param mean1 - μ₁.
 * @param cov1 - Σ₁, symmetric positive semi-definite, d × d.
 * @param mean2 - μ₂.
 * @param cov2 - Σ₂.
 * @returns the squared distance, ≥ 0.
 * @throws ConfigError for mismatched sizes, a non-square or non-symmetric covariance.
 * @example
 * ```ts
 * import { frechetGaussianDistance } from '@dl/generative';
 * frechetGaussianDistance([0], [[1]], [0], [[0.25]]); // 0.25 (= (1 - 0.5)²)
 * frechetGaussianDistance([0, 0], [[1, 0], [0, 1]], [3, 4], [[1, 0], [0, 1]]); // 25
 * ```
 */
export function frechetGaussianDistance(
  mean1: readonly number[],
  cov1: readonly (readonly number[])[],
  mean2: readonly number[],
  cov2: readonly (readonly number[])[],
): number {
  const where = 'frechetGaussianDistance';
  const m1 = requireFiniteArray(mean1, 'mean1', where);
  const m2 = requireFiniteArray(mean2, 'mean2', where);
  const d = m1.length;
  if (m2.length !== d) throw new ConfigError({ package: 'generative', path: 'mean2', value: mean2, expected: `${d} values, as many as mean1 (${where})` });
  const s1 = requireCovariance(cov1, 'cov1', d, where);
  const s2 = requireCovariance(cov2, 'cov2', d, where);
  const root1 = symmetricSqrt(s1);
  const middle = matrixMultiply(matrixMultiply(root1, s2), root1);
  const symmetric = middle.map((row, i) => row.map((x, j) => (x + middle[j]![i]!) / 2));
  const traceRoot = symmetricEigen(symmetric).values.reduce((sum, lambda) => sum + Math.sqrt(Math.max(lambda, 0)), 0);
  let meanTerm = 0;
  let trace = 0;
  for (let i = 0; i < d; i += 1) {
    meanTerm += (m1[i]! - m2[i]!) ** 2;
    trace += s1[i]![i]! + s2[i]![i]!;
  }
  return Math.max(meanTerm + trace - 2 * traceRoot, 0);
}

/** A^{1/2} of a symmetric PSD matrix (negative rounding noise in the eigenvalues is clamped to 0). */
function symmetricSqrt(a: readonly (readonly number[])[]): number[][] {
  const { values, vectors } = symmetricEigen(a);
  const n = a.length;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => values.reduce((sum, lambda, k) => sum + vectors[i]![k]! * Math.sqrt(Math.max(lambda, 0)) * vectors[j]![k]!, 0)),
  );
}

function requireCovariance(value: unknown, path: string, d: number, where: string): readonly (readonly number[])[] {
  const m = requireMatrix(value, path, where);
  const scale = Math.max(1, ...m.map((row) => Math.max(...row.map(Math.abs))));
  const ok = m.length === d && m[0]!.length === d && m.every((row, i) => row.every((x, j) => Math.abs(x - m[j]![i]!) <= 1e-9 * scale));
  if (!ok) throw new ConfigError({ package: 'generative', path, value, expected: `a symmetric ${d} x ${d} covariance matrix (${where})` });
  return m;
}
