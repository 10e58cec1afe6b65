import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'node/index': 'src/node/index.ts',
    'testing/index': 'src/testing/index.ts',
    // tfjs-free: a seeded PRNG for packages that shuffle plain arrays (@dl/data's stratifiedSplit).
    'random/index': 'src/random/seeded-random.ts',
  },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  splitting: true,
  treeshake: true,
  // esbuild renames a class that refers to itself (`class _DlError`); keep the names users see.
  keepNames: true,
});
