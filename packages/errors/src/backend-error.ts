import { DlError, type DlErrorOptions } from './dl-error.js';

/** Fields of a {@link BackendError}. */
export interface BackendErrorDetails extends DlErrorOptions {
  /** The backend concerned: `wasm`, `webgpu`, ... */
  readonly backend: string;
  /** What went wrong and what to do about it. */
  readonly reason: string;
}

/**
 * A backend could not be loaded, initialised, or cannot run what was asked of it.
 *
 * @example
 * ```ts
 * import { BackendError } from '@dl/errors';
 * const e = new BackendError({ backend: 'webgpu', reason: 'navigator.gpu is missing; pass options.gpu.' });
 * e.backend; // 'webgpu'
 * ```
 */
export class BackendError extends DlError {
  readonly backend: string;

  constructor(details: BackendErrorDetails) {
    super('backend', `Backend '${details.backend}': ${details.reason}`, details);
    this.name = 'BackendError';
    this.backend = details.backend;
  }

  /** True when `error` is a {@link BackendError} from any copy of `@dl/errors` (or `@dl/core`). */
  static override isInstance(error: unknown): error is BackendError {
    return DlError.hasMarker(error) && (error as DlError).code === 'backend';
  }
}
