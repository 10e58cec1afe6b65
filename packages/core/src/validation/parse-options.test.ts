import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { catchConfigError as catchError } from '../testing/catch-config-error.js';
import { parseOptions } from './parse-options.js';

const Schema = v.strictObject({
  units: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 8),
  activation: v.optional(v.picklist(['relu', 'tanh']), 'relu'),
  rate: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1)), 0),
  nested: v.optional(v.strictObject({ heads: v.number() })),
});

describe('parseOptions', () => {
  it('fills defaults and returns the parsed value', () => {
    expect(parseOptions(Schema, {})).toEqual({ units: 8, activation: 'relu', rate: 0 });
    expect(parseOptions(Schema, undefined).units).toBe(8);
  });

  it('names the field, the value and the range for an out-of-range number', () => {
    const error = catchError(() => parseOptions(Schema, { units: 0 }, { package: 'recurrent' }));
    expect(error.path).toBe('units');
    expect(error.value).toBe(0);
    expect(error.expected).toBe('a value >=1');
    expect(error.message).toBe("[@dl/recurrent] Invalid option 'units': expected a value >=1, got 0.");
  });

  it('reports non-integers, wrong types and bad enum values', () => {
    expect(catchError(() => parseOptions(Schema, { units: 1.5 })).expected).toBe('an integer');
    const typeError = catchError(() => parseOptions(Schema, { units: 'many' }));
    expect(typeError.expected).toBe('number');
    expect(typeError.value).toBe('many');
    const enumError = catchError(() => parseOptions(Schema, { activation: 'gelu' }));
    expect(enumError.expected).toBe('one of "relu", "tanh"');
  });

  it('rejects unknown options and lists the allowed ones', () => {
    const error = catchError(() => parseOptions(Schema, { unit: 3 }));
    expect(error.path).toBe('unit');
    expect(error.value).toBe(3);
    expect(error.expected).toContain('allowed: units, activation, rate, nested');
    expect(error.expected).toContain("did you mean 'units'?");
    expect(catchError(() => parseOptions(Schema, { colour: 3 })).expected).not.toContain('did you mean');
  });

  it('suggests the camelCase name for a snake_case key, and says when a required option is missing', () => {
    const Required = v.strictObject({ sequenceLength: v.number(), maskZero: v.optional(v.boolean()) });
    const snake = catchError(() => parseOptions(Required, { sequenceLength: 3, mask_zero: true }));
    expect(snake.message).toContain("no option named 'mask_zero' (did you mean 'maskZero'?");
    const missing = catchError(() => parseOptions(Required, {}));
    expect(missing.path).toBe('sequenceLength');
    expect(missing.message).toMatch(/Missing option 'sequenceLength': it is required \(number\)\./);
    const wrongType = catchError(() => parseOptions(Required, { sequenceLength: 'x' }));
    expect(wrongType.message).toMatch(/Invalid option 'sequenceLength': expected number, got "x"/);
  });

  it('reports nested paths with the prefix', () => {
    const error = catchError(() => parseOptions(Schema, { nested: { heads: 'x' } }, { pathPrefix: 'encoder' }));
    expect(error.path).toBe('encoder.nested.heads');
  });

  it('uses the message of a cross-field check as what is allowed', () => {
    const Pair = v.pipe(
      v.strictObject({ min: v.number(), max: v.number() }),
      v.forward(
        v.check((o) => o.min <= o.max, 'a value >= min'),
        ['max'],
      ),
    );
    const error = catchError(() => parseOptions(Pair, { min: 3, max: 1 }));
    expect(error.path).toBe('max');
    expect(error.expected).toBe('a value >= min');
  });
});
