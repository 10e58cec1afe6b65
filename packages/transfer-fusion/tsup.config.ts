import { defineConfig } from 'tsup';

export default defineConfig({
  // Unbundled: dist mirrors src, so each layer's registerClass call stays in its own
  // module and `sideEffects` can name exactly those modules.
  entry: ['src/**/*.ts', '!src/**/*.test.ts', '!src/**/*.test-util.ts'],
  bundle: false,
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // esbuild renames a class that refers to itself (`class _Name`); keep the names users see.
  keepNames: true,
});
