import { defineConfig } from 'vitest/config';

/**
 * The test settings every package shares: globals off (tfjs's own assertions misbehave
 * when a global `expect` exists), Node, generous timeouts for training smoke tests, and
 * forked workers so each test file gets its own tfjs kernel registry.
 */
export default defineConfig({
  test: {
    globals: false,
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
  },
});
