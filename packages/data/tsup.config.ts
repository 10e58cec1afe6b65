import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    // Node-only: file loaders (node:fs). load-fashion-mnist.ts is used by this entry alone, so
    // it stays in dist/node/index.js, two levels below the package root as src/node/ is, and
    // finds ../../fixtures/ from either (src/node/dist-entry.test.ts checks the build).
    'node/index': 'src/node/index.ts',
  },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  treeshake: true,
  // esbuild renames a class that refers to itself (`class _Name`); keep the names users see.
  keepNames: true,
});
