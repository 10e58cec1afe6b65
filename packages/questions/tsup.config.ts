import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  entry: [
    'src/index.ts',
    'src/attention-softmax.ts',
    'src/rnn.ts',
    'src/cnn.ts',
    'src/gan-vae.ts',
    'src/transfer-fusion.ts',
    'src/cli.ts',
  ],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // Each topic's data lands in its own chunk, shared by `.` and that topic's subpath.
  splitting: true,
  treeshake: true,
  // Keep `node:util` and `node:readline` as written: Node >= 20.19 is required anyway.
  removeNodeProtocol: false,
  define: { __DL_QUESTIONS_VERSION__: JSON.stringify(version) },
  // esbuild renames a class that refers to itself (`class _Name`); keep the names users see.
  keepNames: true,
});
