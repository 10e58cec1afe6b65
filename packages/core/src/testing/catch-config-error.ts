import { ConfigError } from '../errors/config-error.js';
import { TensorAssertionError } from './assertion-error.js';

/**
 * Runs `fn` and returns the {@link ConfigError} it throws, so a test can check the field,
 * the value and what is allowed. Anything else thrown is rethrown; nothing thrown fails.
 *
 * @param fn - code expected to reject its options.
 * @returns the ConfigError.
 * @throws {@link TensorAssertionError} when `fn` throws nothing.
 * @example
 * ```ts
 * import { catchConfigError } from '@dl/core/testing';
 * const error = catchConfigError(() => createClassifier({ units: 0 }));
 * error.path; // 'units'
 * ```
 */
export function catchConfigError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (ConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new TensorAssertionError('expected a ConfigError, but nothing was thrown.');
}
