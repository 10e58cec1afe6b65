import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../vitest.shared.js';

// One file at a time: every file starts its own Dawn device on the same software driver.
export default mergeConfig(shared, defineConfig({ test: { fileParallelism: false, testTimeout: 120_000 } }));
