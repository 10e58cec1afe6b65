/**
 * A short, printable description of any value, for error messages: strings quoted, short
 * arrays listed, long ones counted, objects as JSON cut at 80 characters.
 *
 * @param value - anything.
 * @returns the description.
 * @example
 * ```ts
 * import { describeValue } from '@dl/errors';
 * describeValue('relu'); // '"relu"'
 * describeValue([1, 2]); // '[1, 2]'
 * describeValue(new Array(20)); // 'an array of length 20'
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return value.toString();
  if (Array.isArray(value)) return value.length <= 8 ? `[${value.map(describeValue).join(', ')}]` : `an array of length ${value.length}`;
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return Object.prototype.toString.call(value);
    return text.length <= 80 ? text : `${text.slice(0, 77)}...`;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
