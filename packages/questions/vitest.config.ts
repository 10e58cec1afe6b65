import { readFileSync } from 'node:fs';
import { configDefaults, defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: { __DL_QUESTIONS_VERSION__: JSON.stringify(version) },
  test: {
    globals: false,
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
    // Shared fixtures: named *.test.ts so that `files` keeps them out of the package, but they hold no tests.
    exclude: [...configDefaults.exclude, 'src/fixtures.test.ts'],
  },
});
