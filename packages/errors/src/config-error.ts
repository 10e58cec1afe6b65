import { describeValue } from './describe-value.js';
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
  /**
   * The other options a rule between several options involves, with their values: for
   * "`oovToken` must differ from `paddingToken`", `{ paddingToken: '<pad>' }`. The message names
   * each one (`undefined` reads "not given").
   */
  readonly related?: Readonly<Record<string, unknown>>;
  /**
   * What holds the path, when it is not a function's options: `'vocabulary JSON'` gives
   * "field 'format' of the vocabulary JSON" and, for an empty path, "vocabulary JSON".
   */
  readonly subject?: string;
}

/**
 * An option given to a factory or function is missing, unknown, of the wrong type,
 * out of range, or inconsistent with another option. Raised before any tensor exists.
 *
 * @example
 * ```ts
 * import { ConfigError } from '@dl/errors';
 * const e = new ConfigError({ package: 'recurrent', path: 'units', value: 0, expected: 'an integer >= 1' });
 * e.message; // "[@dl/recurrent] Invalid option 'units': expected an integer >= 1, got 0."
 * new ConfigError({ package: 'data', path: 'oovToken', value: 'x', expected: 'a token different from paddingToken', related: { paddingToken: 'x' } }).message;
 * // "[@dl/data] Invalid option 'oovToken': expected a token different from paddingToken, got \"x\" (paddingToken is \"x\")."
 * ```
 */
export class ConfigError extends DlError {
  readonly path: string;
  readonly value: unknown;
  readonly expected: string;
  /** The other options of a cross-field rule and their values; `undefined` for a rule on one option. */
  readonly related: Readonly<Record<string, unknown>> | undefined;

  constructor(details: ConfigErrorDetails) {
    const where = describeWhere(details.path, details.subject);
    const message =
      details.required === true && details.value === undefined
        ? `Missing ${where}: it is required (${details.expected}).`
        : `Invalid ${where}: expected ${details.expected}, got ${describeValue(details.value)}${describeRelated(details.related)}.`;
    super('config', message, details);
    this.name = 'ConfigError';
    this.path = details.path;
    this.value = details.value;
    this.expected = details.expected;
    this.related = details.related;
  }

  /** True when `error` is a {@link ConfigError} from any copy of `@dl/errors` (or `@dl/core`). */
  static override isInstance(error: unknown): error is ConfigError {
    return DlError.hasMarker(error) && (error as DlError).code === 'config';
  }
}

function describeWhere(path: string, subject: string | undefined): string {
  if (subject === undefined) return path === '' ? 'options' : `option '${path}'`;
  return path === '' ? subject : `field '${path}' of the ${subject}`;
}

function describeRelated(related: Readonly<Record<string, unknown>> | undefined): string {
  const entries = Object.entries(related ?? {});
  if (entries.length === 0) return '';
  const parts = entries.map(([name, value]) => (value === undefined ? `${name} is not given` : `${name} is ${describeValue(value)}`));
  return ` (${parts.join(', ')})`;
}
