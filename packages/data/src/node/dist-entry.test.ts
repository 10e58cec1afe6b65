import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fashionMnistFixtureDir as sourceFixtureDir } from './load-fashion-mnist.js';

const entry = fileURLToPath(new URL('../../dist/node/index.js', import.meta.url));

/** The files a built module imports, followed through relative imports (the shared chunks). */
function importGraph(file: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(file)) return seen;
  const specifiers = [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)].map(
    (match) => (match[1] ?? match[2])!,
  );
  seen.set(file, specifiers);
  for (const specifier of specifiers) if (specifier.startsWith('.')) importGraph(join(dirname(file), specifier), seen);
  return seen;
}

describe('the built @dl/data/node entry', () => {
  if (!existsSync(entry)) throw new Error('[@dl/data] dist/node/index.js is missing: run `pnpm build` first (this test checks the built entry).');

  it('finds the committed fixture from dist/node/ as from src/node/', async () => {
    const built = (await import(entry)) as typeof import('./index.js');
    expect(built.fashionMnistFixtureDir).toBe(sourceFixtureDir);
    expect(existsSync(join(built.fashionMnistFixtureDir, 't10k-labels-idx1-ubyte.gz'))).toBe(true);
    const test = await built.loadFashionMnist({ split: 'test', dir: built.fashionMnistFixtureDir, limit: 2 });
    expect(test.shape).toEqual([2, 28, 28]);
  });

  it('imports no tfjs, directly or through @dl/core\'s main entry (tfjs-free @dl/core/random is fine)', () => {
    const external = [...importGraph(entry).values()].flat().filter((specifier) => !specifier.startsWith('.'));
    expect(external).toContain('@dl/errors');
    expect(external.filter((specifier) => specifier.startsWith('@tensorflow/') || specifier === '@dl/core' || specifier === '@dl/core/node')).toEqual([]);
  });
});
