import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ConfigError, ShapeError } from '@dl/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { debianFashionMnistDir, fashionMnistFixtureDir, loadFashionMnist } from './load-fashion-mnist.js';

const classNames = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];

function countPerClass(labels: Uint8Array): number[] {
  const counts = new Array<number>(10).fill(0);
  for (const label of labels) counts[label]! += 1;
  return counts;
}

/** An unsigned-byte IDX file, written from the format definition (big-endian sizes). */
function idx(shape: number[], values: Uint8Array): Buffer {
  const header = Buffer.alloc(4 + 4 * shape.length);
  header[2] = 0x08;
  header[3] = shape.length;
  shape.forEach((dim, i) => header.writeUInt32BE(dim, 4 + 4 * i));
  return Buffer.concat([header, values]);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('loadFashionMnist on the committed fixture', () => {
  it('train: 2,000 images [2000, 28, 28] uint8, 200 per class, labels 0..9, the ten class names', async () => {
    const train = await loadFashionMnist({ split: 'train', dir: fashionMnistFixtureDir });
    expect(train.shape).toEqual([2000, 28, 28]);
    expect(train.images).toBeInstanceOf(Uint8Array);
    expect(train.images.length).toBe(2000 * 28 * 28);
    expect(train.labels).toBeInstanceOf(Uint8Array);
    expect(train.labels.length).toBe(2000);
    expect(countPerClass(train.labels)).toEqual(new Array(10).fill(200));
    expect([...train.classNames]).toEqual(classNames);
    expect(train.dir).toBe(fashionMnistFixtureDir);
    // Real pictures, not zeros: background 0, some ink at 255 in nearly every image.
    expect(Math.max(...train.images.subarray(0, 784))).toBeGreaterThan(100);
  });

  it('test: 500 images, 50 per class', async () => {
    const test = await loadFashionMnist({ split: 'test', dir: fashionMnistFixtureDir });
    expect(test.shape).toEqual([500, 28, 28]);
    expect(countPerClass(test.labels)).toEqual(new Array(10).fill(50));
  });

  it('the fixture is the documented subset: the indices in indices.json, ascending, per class as stated', async () => {
    const indices = JSON.parse(await readFile(join(fashionMnistFixtureDir, 'indices.json'), 'utf8')) as { train: number[]; test: number[] };
    expect(indices.train).toHaveLength(2000);
    expect(indices.test).toHaveLength(500);
    for (const [list, size] of [[indices.train, 60_000], [indices.test, 10_000]] as const) {
      expect(list.every((index, i) => Number.isInteger(index) && index >= 0 && index < size && (i === 0 || index > list[i - 1]!))).toBe(true);
    }
  });

  it('normalize: true gives a Float32Array of value / 255', async () => {
    const raw = await loadFashionMnist({ split: 'test', dir: fashionMnistFixtureDir, limit: 3 });
    const scaled = await loadFashionMnist({ split: 'test', dir: fashionMnistFixtureDir, limit: 3, normalize: true });
    expect(scaled.images).toBeInstanceOf(Float32Array);
    expect(scaled.images.length).toBe(raw.images.length);
    for (let i = 0; i < raw.images.length; i++) expect(scaled.images[i]).toBeCloseTo(raw.images[i]! / 255, 7);
    expect(Math.max(...scaled.images)).toBeLessThanOrEqual(1);
  });

  it('limit keeps the first images and labels in file order; a limit above the count keeps all', async () => {
    const all = await loadFashionMnist({ split: 'test', dir: fashionMnistFixtureDir });
    const first = await loadFashionMnist({ split: 'test', dir: fashionMnistFixtureDir, limit: 7 });
    expect(first.shape).toEqual([7, 28, 28]);
    expect([...first.labels]).toEqual([...all.labels.subarray(0, 7)]);
    expect([...first.images]).toEqual([...all.images.subarray(0, 7 * 784)]);
    expect((await loadFashionMnist({ split: 'test', dir: fashionMnistFixtureDir, limit: 10_000 })).shape).toEqual([500, 28, 28]);
  });

  it('the default directory is Debian\'s when it exists, else the fixture', async () => {
    const data = await loadFashionMnist({ split: 'test', limit: 1 });
    expect(data.dir).toBe(existsSync(debianFashionMnistDir) ? debianFashionMnistDir : fashionMnistFixtureDir);
  });
});

describe('loadFashionMnist errors', () => {
  let dir = '';
  beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'dl-fashion-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('image and label counts that differ: a ShapeError naming both files and both counts', async () => {
    await writeFile(join(dir, 'train-images-idx3-ubyte.gz'), gzipSync(idx([3, 28, 28], new Uint8Array(3 * 784))));
    await writeFile(join(dir, 'train-labels-idx1-ubyte'), idx([2], Uint8Array.from([1, 2]))); // not gzipped: read too
    const error = await rejection(loadFashionMnist({ split: 'train', dir }));
    expect(error).toBeInstanceOf(ShapeError);
    const message = (error as ShapeError).message;
    expect(message).toContain(join(dir, 'train-images-idx3-ubyte.gz'));
    expect(message).toContain(join(dir, 'train-labels-idx1-ubyte'));
    expect(message).toContain('3 images');
    expect(message).toContain('2 labels');
  });

  it('images that are not 28 x 28: a ShapeError with the shape found', async () => {
    await writeFile(join(dir, 't10k-images-idx3-ubyte.gz'), gzipSync(idx([2, 27, 28], new Uint8Array(2 * 27 * 28))));
    await writeFile(join(dir, 't10k-labels-idx1-ubyte.gz'), gzipSync(idx([2], Uint8Array.from([0, 9]))));
    const error = await rejection(loadFashionMnist({ split: 'test', dir }));
    expect(error).toBeInstanceOf(ShapeError);
    expect((error as ShapeError).actual).toEqual([2, 27, 28]);
  });

  it('a label above 9: a ConfigError naming the file and the position', async () => {
    const bad = await mkdtemp(join(tmpdir(), 'dl-fashion-'));
    try {
      await writeFile(join(bad, 't10k-images-idx3-ubyte'), idx([2, 28, 28], new Uint8Array(2 * 784)));
      await writeFile(join(bad, 't10k-labels-idx1-ubyte'), idx([2], Uint8Array.from([0, 10])));
      const error = await rejection(loadFashionMnist({ split: 'test', dir: bad }));
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).path).toBe('1');
      expect((error as ConfigError).message).toContain('t10k-labels-idx1-ubyte');
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });

  it('a missing file: a ConfigError on dir naming the files tried', async () => {
    const empty = join(dir, 'nothing-here');
    const error = await rejection(loadFashionMnist({ split: 'train', dir: empty }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).path).toBe('dir');
    expect((error as ConfigError).message).toContain('train-images-idx3-ubyte.gz');
  });

  it('a truncated file: readIdx\'s ConfigError with the path of the file', async () => {
    const cut = await mkdtemp(join(tmpdir(), 'dl-fashion-'));
    try {
      await writeFile(join(cut, 't10k-images-idx3-ubyte'), idx([2, 28, 28], new Uint8Array(2 * 784)).subarray(0, 100));
      await writeFile(join(cut, 't10k-labels-idx1-ubyte'), idx([2], Uint8Array.from([0, 1])));
      const error = await rejection(loadFashionMnist({ split: 'test', dir: cut }));
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).path).toBe('length');
      expect((error as ConfigError).message).toContain(join(cut, 't10k-images-idx3-ubyte'));
    } finally {
      await rm(cut, { recursive: true, force: true });
    }
  });

  it('bad options: a ConfigError naming the option', async () => {
    const cases: [unknown, string][] = [
      [{ split: 'validation' }, 'split'],
      [{}, 'split'],
      [{ split: 'train', limit: 0 }, 'limit'],
      [{ split: 'train', limit: 1.5 }, 'limit'],
      [{ split: 'train', normalise: true }, 'normalise'],
      [{ split: 'train', dir: '' }, 'dir'],
    ];
    for (const [options, path] of cases) {
      const error = await rejection(loadFashionMnist(options as never));
      expect(error, JSON.stringify(options)).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).path).toBe(path);
    }
  });
});

