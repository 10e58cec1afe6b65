import { ConfigError } from '@dl/core';

/**
 * Argument checks shared by the float64 theory functions: each throws a ConfigError that names
 * the argument, the function and what is allowed. Internal; not exported from the package.
 */

const PACKAGE = 'transfer-fusion';

/** An array (or typed array) of finite numbers with at least `minLength` entries. */
export function requireFiniteArray(value: unknown, path: string, where: string, minLength = 1): number[] {
  const ok =
    (Array.isArray(value) || ArrayBuffer.isView(value)) &&
    (value as ArrayLike<unknown>).length >= minLength &&
    Array.from(value as ArrayLike<unknown>).every((x) => typeof x === 'number' && Number.isFinite(x));
  if (!ok) throw new ConfigError({ package: PACKAGE, path, value, expected: `an array of at least ${minLength} finite number(s) (${where})` });
  return Array.from(value as ArrayLike<number>);
}

/** A finite number in [min, max] (or (min, max] when `openMin`). */
export function requireNumberIn(value: unknown, path: string, where: string, min: number, max: number, openMin = false): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && (openMin ? value > min : value >= min) && value <= max;
  if (!ok) throw new ConfigError({ package: PACKAGE, path, value, expected: `a number in ${openMin ? '(' : '['}${min}, ${max}] (${where})` });
  return value as number;
}

/** A finite number > 0. */
export function requirePositive(value: unknown, path: string, where: string): number {
  if (!(typeof value === 'number' && Number.isFinite(value) && value > 0)) {
    throw new ConfigError({ package: PACKAGE, path, value, expected: `a finite number > 0 (${where})` });
  }
  return value;
}

/** An integer in [min, max]. */
export function requireIntegerIn(value: unknown, path: string, where: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!(Number.isInteger(value) && (value as number) >= min && (value as number) <= max)) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in [${min}, ${max}]`;
    throw new ConfigError({ package: PACKAGE, path, value, expected: `an integer ${range} (${where})` });
  }
  return value as number;
}

/** `values` has exactly `length` entries, like `reference`. */
export function requireSameLength(values: ArrayLike<unknown>, length: number, path: string, reference: string, where: string): void {
  if (values.length !== length) {
    throw new ConfigError({ package: PACKAGE, path, value: values, expected: `${length} entries, as many as ${reference} (${where})`, related: { [reference]: length } });
  }
}

/** Non-negative weights that sum to 1 (within 1e-9). */
export function requireConvexWeights(value: unknown, path: string, where: string): number[] {
  const weights = requireFiniteArray(value, path, where);
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (weights.some((w) => w < 0) || Math.abs(total - 1) > 1e-9) {
    throw new ConfigError({ package: PACKAGE, path, value, expected: `non-negative weights that sum to 1 (${where}); got a sum of ${total}` });
  }
  return weights;
}

/** A matrix: a non-empty array of equally long, non-empty rows of finite numbers. */
export function requireMatrix(value: unknown, path: string, where: string): number[][] {
  const rows: unknown[] = Array.isArray(value) ? value : [];
  const width = Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : 0;
  const ok =
    rows.length > 0 &&
    width > 0 &&
    rows.every((row) => Array.isArray(row) && row.length === width && row.every((x: unknown) => typeof x === 'number' && Number.isFinite(x)));
  if (!ok) throw new ConfigError({ package: PACKAGE, path, value, expected: `a non-empty array of equally long rows of finite numbers (${where})` });
  return (rows as number[][]).map((row) => [...row]);
}

/** A plain options object whose keys are all in `allowed`; an unknown (misspelled) key is an error. */
export function requireOptions(value: unknown, allowed: readonly string[], where: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError({ package: PACKAGE, path: '', value, expected: `an options object with keys ${allowed.join(', ')} (${where})` });
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new ConfigError({ package: PACKAGE, path: key, value: (value as Record<string, unknown>)[key], expected: `no such option; ${where} takes ${allowed.join(', ')}` });
    }
  }
  return value as Record<string, unknown>;
}

/** Throws a ConfigError for `path` with the given expectation. */
export function fail(path: string, value: unknown, expected: string, related?: Record<string, unknown>): never {
  throw new ConfigError({ package: PACKAGE, path, value, expected, ...(related === undefined ? {} : { related }) });
}
