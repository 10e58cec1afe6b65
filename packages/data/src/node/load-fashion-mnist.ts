import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, parseOptions, ShapeError } from '@dl/errors';
import * as v from 'valibot';
import { fashionMnistClassNames } from '../images/fashion-mnist-class-names.js';
import { readIdx, type IdxData } from '../images/read-idx.js';

/**
 * Where Debian's `dataset-fashion-mnist` package installs the four gzipped IDX files.
 *
 * @example
 * ```ts
 * import { debianFashionMnistDir, loadFashionMnist } from '@dl/data/node';
 * const train = await loadFashionMnist({ dir: debianFashionMnistDir, split: 'train' }); // 60,000 images
 * ```
 */
export const debianFashionMnistDir = '/usr/share/datasets/fashion-mnist/';

/**
 * The committed stratified subset (2,000 train + 500 test images, 200 and 50 per class) in this
 * package's source tree. It is not published to npm (fixtures stay out of the package), so it
 * exists only in a checkout of the repository.
 *
 * @example
 * ```ts
 * import { fashionMnistFixtureDir, loadFashionMnist } from '@dl/data/node';
 * const test = await loadFashionMnist({ dir: fashionMnistFixtureDir, split: 'test' }); // 500 images, 50 per class
 * ```
 */
export const fashionMnistFixtureDir: string = fileURLToPath(new URL('../../fixtures/fashion-mnist/', import.meta.url));

/** Options of {@link loadFashionMnist}. */
export interface LoadFashionMnistOptions {
  /** `'train'` (60,000 images in the full set) or `'test'` (10,000). Required. */
  readonly split: 'train' | 'test';
  /**
   * Directory with `train-images-idx3-ubyte`, `train-labels-idx1-ubyte`, `t10k-images-idx3-ubyte`
   * and `t10k-labels-idx1-ubyte`, each gzipped (`.gz`, preferred when both exist) or not.
   * Default: {@link debianFashionMnistDir} when it exists, else {@link fashionMnistFixtureDir}.
   */
  readonly dir?: string;
  /** Keep only the first `limit` images (in file order); an integer >= 1. Default: all. */
  readonly limit?: number;
  /**
   * `false`: images as the file stores them, a `Uint8Array` of 0..255 (a quarter of the memory
   * of float32, and exact). `true`: a `Float32Array` of `value / 255` in [0, 1], what a network
   * takes. Default: `false`.
   */
  readonly normalize?: boolean;
}

/** Images and labels of one split of Fashion-MNIST. */
export interface FashionMnistData<TImages extends Uint8Array | Float32Array = Uint8Array | Float32Array> {
  /** `[count, 28, 28]` row-major: pixel `(r, c)` of image `i` is `images[(i * 28 + r) * 28 + c]`; 0 is background. */
  readonly images: TImages;
  /** `[count]`: the class of each image, 0..9, an index into `classNames`. */
  readonly labels: Uint8Array;
  /** `[count, 28, 28]`; add a channel for a conv net: `tf.tensor4d(images, [...shape, 1])`. */
  readonly shape: [count: number, height: 28, width: 28];
  /** The ten class names, {@link fashionMnistClassNames}. */
  readonly classNames: typeof fashionMnistClassNames;
  /** The directory the files were read from (tells the full set from the fixture). */
  readonly dir: string;
}

const OptionsSchema = v.strictObject({
  split: v.picklist(['train', 'test']),
  dir: v.optional(v.pipe(v.string(), v.minLength(1))),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  normalize: v.optional(v.boolean(), false),
});

const prefixes = { train: 'train', test: 't10k' } as const;

/**
 * Reads one split of Fashion-MNIST (Zalando Research, MIT license: 28 x 28 grey images of ten
 * kinds of clothing) from the four IDX files in a directory, checks that the files agree, and
 * returns plain typed arrays: no tfjs, no download.
 *
 * The full set: `apt-get install dataset-fashion-mnist` (Debian) puts it in
 * `/usr/share/datasets/fashion-mnist/`, the default directory when it exists; or download the
 * four `.gz` files of https://github.com/zalandoresearch/fashion-mnist into a directory and pass
 * it as `dir`. Without either, a checkout of the repository falls back to its committed subset
 * (`packages/data/fixtures/fashion-mnist/`: 200 train and 50 test images per class).
 *
 * @param options - see {@link LoadFashionMnistOptions}.
 * @param options.split - `'train'` or `'test'` (the `t10k` files).
 * @param options.dir - the directory of the IDX files; default: Debian's, else the fixture.
 * @param options.limit - keep the first `limit` images; default all (a larger limit keeps all).
 * @param options.normalize - `true` for a `Float32Array` in [0, 1]; default `false` (`Uint8Array`).
 * @returns `{ images, labels, shape, classNames, dir }`.
 * @throws `ConfigError` (from `@dl/errors`, message `[@dl/data] ...`) for a bad or misspelled
 *   option, a missing file (naming the paths tried), or a malformed IDX file (see {@link readIdx}).
 * @throws `ShapeError` when the images are not `[n, 28, 28]` uint8, the labels not `[n]` uint8,
 *   or the two files hold different counts (naming both files and both counts).
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { loadFashionMnist } from '@dl/data/node';
 *
 * const train = await loadFashionMnist({ split: 'train', normalize: true });
 * train.shape; // [60000, 28, 28] (the full set), or [2000, 28, 28] (the fixture)
 * train.classNames[train.labels[0]!]; // 'Ankle boot'
 * const x = tf.tensor4d(train.images, [...train.shape, 1]);
 * const y = tf.oneHot(tf.tensor1d(train.labels, 'int32'), 10);
 * ```
 */
