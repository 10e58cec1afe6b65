/** Thrown by the `@dl/core/testing` helpers when a check fails. */
export class TensorAssertionError extends Error {
  constructor(message: string) {
    super(`[@dl/core/testing] ${message}`);
    this.name = 'TensorAssertionError';
  }
}
