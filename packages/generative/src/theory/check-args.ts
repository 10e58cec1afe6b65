import { ConfigError } from '@dl/core';

/**
 * Argument checks shared by the float64 theory functions: each throws a ConfigError that names
 * the argument, the function and what is allowed. Internal; not exported from the package.
 */

/** An array (or typed array) of finite numbers with at least `minLength` entries. */
export function requireFiniteArray(value: unknown, path: string, where: string, minLength = 1): readonly number[] {
  const ok =
    (Array.isArray(value) || ArrayBuffer.isView(value)) &&
    (value as ArrayLike<unknown>).length >= minLength &&
    Array.from(value as ArrayLike<unknown>).every((x) => typeof x === 'number' && Number.isFinite(x));
  if (!ok) throw new ConfigError({ package: 'generative', path, value, expected: `an array of at least ${minLength} finite number(s) (${where})` });
  return Array.from(value as ArrayLike<number>);
}

/** Finite numbers that are all > 0 (variances, standard deviations). */
export function requirePositiveArray(value: unknown, path: string, where: string): readonly number[] {
  const array = requireFiniteArray(value, path, where);
  if (array.some((x) => x <= 0)) throw new ConfigError({ package: 'generative', path, value, expected: `numbers > 0 (${where})` });
  return array;
}

/** A probability vector: finite, non-negative entries that sum to 1 (within 1e-6). */
export function requireDistribution(value: unknown, path: string, where: string): readonly number[] {
  const array = requireFiniteArray(value, path, where);
  const total = array.reduce((sum, x) => sum + x, 0);
  if (array.some((x) => x < 0) || Math.abs(total - 1) > 1e-6) {
    throw new ConfigError({ package: 'generative', path, value, expected: `non-negative probabilities that sum to 1 (${where}); got a sum of ${total}` });
  }
  return array;
}

/** `value` has exactly `length` entries, like `reference`. */
export function requireSameLength(values: readonly number[], length: number, path: string, reference: string, where: string): void {
  if (values.length !== length) {
    throw new ConfigError({ package: 'generative', path, value: values, expected: `${length} entries, as many as ${reference} (${where})`, related: { [reference]: length } });
  }
}

/** A finite number in [min, max] (or (min, max] when `openMin`). */
export function requireNumberIn(value: unknown, path: string, where: string, min: number, max: number, openMin = false): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && (openMin ? value > min : value >= min) && value <= max;
  if (!ok) throw new ConfigError({ package: 'generative', path, value, expected: `a number in ${openMin ? '(' : '['}${min}, ${max}] (${where})` });
  return value as number;
}

/** A matrix: a non-empty array of equally long rows of finite numbers. */
export function requireMatrix(value: unknown, path: string, where: string): readonly (readonly number[])[] {
  const rows = Array.isArray(value) ? value : [];
  const width = Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : 0;
  const ok =
    rows.length > 0 &&
    width > 0 &&
    rows.every((row: unknown) => Array.isArray(row) && row.length === width && row.every((x: unknown) => typeof x === 'number' && Number.isFinite(x)));
  if (!ok) throw new ConfigError({ package: 'generative', path, value, expected: `a non-empty array of equally long rows of finite numbers (${where})` });
  return rows as number[][];
}

/** x · log(x / y) with the conventions 0 · log(0 / y) = 0 and x · log(x / 0) = +∞ for x > 0. */
export function xLogXOverY(x: number, y: number): number {
  if (x === 0) return 0;
  if (y === 0) return Number.POSITIVE_INFINITY;
  return x * Math.log(x / y);
}
