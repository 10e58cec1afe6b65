import { ConfigError } from './config-error.js';

/** Runs `fn` and returns the ConfigError it throws; anything else, or nothing, fails the test. */
export function catchConfigError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError, but nothing was thrown.');
}
