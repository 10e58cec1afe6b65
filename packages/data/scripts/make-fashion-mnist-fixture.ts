/**
 * Regenerates packages/data/fixtures/fashion-mnist/: a deterministic stratified subset of
 * Fashion-MNIST, 200 training and 50 test images per class, read from the full set.
 *
 *   apt-get install dataset-fashion-mnist   # the full set, in /usr/share/datasets/fashion-mnist/
 *   pnpm --filter @dl/data exec tsx scripts/make-fashion-mnist-fixture.ts [source-dir]
 *
 * The rule, per split: a fresh `createSeededRandom(seed)` (@dl/core/random, seed 2017); for each
 * class 0..9 in order, the indices of that class in file order are shuffled (Fisher-Yates) and
 * the first `perClass` kept; the kept indices are written in ascending file order, so the subset
 * keeps the full set's order. The indices go to indices.json, which the tests use to check the
 * fixture against the full set when it is installed. Output: gzipped IDX files (gzip level 9),
 * byte-identical on every run.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createSeededRandom } from '@dl/core/random';
import { readIdx } from '../src/images/read-idx.js';

const seed = 2017;
const perClass = { train: 200, test: 50 } as const;
const prefixes = { train: 'train', test: 't10k' } as const;
const source = process.argv[2] ?? '/usr/share/datasets/fashion-mnist/';
const target = fileURLToPath(new URL('../fixtures/fashion-mnist/', import.meta.url));

/** An IDX file of unsigned bytes (type 0x08) with the given dimensions, as the format defines it. */
function idxBytes(shape: readonly number[], values: Uint8Array): Buffer {
  const header = Buffer.alloc(4 + 4 * shape.length);
  header.writeUInt8(0x08, 2);
  header.writeUInt8(shape.length, 3);
  shape.forEach((dim, i) => header.writeUInt32BE(dim, 4 + 4 * i));
  return Buffer.concat([header, values]);
}

const indices: Record<string, number[]> = {};
for (const split of ['train', 'test'] as const) {
  const prefix = prefixes[split];
  const images = await readIdx(await readFile(join(source, `${prefix}-images-idx3-ubyte.gz`)));
  const labels = await readIdx(await readFile(join(source, `${prefix}-labels-idx1-ubyte.gz`)));
  const random = createSeededRandom(seed);
  const chosen: number[] = [];
  for (let label = 0; label < 10; label++) {
    const ofClass: number[] = [];
    labels.data.forEach((value, i) => value === label && ofClass.push(i));
    chosen.push(...random.shuffle(ofClass).slice(0, perClass[split]));
  }
  chosen.sort((a, b) => a - b);
  const pixels = new Uint8Array(chosen.length * 784);
  chosen.forEach((index, row) => pixels.set(images.data.subarray(index * 784, (index + 1) * 784), row * 784));
  const kept = Uint8Array.from(chosen, (index) => labels.data[index]!);
  await writeFile(join(target, `${prefix}-images-idx3-ubyte.gz`), gzipSync(idxBytes([chosen.length, 28, 28], pixels), { level: 9 }));
  await writeFile(join(target, `${prefix}-labels-idx1-ubyte.gz`), gzipSync(idxBytes([chosen.length], kept), { level: 9 }));
  indices[split] = chosen;
}
const note = `Indices into the full Fashion-MNIST files of the images in this subset, ascending. Made by packages/data/scripts/make-fashion-mnist-fixture.ts: per split, createSeededRandom(${seed}) shuffles each class's indices (classes 0..9 in order) and keeps the first ${perClass.train} (train) or ${perClass.test} (test).`;
await writeFile(join(target, 'indices.json'), `${JSON.stringify({ note, seed, perClass, train: indices.train, test: indices.test })}\n`);
console.log(`wrote ${indices.train!.length} train and ${indices.test!.length} test images to ${target}`);
