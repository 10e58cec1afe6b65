import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as source from './index.js';

// The built package, as users get it: `pnpm build` first (turbo runs it before `test`).
const distUrl = new URL('../dist/index.js', import.meta.url);
if (!existsSync(distUrl)) throw new Error(`[@dl/errors] ${fileURLToPath(distUrl)} is missing: run \`pnpm build\` first.`);
const dist = (await import(distUrl.href)) as typeof source;

describe('@dl/errors as built', () => {
  it('keeps class names: constructor.name is the class name, not a bundler alias such as _DlError', () => {
    const errors = [
      new dist.ConfigError({ path: 'units', value: 0, expected: 'an integer >= 1' }),
      new dist.ShapeError({ expected: 'rank 2', actual: [3] }),
      new dist.BackendError({ backend: 'wasm', reason: 'not installed.' }),
      new dist.DlError('custom', 'message'),
    ];
    expect(errors.map((error) => error.constructor.name)).toEqual(['ConfigError', 'ShapeError', 'BackendError', 'DlError']);
    expect(errors.map((error) => error.name)).toEqual(['ConfigError', 'ShapeError', 'BackendError', 'DlError']);
    expect(dist.parseOptions.name).toBe('parseOptions');
  });

  it('is recognised by isInstance across two copies of the package, where instanceof is not', () => {
    const fromDist = new dist.ConfigError({ path: 'units', value: 0, expected: 'an integer >= 1' });
    const fromSource = new source.ShapeError({ expected: 'rank 2', actual: [3] });
    expect(fromDist).not.toBeInstanceOf(source.ConfigError); // two copies: two classes
    expect(source.ConfigError.isInstance(fromDist)).toBe(true);
    expect(source.DlError.isInstance(fromDist)).toBe(true);
    expect(source.ShapeError.isInstance(fromDist)).toBe(false);
    expect(dist.ShapeError.isInstance(fromSource)).toBe(true);
    expect(dist.DlError.isInstance(fromSource)).toBe(true);
  });

  it('imports nothing but valibot (no tfjs)', () => {
    const code = readFileSync(distUrl, 'utf8');
    const specifiers = [...code.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)].map((m) => m[1] ?? m[2]);
    expect(specifiers.length).toBeGreaterThan(0);
    expect(new Set(specifiers)).toEqual(new Set(['valibot']));
  });
});
