import { describe, expect, it } from 'vitest';
import { BackendError, ConfigError, DlError, ShapeError } from './index.js';

describe('typed errors', () => {
  it('carry a code, typed fields and a package-prefixed message', () => {
    const config = new ConfigError({ package: 'recurrent', path: 'units', value: 0, expected: 'an integer >= 1' });
    expect(config.message).toBe("[@dl/recurrent] Invalid option 'units': expected an integer >= 1, got 0.");
    expect([config.code, config.path, config.value, config.expected]).toEqual(['config', 'units', 0, 'an integer >= 1']);
    const shape = new ShapeError({ argument: 'query', expected: 'rank 3', actual: [2, null] });
    expect(shape.message).toBe("[@dl/core] 'query' has shape [2,null]; expected rank 3.");
    const backend = new BackendError({ backend: 'wasm', reason: 'not installed.', cause: new Error('x') });
    expect(backend.backend).toBe('wasm');
    expect(backend.cause).toBeInstanceOf(Error);
  });

  it('are recognised by isInstance, including from another copy of the package', () => {
    const error = new ShapeError({ expected: 'rank 2', actual: [1] });
    expect(DlError.isInstance(error)).toBe(true);
    expect(ShapeError.isInstance(error)).toBe(true);
    expect(ConfigError.isInstance(error)).toBe(false);
    // A second copy of @dl/core creates errors with the same global symbol marker.
    const foreign = Object.assign(new Error('x'), { [Symbol.for('dl.error')]: true, code: 'config' });
    expect(DlError.isInstance(foreign)).toBe(true);
    expect(ConfigError.isInstance(foreign)).toBe(true);
    expect(DlError.isInstance(new Error('plain'))).toBe(false);
    expect(DlError.isInstance(null)).toBe(false);
  });

  it('describe long and odd values compactly', () => {
    const error = new ConfigError({ path: '', value: Array.from({ length: 20 }, (_, i) => i), expected: 'an object' });
    expect(error.message).toBe('[@dl/core] Invalid options: expected an object, got an array of length 20.');
  });
});
