import { describe, expect, it } from 'vitest';
import { describeValue } from './describe-value.js';

describe('describeValue', () => {
  it('quotes strings and prints primitives as written', () => {
    expect(describeValue('relu')).toBe('"relu"');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(-0.5)).toBe('-0.5');
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue(true)).toBe('true');
    expect(describeValue(12n)).toBe('12n');
    expect(describeValue(Symbol('s'))).toBe('Symbol(s)');
    expect(describeValue(() => 1)).toBe('a function');
  });

  it('lists short arrays, counts long ones and cuts long objects', () => {
    expect(describeValue([1, 'a', [2]])).toBe('[1, "a", [2]]');
    expect(describeValue(new Array(9).fill(0))).toBe('an array of length 9');
    expect(describeValue({ a: 1 })).toBe('{"a":1}');
    const long = describeValue({ text: 'x'.repeat(200) });
    expect(long).toHaveLength(80);
    expect(long.endsWith('...')).toBe(true);
  });

  it('falls back to the object tag for what JSON cannot write', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeValue(cyclic)).toBe('[object Object]');
  });
});
