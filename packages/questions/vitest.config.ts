import { readFileSync } from 'node:fs';
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default mergeConfig(
  shared,
  defineConfig({
    define: { __DL_QUESTIONS_VERSION__: JSON.stringify(version) },
    test: {
      // Shared fixtures: named *.test.ts so that `files` keeps them out of the package, but they hold no tests.
      exclude: [...configDefaults.exclude, 'src/fixtures.test.ts'],
    },
  }),
);
