import { DlError, type DlErrorOptions } from './dl-error.js';

/** Fields of a {@link ShapeError}. */
export interface ShapeErrorDetails extends DlErrorOptions {
  /** What was expected, e.g. `[batch, time, features]` or `rank 3`. */
  readonly expected: string;
  /** The shape that arrived; `null` entries are unknown dimensions. */
  readonly actual: readonly (number | null)[];
  /** Which input or argument was wrong, e.g. `query`. */
  readonly argument?: string;
}

/**
 * A tensor or symbolic input has the wrong rank or shape.
 *
 * @example
 * ```ts
 * import { ShapeError } from '@dl/errors';
 * const e = new ShapeError({ argument: 'query', expected: 'rank 3 [batch, time, dim]', actual: [2, 3] });
 * e.message; // "[@dl/core] 'query' has shape [2,3]; expected rank 3 [batch, time, dim]."
 * ```
 */
export class ShapeError extends DlError {
  readonly expected: string;
  readonly actual: readonly (number | null)[];
  readonly argument: string | undefined;

  constructor(details: ShapeErrorDetails) {
    const what = details.argument === undefined ? 'Input' : `'${details.argument}'`;
    super('shape', `${what} has shape [${details.actual.map((d) => (d === null ? 'null' : d)).join(',')}]; expected ${details.expected}.`, details);
    this.name = 'ShapeError';
    this.expected = details.expected;
    this.actual = details.actual;
    this.argument = details.argument;
  }

  /** True when `error` is a {@link ShapeError} from any copy of `@dl/errors` (or `@dl/core`). */
  static override isInstance(error: unknown): error is ShapeError {
    return DlError.hasMarker(error) && (error as DlError).code === 'shape';
  }
}
