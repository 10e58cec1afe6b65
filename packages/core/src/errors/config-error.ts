import { DlError, type DlErrorOptions } from './dl-error.js';

/** Fields of a {@link ConfigError}. */
export interface ConfigErrorDetails extends DlErrorOptions {
  /** Dotted path of the offending option, e.g. `layers.0.units`. Empty for the options object itself. */
  readonly path: string;
  /** The value that was given. */
  readonly value: unknown;
  /** What is allowed, in words: `an integer >= 1`, `one of 'sgd', 'adam'`. */
  readonly expected: string;
  /** The option is required and was not given (the message says so). */
  readonly required?: boolean;
}

/**
 * An option given to a factory or function is missing, unknown, of the wrong type,
 * out of range, or inconsistent with another option. Raised before any tensor exists.
 *
 * @example
 * ```ts
 * import { ConfigError } from '@dl/core';
 * const e = new ConfigError({ package: 'recurrent', path: 'units', value: 0, expected: 'an integer >= 1' });
 * e.message; // "[@dl/recurrent] Invalid option 'units': expected an integer >= 1, got 0."
 * ```
 */
export class ConfigError extends DlError {
  readonly path: string;
  readonly value: unknown;
  readonly expected: string;

  constructor(details: ConfigErrorDetails) {
    const where = details.path === '' ? 'options' : `option '${details.path}'`;
    const message =
      details.required === true && details.value === undefined
        ? `Missing ${where}: it is required (${details.expected}).`
        : `Invalid ${where}: expected ${details.expected}, got ${describeValue(details.value)}.`;
    super('config', message, details);
    this.name = 'ConfigError';
    this.path = details.path;
    this.value = details.value;
    this.expected = details.expected;
  }

  /** True when `error` is a {@link ConfigError} from any copy of `@dl/core`. */
  static override isInstance(error: unknown): error is ConfigError {
    return DlError.hasMarker(error) && (error as DlError).code === 'config';
  }
}

/**
 * A short, printable description of any value, for error messages.
 *
 * @example
 * ```ts
 * import { describeValue } from '@dl/core';
 * describeValue('relu'); // '"relu"'
 * describeValue(new Array(20)); // 'an array of length 20'
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return value.length <= 8 ? `[${value.map(describeValue).join(', ')}]` : `an array of length ${value.length}`;
  try {
    const text = JSON.stringify(value);
    return text.length <= 80 ? text : `${text.slice(0, 77)}...`;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
