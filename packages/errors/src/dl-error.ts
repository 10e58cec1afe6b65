/**
 * The brand of every {@link DlError}. `Symbol.for` gives the same symbol in every copy of this
 * package and in every realm (worker, iframe, vm context), so the brand survives duplicates.
 */
const marker = Symbol.for('dl.error');

/** Options shared by every {@link DlError}. */
export interface DlErrorOptions {
  /** The package that raised the error, without the scope: `core`, `data`, `questions`, ... */
  readonly package?: string;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * Base class of every error the dl packages throw.
 *
 * Checks with {@link DlError.isInstance} work across duplicate copies of the package
 * (two versions in one bundle, or `@dl/errors` reached through `@dl/core` and directly)
 * and across realms, where `instanceof` does not.
 *
 * @example
 * ```ts
 * import { DlError } from '@dl/errors'; // or from '@dl/core': the same class
 * try {
 *   createSomething({ units: -1 });
 * } catch (e) {
 *   if (DlError.isInstance(e)) console.log(e.code); // 'config'
 * }
 * ```
 */
export class DlError extends Error {
  private readonly [marker] = true;
  /** A stable machine-readable code: `config`, `shape`, `backend`, ... */
  readonly code: string;

  constructor(code: string, message: string, options: DlErrorOptions = {}) {
    super(`[@dl/${options.package ?? 'core'}] ${message}`, { cause: options.cause });
    this.name = 'DlError';
    this.code = code;
  }

  /** True when `error` is a {@link DlError} from any copy of `@dl/errors` (or `@dl/core`). */
  static isInstance(error: unknown): error is DlError {
    return DlError.hasMarker(error);
  }

  /** True when `error` carries the `Symbol.for('dl.error')` brand; what `isInstance` checks. */
  protected static hasMarker(error: unknown): boolean {
    return (
      typeof error === 'object' &&
      error !== null &&
      marker in error &&
      (error as Record<symbol, unknown>)[marker] === true
    );
  }
}
