import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  treeshake: true,
  // esbuild renames a class that refers to itself (`class _DlError`); keep the names users see.
  keepNames: true,
});
