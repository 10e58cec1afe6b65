import { ConfigError, type ConfigErrorDetails } from '@dl/errors';

/**
 * The error for a bad argument (not an option): a {@link ConfigError} of `@dl/data` whose
 * `path` names the argument and, for arrays, the offending element (`sequences.2.0`).
 * Hand-written checks rather than a valibot schema, because arguments can hold millions of
 * numbers and a schema would copy them all. `details` adds the other fields of a rule between
 * several fields (`related`) or what holds the path (`subject`, e.g. `'vocabulary JSON'`).
 */
export function invalidInput(
  path: string,
  value: unknown,
  expected: string,
  details: Pick<ConfigErrorDetails, 'related' | 'subject'> = {},
): ConfigError {
  return new ConfigError({ package: 'data', path, value, expected, ...details });
}

/** True for arrays and typed arrays (not `DataView`); elements are checked by the caller. */
export function isArrayOrTypedArray(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}
