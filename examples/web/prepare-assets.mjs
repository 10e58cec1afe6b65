// Copies what the page fetches at run time into public/ (git-ignored): tfjs's wasm binaries and
// the committed Fashion-MNIST subset (2,000 train + 500 test images, gzipped IDX files).
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const copyAll = (from, to, keep) => {
  mkdirSync(to, { recursive: true });
  for (const file of readdirSync(from).filter(keep)) copyFileSync(join(from, file), join(to, file));
};
const wasmDist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
copyAll(wasmDist, join(here, 'public', 'wasm'), (file) => file.endsWith('.wasm'));
copyAll(join(here, '..', '..', 'packages', 'data', 'fixtures', 'fashion-mnist'), join(here, 'public', 'fashion-mnist'), (file) => file.endsWith('.gz'));
console.log('assets copied to examples/web/public/');
