import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { catchConfigError as catchError } from './catch-config-error.test-util.js';
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

  it('names both fields of a cross-field rule and their values, not the whole options object', () => {
    const Tokens = v.pipe(
      v.strictObject({
        oovToken: v.optional(v.string(), '<unk>'),
        paddingToken: v.optional(v.string(), '<pad>'),
        tokenizer: v.optional(v.strictObject({ filters: v.optional(v.string(), 'x'.repeat(100)) }), {}),
      }),
      v.forward(
        v.check((o) => o.oovToken !== o.paddingToken, 'a token different from paddingToken'),
        ['oovToken'],
      ),
    );
    const error = catchError(() => parseOptions(Tokens, { oovToken: '<pad>' }, { package: 'data' }));
    expect(error.path).toBe('oovToken');
    expect(error.value).toBe('<pad>');
    expect(error.related).toEqual({ paddingToken: '<pad>' }); // the default, filled in before the check
    expect(error.message).toBe(
      '[@dl/data] Invalid option \'oovToken\': expected a token different from paddingToken, got "<pad>" (paddingToken is "<pad>").',
    );
    expect(error.message).not.toContain('tokenizer');
  });

  it('says which named field of a cross-field rule was not given, and works under a prefix and a nested object', () => {
    const Heads = v.pipe(
      v.strictObject({ embeddingDim: v.optional(v.number()), numHeads: v.number() }),
      v.forward(
        v.check((o) => (o.embeddingDim ?? 64) % o.numHeads === 0, 'a divisor of embeddingDim (heads split the embedding)'),
        ['numHeads'],
      ),
    );
    const error = catchError(() => parseOptions(v.strictObject({ encoder: Heads }), { encoder: { numHeads: 3 } }, { pathPrefix: 'model' }));
    expect(error.path).toBe('model.encoder.numHeads');
    expect(error.value).toBe(3);
    expect(error.related).toEqual({ embeddingDim: undefined });
    expect(error.message).toMatch(/got 3 \(embeddingDim is not given\)\.$/);
  });

  it('reports only the fields a rule names when the rule is not forwarded to one of them', () => {
    const Range = v.pipe(
      v.strictObject({ low: v.number(), high: v.number(), label: v.optional(v.string(), 'y'.repeat(100)) }),
      v.check((o) => o.low < o.high, 'low < high'),
    );
    const error = catchError(() => parseOptions(Range, { low: 2, high: 1 }));
    expect(error.path).toBe('');
    expect(error.value).toEqual({ low: 2, high: 1 });
    expect(error.message).toBe('[@dl/core] Invalid options: expected low < high, got {"low":2,"high":1}.');
  });

  it('speaks of fields of a subject, and describes a missing object as an object', () => {
    const Saved = v.strictObject({ format: v.literal('dl-vocabulary'), tokenizer: v.strictObject({ lower: v.boolean() }) });
    const format = catchError(() => parseOptions(Saved, {}, { package: 'data', subject: 'vocabulary JSON' }));
    expect(format.message).toBe('[@dl/data] Missing field \'format\' of the vocabulary JSON: it is required ("dl-vocabulary").');
    const tokenizer = catchError(() => parseOptions(Saved, { format: 'dl-vocabulary' }, { subject: 'vocabulary JSON' }));
    expect(tokenizer.message).toBe("[@dl/core] Missing field 'tokenizer' of the vocabulary JSON: it is required (an object).");
    const whole = catchError(() => parseOptions(Saved, 'x', { subject: 'vocabulary JSON' }));
    expect(whole.message).toBe('[@dl/core] Invalid vocabulary JSON: expected an object, got "x".');
  });
});
