/**
 * The Node-only part of `@dl/data`: loaders that read files (`node:fs`). Everything else,
 * including the IDX parser `readIdx` for bytes you fetched yourself, is in `@dl/data`
 * and runs in browsers too. Like `@dl/data`, this entry loads no tfjs.
 *
 * @example
 * ```ts
 * import { loadFashionMnist } from '@dl/data/node';
 *
 * const test = await loadFashionMnist({ split: 'test', limit: 1000 });
 * test.shape; // [1000, 28, 28] (the fixture has 500: [500, 28, 28])
 * ```
 *
 * @packageDocumentation
 */
export {
  debianFashionMnistDir,
  fashionMnistFixtureDir,
  loadFashionMnist,
  type FashionMnistData,
  type LoadFashionMnistOptions,
} from './load-fashion-mnist.js';
export { writePng } from './write-png.js';
