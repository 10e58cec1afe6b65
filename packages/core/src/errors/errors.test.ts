import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as errors from '@dl/errors';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import * as core from '../index.js';
import { BackendError, ConfigError, DlError, ShapeError } from './index.js';

// The behaviour of the errors and of parseOptions is tested in @dl/errors; here, that core
// hands out those very classes and functions, so errors from any dl package compare equal.
describe('@dl/core re-exports @dl/errors', () => {
  it('exports the same classes and functions, not copies', () => {
    for (const name of ['DlError', 'ConfigError', 'ShapeError', 'BackendError', 'describeValue', 'parseOptions', 'suggestName'] as const) {
      expect(core[name], name).toBe(errors[name]);
    }
  });

  it('so instanceof and isInstance agree across the two imports', () => {
    const fromErrors = new errors.ConfigError({ package: 'questions', path: 'count', value: 0, expected: 'an integer >= 1' });
    expect(fromErrors).toBeInstanceOf(ConfigError);
    expect(fromErrors).toBeInstanceOf(DlError);
    expect(ConfigError.isInstance(fromErrors)).toBe(true);
    expect(errors.ShapeError.isInstance(new ShapeError({ expected: 'rank 2', actual: [1] }))).toBe(true);
    expect(new BackendError({ backend: 'wasm', reason: 'x' })).toBeInstanceOf(errors.DlError);
    const thrown = (() => {
      try {
        core.parseOptions(v.strictObject({ units: v.number() }), { units: 'x' }, { package: 'core' });
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(errors.ConfigError);
  });
});

describe('@dl/core as built', () => {
  it('re-exports @dl/errors (not a bundled copy) with the class names intact', async () => {
    const distUrl = new URL('../../dist/index.js', import.meta.url);
    if (!existsSync(distUrl)) throw new Error(`[@dl/core] ${fileURLToPath(distUrl)} is missing: run \`pnpm build\` first.`);
    const dist = (await import(distUrl.href)) as typeof core;
    expect(dist.ConfigError).toBe(errors.ConfigError);
    expect(dist.DlError).toBe(errors.DlError);
    const error = new dist.ConfigError({ path: 'units', value: 0, expected: 'an integer >= 1' });
    expect(error.constructor.name).toBe('ConfigError');
    expect(Object.getPrototypeOf(dist.ConfigError).name).toBe('DlError');
  });
});