export async function loadFashionMnist(options: LoadFashionMnistOptions & { readonly normalize: true }): Promise<FashionMnistData<Float32Array>>;
export async function loadFashionMnist(options: LoadFashionMnistOptions & { readonly normalize?: false }): Promise<FashionMnistData<Uint8Array>>;
export async function loadFashionMnist(options: LoadFashionMnistOptions): Promise<FashionMnistData>;
export async function loadFashionMnist(options: LoadFashionMnistOptions): Promise<FashionMnistData> {
  const parsed = parseOptions(OptionsSchema, options, { package: 'data' });
  const dir = parsed.dir ?? defaultDir();
  const prefix = prefixes[parsed.split];
  const imagesPath = findFile(dir, `${prefix}-images-idx3-ubyte`);
  const labelsPath = findFile(dir, `${prefix}-labels-idx1-ubyte`);
  const [images, labels] = await Promise.all([readIdxFile(imagesPath), readIdxFile(labelsPath)]);
  if (images.type !== 'uint8' || images.shape.length !== 3 || images.shape[1] !== 28 || images.shape[2] !== 28) {
    throw new ShapeError({ package: 'data', argument: imagesPath, actual: images.shape, expected: `[n, 28, 28] unsigned bytes (type 0x08), got type ${images.type}` });
  }
  if (labels.type !== 'uint8' || labels.shape.length !== 1) {
    throw new ShapeError({ package: 'data', argument: labelsPath, actual: labels.shape, expected: `[n] unsigned bytes (type 0x08), got type ${labels.type}` });
  }
  const count = images.shape[0]!;
  if (labels.shape[0] !== count) {
    throw new ShapeError({
      package: 'data',
      argument: labelsPath,
      actual: labels.shape,
      expected: `[${count}]: one label per image, and ${imagesPath} holds ${count} images where this file holds ${labels.shape[0]} labels`,
    });
  }
  const bad = labels.data.findIndex((label) => label >= fashionMnistClassNames.length);
  if (bad >= 0) {
    throw new ConfigError({ package: 'data', subject: `IDX file ${JSON.stringify(labelsPath)}`, path: `${bad}`, value: labels.data[bad], expected: 'a Fashion-MNIST label 0..9' });
  }
  const kept = Math.min(count, parsed.limit ?? count);
  // readIdx returned copies that nothing else holds: keep them whole when nothing is cut.
  const pixels = kept === count ? images.data : images.data.slice(0, kept * 28 * 28);
  return {
    images: parsed.normalize ? Float32Array.from(pixels, (value) => value / 255) : pixels,
    labels: kept === count ? labels.data : labels.data.slice(0, kept),
    shape: [kept, 28, 28],
    classNames: fashionMnistClassNames,
    dir,
  };
}

function defaultDir(): string {
  if (existsSync(debianFashionMnistDir)) return debianFashionMnistDir;
  if (existsSync(fashionMnistFixtureDir)) return fashionMnistFixtureDir;
  throw new ConfigError({
    package: 'data',
    path: 'dir',
    value: undefined,
    expected: `a directory with the Fashion-MNIST IDX files: ${debianFashionMnistDir} does not exist (Debian: apt-get install dataset-fashion-mnist), and the committed subset is only in a checkout of the repository; or download the four .gz files of https://github.com/zalandoresearch/fashion-mnist and pass their directory`,
  });
}

function findFile(dir: string, base: string): string {
  const candidates = [join(dir, `${base}.gz`), join(dir, base)];
  const found = candidates.find((path) => existsSync(path));
  if (found !== undefined) return found;
  throw new ConfigError({ package: 'data', path: 'dir', value: dir, expected: `a directory that holds ${base}.gz or ${base} (Fashion-MNIST's IDX files); neither ${candidates.join(' nor ')} exists` });
}

async function readIdxFile(path: string): Promise<IdxData> {
  return readIdx(await readFile(path), { name: path });
}
