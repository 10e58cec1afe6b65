import { requireMatrix } from './check-args.js';
import { matrixMultiply, symmetricEigen, transpose } from './symmetric-eigen.js';

/**
 * The spectral norm σ_max(W), the largest singular value of a matrix, computed exactly (float64,
 * as √λ_max(WᵀW)). It is the L2 Lipschitz constant of x ↦ Wx; a network of such layers and
 * 1-Lipschitz activations (ReLU, LeakyReLU with slope ≤ 1) has Lipschitz constant at most the
 * product of its layers' spectral norms, which spectral normalization sets to 1 by dividing each
 * W by σ_max(W) (estimated there by one power-iteration step per training step).
 *
 * @param matrix - W, rows × columns.
 * @returns σ_max(W) ≥ 0.
 * @throws ConfigError when `matrix` is not a non-empty array of equally long rows of finite numbers.
 * @example
 * ```ts
 * import { spectralNorm } from '@dl/generative';
 * spectralNorm([[2, 1], [1, 2]]); // 3
 * spectralNorm([[0.01, 0.01], [0.01, 0.01]]); // 0.02: a clipped 2 x 2 layer at its largest
 * ```
 */
export function spectralNorm(matrix: readonly (readonly number[])[]): number {
  const w = requireMatrix(matrix, 'matrix', 'spectralNorm');
  const gram = matrixMultiply(transpose(w), w);
  return Math.sqrt(Math.max(0, ...symmetricEigen(gram).values));
}
