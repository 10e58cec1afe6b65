import { describe, expect, it } from 'vitest';
import { BackendError, ConfigError, DlError, ShapeError } from './index.js';

describe('typed errors', () => {
  it('carry a code, typed fields and a package-prefixed message', () => {
    const config = new ConfigError({ package: 'recurrent', path: 'units', value: 0, expected: 'an integer >= 1' });
    expect(config.message).toBe("[@dl/recurrent] Invalid option 'units': expected an integer >= 1, got 0.");
    expect([config.code, config.path, config.value, config.expected, config.related]).toEqual(['config', 'units', 0, 'an integer >= 1', undefined]);
    const shape = new ShapeError({ argument: 'query', expected: 'rank 3', actual: [2, null] });
    expect(shape.message).toBe("[@dl/core] 'query' has shape [2,null]; expected rank 3.");
    const backend = new BackendError({ backend: 'wasm', reason: 'not installed.', cause: new Error('x') });
    expect(backend.backend).toBe('wasm');
    expect(backend.cause).toBeInstanceOf(Error);
  });

  it('keep their class names as constructor and error names', () => {
    for (const [error, name] of [
      [new ConfigError({ path: 'a', value: 1, expected: 'b' }), 'ConfigError'],
      [new ShapeError({ expected: 'rank 1', actual: [] }), 'ShapeError'],
      [new BackendError({ backend: 'cpu', reason: 'x' }), 'BackendError'],
      [new DlError('x', 'y'), 'DlError'],
    ] as const) {
      expect(error.constructor.name).toBe(name);
      expect(error.name).toBe(name);
      expect(error).toBeInstanceOf(DlError);
      expect(error).toBeInstanceOf(Error);
    }
  });

  it('are recognised by isInstance, including from another copy of the package', () => {
    const error = new ShapeError({ expected: 'rank 2', actual: [1] });
    expect(DlError.isInstance(error)).toBe(true);
    expect(ShapeError.isInstance(error)).toBe(true);
    expect(ConfigError.isInstance(error)).toBe(false);
    // A second copy of @dl/errors creates errors with the same global symbol marker.
    const foreign = Object.assign(new Error('x'), { [Symbol.for('dl.error')]: true, code: 'config' });
    expect(DlError.isInstance(foreign)).toBe(true);
    expect(ConfigError.isInstance(foreign)).toBe(true);
    expect(BackendError.isInstance(foreign)).toBe(false);
    expect(DlError.isInstance(Object.assign(new Error('x'), { [Symbol('dl.error')]: true }))).toBe(false);
    expect(DlError.isInstance(new Error('plain'))).toBe(false);
    expect(DlError.isInstance(null)).toBe(false);
  });

  it('describe long and odd values compactly', () => {
    const error = new ConfigError({ path: '', value: Array.from({ length: 20 }, (_, i) => i), expected: 'an object' });
    expect(error.message).toBe('[@dl/core] Invalid options: expected an object, got an array of length 20.');
  });

  it('say a required option is missing, and name the other fields of a cross-field rule', () => {
    const missing = new ConfigError({ package: 'data', path: 'maxLength', value: undefined, expected: 'an integer >= 1', required: true });
    expect(missing.message).toBe("[@dl/data] Missing option 'maxLength': it is required (an integer >= 1).");
    const related = new ConfigError({ path: 'max', value: 1, expected: 'a value >= min and <= limit', related: { min: 3, limit: undefined } });
    expect(related.message).toBe("[@dl/core] Invalid option 'max': expected a value >= min and <= limit, got 1 (min is 3, limit is not given).");
    expect(related.related).toEqual({ min: 3, limit: undefined });
  });

  it('name a field of something other than options when given a subject', () => {
    const field = new ConfigError({ package: 'data', path: 'format', value: undefined, expected: '"dl-vocabulary"', required: true, subject: 'vocabulary JSON' });
    expect(field.message).toBe('[@dl/data] Missing field \'format\' of the vocabulary JSON: it is required ("dl-vocabulary").');
    const whole = new ConfigError({ package: 'data', path: '', value: 'x', expected: 'an object', subject: 'vocabulary JSON' });
    expect(whole.message).toBe('[@dl/data] Invalid vocabulary JSON: expected an object, got "x".');
  });
});
