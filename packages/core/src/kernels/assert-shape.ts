import { ShapeError } from '../errors/shape-error.js';

/**
 * Throws a {@link ShapeError} unless `actual` equals `expected` exactly: kernels that read
 * a tensor's buffer by computed geometry must never trust a shape they did not compute
 * (a short `dy` would be read past its end).
 *
 * @param argument - the kernel input, e.g. `dy`.
 * @param context - what the expected shape follows from, for the message.
 */
export function assertShape(argument: string, actual: readonly number[], expected: readonly number[], context: string): void {
  const same = actual.length === expected.length && actual.every((d, i) => d === expected[i]);
  if (!same) throw new ShapeError({ argument, expected: `[${expected.join(',')}] (${context})`, actual });
}
