import { gzipSync } from 'node:zlib';
import { ConfigError } from '@dl/errors';
import { describe, expect, it } from 'vitest';
import { readIdx } from './read-idx.js';

// Byte arrays written by hand from the IDX definition (http://yann.lecun.com/exdb/mnist/):
// magic 0x00 0x00 <type code> <ndims>, ndims big-endian uint32 sizes, then big-endian values.
const u8 = (...bytes: number[]): Uint8Array => Uint8Array.from(bytes);
// uint8, 2 x 3, values 1..6 (MNIST's "unsigned byte" type 0x08).
const matrix = u8(0x00, 0x00, 0x08, 0x02, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6);
// uint8 vector of 3 labels, like an idx1-ubyte label file.
const labels = u8(0x00, 0x00, 0x08, 0x01, 0, 0, 0, 3, 9, 0, 255);

async function configError(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('readIdx', () => {
  it('reads an unsigned-byte matrix: shape from the big-endian sizes, values row-major', async () => {
    const idx = await readIdx(matrix);
    expect(idx.type).toBe('uint8');
    expect(idx.shape).toEqual([2, 3]);
    expect(idx.data).toBeInstanceOf(Uint8Array);
    expect([...idx.data]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('reads sizes above 255 as big-endian uint32 (0x00 0x00 0x01 0x02 = 258)', async () => {
    const bytes = new Uint8Array(4 + 4 + 258);
    bytes.set([0x00, 0x00, 0x08, 0x01, 0x00, 0x00, 0x01, 0x02]);
    bytes[8 + 257] = 7;
    const idx = await readIdx(bytes);
    expect(idx.shape).toEqual([258]);
    expect(idx.data[257]).toBe(7);
  });

  it('reads a label vector and a 3-d image block like idx1-ubyte / idx3-ubyte files', async () => {
    expect([...(await readIdx(labels)).data]).toEqual([9, 0, 255]);
    // 2 images of 2 x 2.
    const images = u8(0x00, 0x00, 0x08, 0x03, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 10, 20, 30, 40, 50, 60, 70, 80);
    const idx = await readIdx(images);
    expect(idx.shape).toEqual([2, 2, 2]);
    expect([...idx.data]).toEqual([10, 20, 30, 40, 50, 60, 70, 80]);
  });

  it('reads signed bytes (0x09): 0xFF is -1, 0x80 is -128', async () => {
    const idx = await readIdx(u8(0x00, 0x00, 0x09, 0x01, 0, 0, 0, 3, 0xff, 0x80, 0x7f));
    expect(idx.type).toBe('int8');
    expect(idx.data).toBeInstanceOf(Int8Array);
    expect([...idx.data]).toEqual([-1, -128, 127]);
  });

  it('reads big-endian int16 (0x0B): FF FE is -2, 01 02 is 258', async () => {
    const idx = await readIdx(u8(0x00, 0x00, 0x0b, 0x01, 0, 0, 0, 2, 0xff, 0xfe, 0x01, 0x02));
    expect(idx.type).toBe('int16');
    expect(idx.data).toBeInstanceOf(Int16Array);
    expect([...idx.data]).toEqual([-2, 258]);
  });

  it('reads big-endian int32 (0x0C): 01 02 03 04 is 16909060, FF FF FF FF is -1', async () => {
    const idx = await readIdx(u8(0x00, 0x00, 0x0c, 0x01, 0, 0, 0, 2, 0x01, 0x02, 0x03, 0x04, 0xff, 0xff, 0xff, 0xff));
    expect(idx.type).toBe('int32');
    expect(idx.data).toBeInstanceOf(Int32Array);
    expect([...idx.data]).toEqual([0x01020304, -1]);
  });

  it('reads big-endian IEEE float32 (0x0D): 3F C0 00 00 is 1.5, C0 00 00 00 is -2', async () => {
    const idx = await readIdx(u8(0x00, 0x00, 0x0d, 0x01, 0, 0, 0, 2, 0x3f, 0xc0, 0x00, 0x00, 0xc0, 0x00, 0x00, 0x00));
    expect(idx.type).toBe('float32');
    expect(idx.data).toBeInstanceOf(Float32Array);
    expect([...idx.data]).toEqual([1.5, -2]);
  });

  it('reads big-endian IEEE float64 (0x0E): 3F B9 99 99 99 99 99 9A is 0.1, FF F0 00.. is -Infinity', async () => {
    const idx = await readIdx(
      u8(0x00, 0x00, 0x0e, 0x02, 0, 0, 0, 1, 0, 0, 0, 2, 0x3f, 0xb9, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9a, 0xff, 0xf0, 0, 0, 0, 0, 0, 0),
    );
    expect(idx.type).toBe('float64');
    expect(idx.shape).toEqual([1, 2]);
    expect(idx.data).toBeInstanceOf(Float64Array);
    expect([...idx.data]).toEqual([0.1, -Infinity]);
  });

  it('accepts an ArrayBuffer and a Uint8Array view into a larger buffer (a Node Buffer from a pool)', async () => {
    expect([...(await readIdx(matrix.slice().buffer)).data]).toEqual([1, 2, 3, 4, 5, 6]);
    const padded = new Uint8Array(5 + labels.length + 3);
    padded.set(labels, 5);
    const int16 = u8(0x00, 0x00, 0x0b, 0x01, 0, 0, 0, 1, 0x01, 0x02);
    const odd = new Uint8Array(1 + int16.length);
    odd.set(int16, 1); // the values start at an odd offset of the buffer
    expect([...(await readIdx(padded.subarray(5, 5 + labels.length))).data]).toEqual([9, 0, 255]);
    expect([...(await readIdx(odd.subarray(1))).data]).toEqual([258]);
  });

  it('returns a copy: changing the result leaves the input bytes alone', async () => {
    const bytes = matrix.slice();
    const idx = await readIdx(bytes);
    idx.data[0] = 99;
    expect(bytes[12]).toBe(1);
  });

  it('gunzips gzipped input (1f 8b) and gives the same result as the plain bytes', async () => {
    const gz = gzipSync(matrix);
    expect([gz[0], gz[1]]).toEqual([0x1f, 0x8b]);
    const idx = await readIdx(gz);
    expect(idx.shape).toEqual([2, 3]);
    expect([...idx.data]).toEqual([1, 2, 3, 4, 5, 6]);
    const floats = await readIdx(gzipSync(u8(0x00, 0x00, 0x0d, 0x01, 0, 0, 0, 1, 0x3f, 0xc0, 0x00, 0x00)));
    expect([...floats.data]).toEqual([1.5]);
  });

  it('rejects a bad magic number (first two bytes not zero), naming the file', async () => {
    const bytes = matrix.slice();
    bytes[0] = 0x12;
    bytes[1] = 0x34;
    const error = await configError(readIdx(bytes, { name: 'images.idx' }));
    expect(error.path).toBe('magic');
    expect(error.message).toContain('images.idx');
    expect(error.message).toContain('0x12 0x34 0x08 0x02');
    expect(error.message).toMatch(/^\[@dl\/data\]/);
    // A PNG is not an IDX file either.
    expect((await configError(readIdx(u8(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)))).path).toBe('magic');
  });

  it('rejects an unknown type code (0x0A is not an IDX type), listing the six allowed', async () => {
    const bytes = matrix.slice();
    bytes[2] = 0x0a;
    const error = await configError(readIdx(bytes));
    expect(error.path).toBe('type code');
    expect(error.message).toContain('0x0A');
    for (const code of ['0x08', '0x09', '0x0B', '0x0C', '0x0D', '0x0E']) expect(error.expected).toContain(code);
  });

  it('rejects zero dimensions and a header cut short', async () => {
    expect((await configError(readIdx(u8(0x00, 0x00, 0x08, 0x00, 7)))).path).toBe('ndims');
    expect((await configError(readIdx(u8(0x00, 0x00)))).path).toBe('length');
    // 3 dimensions need a 16-byte header; 10 bytes are given.
    const error = await configError(readIdx(u8(0x00, 0x00, 0x08, 0x03, 0, 0, 0, 1, 0, 0)));
    expect(error.path).toBe('length');
    expect(error.message).toContain('16 bytes');
  });

  it('rejects a truncated file, naming the expected and actual byte counts', async () => {
    // 2 x 3 uint8: 12 header bytes + 6 values = 18; give 16.
    const error = await configError(readIdx(matrix.subarray(0, 16), { name: 'train-images-idx3-ubyte' }));
    expect(error.path).toBe('length');
    expect(error.value).toBe(16);
    expect(error.message).toContain('18 bytes');
    expect(error.message).toContain('2 bytes missing');
    expect(error.message).toContain('train-images-idx3-ubyte');
    // A multi-byte type counts bytes, not values: 2 int32 values need 8 bytes after the header.
    const int32 = u8(0x00, 0x00, 0x0c, 0x01, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0);
    expect((await configError(readIdx(int32))).message).toContain('16 bytes (truncated: 1 bytes missing)');
  });

  it('rejects trailing bytes after the values', async () => {
    const bytes = new Uint8Array(matrix.length + 3);
    bytes.set(matrix);
    const error = await configError(readIdx(bytes));
    expect(error.path).toBe('length');
    expect(error.value).toBe(21);
    expect(error.message).toContain('3 trailing bytes');
  });

  it('reports a gzip stream that is truncated, corrupt or followed by other bytes', async () => {
    const gz = gzipSync(matrix);
    const truncated = await configError(readIdx(gz.subarray(0, gz.length - 6), { name: 'x.gz' }));
    expect(truncated.path).toBe('gzip');
    expect(truncated.message).toContain('x.gz');
    expect(truncated.cause).toBeDefined();
    const corrupt = Uint8Array.from(gz);
    corrupt[corrupt.length - 8] = corrupt[corrupt.length - 8]! ^ 0xff; // the CRC-32 of the uncompressed data
    expect((await configError(readIdx(corrupt))).path).toBe('gzip');
    const trailing = new Uint8Array(gz.length + 4);
    trailing.set(gz);
    trailing.set([1, 2, 3, 4], gz.length);
    expect((await configError(readIdx(trailing))).path).toBe('gzip');
  });

  it('rejects a truncated file inside a complete gzip stream with the byte counts', async () => {
    const error = await configError(readIdx(gzipSync(matrix.subarray(0, 15))));
    expect(error.path).toBe('length');
    expect(error.message).toContain('3 bytes missing');
  });

  it('rejects input that is not bytes with a ConfigError naming the argument', async () => {
    const error = await configError(readIdx([0, 0, 8, 1] as unknown as Uint8Array));
    expect(error.path).toBe('bytes');
  });
});
