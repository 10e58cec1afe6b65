/**
 * True when running under Node.js (not a browser, not a worker shim).
 *
 * @example
 * ```ts
 * import { isNode } from '@dl/core';
 * isNode(); // true under Node.js, false in a browser
 * ```
 */
export function isNode(): boolean {
  const process = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof process?.versions?.node === 'string';
}
