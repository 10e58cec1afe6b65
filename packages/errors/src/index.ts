/**
 * The typed errors and option parsing of the dl packages, with no TensorFlow.js: `DlError` and
 * its subclasses `ConfigError`, `ShapeError` and `BackendError`, `describeValue` for messages,
 * and `parseOptions`/`suggestName` to turn a valibot schema failure into a `ConfigError` that
 * names the option, the value and what is allowed.
 *
 * `@dl/core` re-exports all of it (the same classes, not copies), so `instanceof` and
 * `DlError.isInstance` agree whichever package an error came from. Packages that need no
 * tensors (`@dl/questions`, the text tools of `@dl/data`) import it directly and load no tfjs.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { ConfigError, DlError, parseOptions } from '@dl/errors';
 *
 * const Schema = v.strictObject({ count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 5) });
 * try {
 *   parseOptions(Schema, { cout: 3 }, { package: 'questions' });
 * } catch (e) {
 *   DlError.isInstance(e); // true
 *   (e as ConfigError).message;
 *   // "[@dl/questions] Invalid option 'cout': expected no option named 'cout' (did you mean 'count'? allowed: count), got 3."
 * }
 * ```
 *
 * @packageDocumentation
 */
export { BackendError, type BackendErrorDetails } from './backend-error.js';
export { ConfigError, type ConfigErrorDetails } from './config-error.js';
export { describeValue } from './describe-value.js';
export { DlError, type DlErrorOptions } from './dl-error.js';
export { parseOptions, type ParseOptionsContext } from './parse-options.js';
export { ShapeError, type ShapeErrorDetails } from './shape-error.js';
export { suggestName } from './suggest-name.js';