const fullSet = existsSync(debianFashionMnistDir);
if (!fullSet) {
  console.warn(`[@dl/data] Skipping the full Fashion-MNIST checks: ${debianFashionMnistDir} does not exist (apt-get install dataset-fashion-mnist).`);
}

describe.skipIf(!fullSet)(`loadFashionMnist on the full set in ${debianFashionMnistDir} (skipped when it is not installed)`, () => {
  it('has 60,000 train and 10,000 test images, 6,000 and 1,000 per class', async () => {
    const train = await loadFashionMnist({ split: 'train', dir: debianFashionMnistDir });
    const test = await loadFashionMnist({ split: 'test', dir: debianFashionMnistDir });
    expect(train.shape).toEqual([60_000, 28, 28]);
    expect(test.shape).toEqual([10_000, 28, 28]);
    expect(countPerClass(train.labels)).toEqual(new Array(10).fill(6000));
    expect(countPerClass(test.labels)).toEqual(new Array(10).fill(1000));
    // The first training image is an ankle boot, the first test image too (Fashion-MNIST's README).
    expect([train.labels[0], test.labels[0]]).toEqual([9, 9]);
  });

  it('the fixture holds exactly the full set\'s images and labels at the indices of indices.json', async () => {
    const indices = JSON.parse(await readFile(join(fashionMnistFixtureDir, 'indices.json'), 'utf8')) as { train: number[]; test: number[] };
    for (const split of ['train', 'test'] as const) {
      const full = await loadFashionMnist({ split, dir: debianFashionMnistDir });
      const fixture = await loadFashionMnist({ split, dir: fashionMnistFixtureDir });
      const list = indices[split];
      expect([...fixture.labels]).toEqual(list.map((index) => full.labels[index]));
      list.forEach((index, row) => {
        const a = fixture.images.subarray(row * 784, (row + 1) * 784);
        const b = full.images.subarray(index * 784, (index + 1) * 784);
        if (!a.every((value, i) => value === b[i])) expect.fail(`${split} image ${row} differs from full image ${index}`);
      });
    }
  });
});
