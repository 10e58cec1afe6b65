/**
 * float64 references for GELU, written from the definitions (not from tfjs's kernels, whose
 * cpu `erf` is the Abramowitz–Stegun 7.1.26 fit, accurate only to 1.5e-7).
 */

/**
 * erf(x) in float64 from the everywhere-positive series
 * erf(x) = 2/√π · e^{-x²} · Σₙ 2ⁿ x^{2n+1} / (1·3·5···(2n+1)),
 * which has no cancellation, so its relative error stays near n·2⁻⁵³ (about 1e-14 here).
 * Beyond |x| = 6, erf(x) = ±1 to within 2e-17.
 */
export function erf64(x: number): number {
  if (Math.abs(x) > 6) return Math.sign(x);
  let term = x;
  let sum = x;
  for (let n = 1; n < 500 && Math.abs(term) > 1e-18 * Math.abs(sum); n++) {
    term *= (2 * x * x) / (2 * n + 1);
    sum += term;
  }
  return (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
}

/** Standard normal CDF Φ(x). */
export function normalCdf64(x: number): number {
  return 0.5 * (1 + erf64(x / Math.SQRT2));
}

/** Exact GELU x·Φ(x). */
export function gelu64(x: number): number {
  return x * normalCdf64(x);
}

/** d/dx x·Φ(x) = Φ(x) + x·φ(x). */
export function gelu64Derivative(x: number): number {
  return normalCdf64(x) + (x * Math.exp(-0.5 * x * x)) / Math.sqrt(2 * Math.PI);
}

/** The tanh approximation 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). */
export function geluTanh64(x: number): number {
  return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
}
