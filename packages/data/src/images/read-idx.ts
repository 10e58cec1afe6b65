import { ConfigError } from '@dl/errors';
import { invalidInput } from '../text/invalid-input.js';

/** Element types of the IDX format, named after the typed array that holds them. */
export type IdxType = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';

/** The typed array {@link readIdx} returns for each {@link IdxType}. */
export interface IdxArrays {
  uint8: Uint8Array;
  int8: Int8Array;
  int16: Int16Array;
  int32: Int32Array;
  float32: Float32Array;
  float64: Float64Array;
}

/**
 * The contents of an IDX file; `type` tells which typed array `data` is (`if (idx.type ===
 * 'uint8') idx.data` is a `Uint8Array`).
 */
export type IdxData = {
  [TType in IdxType]: {
    /** The values in row-major order (last dimension fastest), in the platform's byte order. */
    readonly data: IdxArrays[TType];
    /** The dimensions from the header, e.g. `[60000, 28, 28]` for Fashion-MNIST's training images. */
    readonly shape: number[];
    /** The element type from the header's type code. */
    readonly type: TType;
  };
}[IdxType];

/** Options of {@link readIdx}. */
export interface ReadIdxOptions {
  /** A name for the bytes in error messages, usually the file's path. Default: none. */
  readonly name?: string;
}

/** IDX type codes (the third byte of the magic number), their types and element sizes in bytes. */
const typeCodes: ReadonlyMap<number, { readonly type: IdxType; readonly size: number }> = new Map([
  [0x08, { type: 'uint8', size: 1 }],
  [0x09, { type: 'int8', size: 1 }],
  [0x0b, { type: 'int16', size: 2 }],
  [0x0c, { type: 'int32', size: 4 }],
  [0x0d, { type: 'float32', size: 4 }],
  [0x0e, { type: 'float64', size: 8 }],
]);
const typeCodeList = '0x08 (unsigned byte), 0x09 (signed byte), 0x0B (int16), 0x0C (int32), 0x0D (float32) or 0x0E (float64)';

/** Typed arrays index with 32-bit lengths in some engines: stay below 2^31 elements. */
const maxElements = 2 ** 31 - 1;

const hex = (byte: number): string => `0x${byte.toString(16).padStart(2, '0').toUpperCase()}`;

/**
 * Reads an IDX file, the format of MNIST and Fashion-MNIST (LeCun, Cortes & Burges,
 * http://yann.lecun.com/exdb/mnist/): a magic number `0x00 0x00 <type code> <ndims>`, then
 * `ndims` big-endian uint32 dimensions, then the values, big-endian, in row-major order.
 * Gzipped bytes (starting `1f 8b`, as the `.gz` files are distributed) are decompressed first
 * with the platform's own `DecompressionStream('gzip')` (Node >= 18 and every current browser),
 * so the reader needs no dependency and no tfjs, and works in Node and browsers alike.
 *
 * The bytes must hold exactly the header and `product(shape)` values: a shorter file is
 * truncated, a longer one has trailing bytes, and both are errors (a wrong count usually means a
 * damaged download or the wrong file). The returned arrays are copies, in the platform's byte
 * order.
 *
 * @param bytes - the file's contents, gzipped or not.
 * @param options - see {@link ReadIdxOptions}.
 * @param options.name - a name for the bytes in error messages (the file path).
 * @returns a promise of `{ data, shape, type }`.
 * @throws `ConfigError` (from `@dl/errors`, message `[@dl/data] ...`, subject `IDX file`) whose
 *   `path` names the bad part: `bytes` (not a `Uint8Array` or `ArrayBuffer`), `gzip` (a gzip
 *   stream that fails to decompress: truncated, corrupt, or followed by other bytes), `magic`
 *   (the first two bytes are not zero), `type code` (not one of the six IDX types), `ndims` (0),
 *   `size` (more than 2^31 - 1 values), `length` (the byte count differs from what the header
 *   implies; the message gives both counts and how many bytes are missing or extra).
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { readIdx } from '@dl/data';
 *
 * const labels = await readIdx(await readFile('train-labels-idx1-ubyte.gz'));
 * labels.shape; // [60000]
 * labels.type; // 'uint8'
 * labels.data[0]; // 9 (Ankle boot)
 * // In a browser: await readIdx(new Uint8Array(await (await fetch(url)).arrayBuffer()))
 * ```
 */
export async function readIdx(bytes: Uint8Array | ArrayBuffer, options: ReadIdxOptions = {}): Promise<IdxData> {
  const name = options.name;
  if (!(bytes instanceof Uint8Array) && !(bytes instanceof ArrayBuffer)) {
    throw invalidInput('bytes', bytes, 'a Uint8Array (a Node Buffer is one) or an ArrayBuffer with the contents of an IDX file');
  }
  let view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (view.length >= 2 && view[0] === 0x1f && view[1] === 0x8b) view = await gunzip(view, name);
  return parseIdx(view, name);
}

function formatError(name: string | undefined, path: string, value: unknown, expected: string, cause?: unknown): ConfigError {
  const subject = name === undefined ? 'IDX file' : `IDX file ${JSON.stringify(name)}`;
  return new ConfigError({ package: 'data', subject, path, value, expected, cause });
}

async function gunzip(bytes: Uint8Array, name: string | undefined): Promise<Uint8Array> {
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  // A corrupt stream rejects these too; the error is reported once, from the readable side.
  // (A view into a SharedArrayBuffer is not a BufferSource: copy it; a Node Buffer passes as is.)
  writer.write(bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice()).catch(() => undefined);
  writer.close().catch(() => undefined);
  try {
    return new Uint8Array(await new Response(stream.readable).arrayBuffer());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw formatError(
      name,
      'gzip',
      `a stream that fails to decompress (${reason})`,
      `a complete gzip stream (the bytes start with the gzip signature 1f 8b); the file is truncated, damaged or has bytes after the gzip data`,
      error,
    );
  }
}

function parseIdx(bytes: Uint8Array, name: string | undefined): IdxData {
  if (bytes.length < 4) {
    throw formatError(name, 'length', bytes.length, 'at least 4 bytes (the magic number 0x00 0x00 <type code> <ndims>)');
  }
  const [zero0, zero1, code, ndims] = [bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!];
  if (zero0 !== 0 || zero1 !== 0) {
    throw formatError(
      name,
      'magic',
      [zero0, zero1, code, ndims].map(hex).join(' '),
      'an IDX magic number 0x00 0x00 <type code> <ndims>, or gzipped IDX (starting 0x1F 0x8B): this is not an IDX file',
    );
  }
  const entry = typeCodes.get(code);
  if (entry === undefined) throw formatError(name, 'type code', hex(code), `one of ${typeCodeList}`);
  if (ndims === 0) throw formatError(name, 'ndims', 0, 'at least 1 dimension (the fourth byte of the magic number)');
  const headerBytes = 4 + 4 * ndims;
  if (bytes.length < headerBytes) {
    throw formatError(name, 'length', bytes.length, `at least ${headerBytes} bytes for the header of ${ndims} dimensions (truncated)`);
  }
  const header = new DataView(bytes.buffer, bytes.byteOffset, headerBytes);
  const shape: number[] = [];
  for (let i = 0; i < ndims; i++) shape.push(header.getUint32(4 + 4 * i, false));
  const count = shape.reduce((product, dim) => product * dim, 1);
  if (count > maxElements) {
    throw formatError(name, 'size', shape, `at most ${maxElements} values (one typed array holds them), got ${count}`);
  }
  const expectedBytes = headerBytes + count * entry.size;
  if (bytes.length !== expectedBytes) {
    const difference = bytes.length < expectedBytes ? `truncated: ${expectedBytes - bytes.length} bytes missing` : `${bytes.length - expectedBytes} trailing bytes`;
    throw formatError(
      name,
      'length',
      bytes.length,
      `${expectedBytes} bytes (${difference}): a ${headerBytes}-byte header and ${shape.join(' x ')} ${entry.type} values of ${entry.size} byte${entry.size === 1 ? '' : 's'}`,
    );
  }
  return { data: readValues(bytes, headerBytes, count, entry.type), shape, type: entry.type } as IdxData;
}

function readValues(bytes: Uint8Array, offset: number, count: number, type: IdxType): IdxArrays[IdxType] {
  const body = bytes.slice(offset); // a copy that owns its buffer
  if (type === 'uint8') return body;
  if (type === 'int8') return new Int8Array(body.buffer);
  const view = new DataView(body.buffer);
  // IDX stores big-endian; typed arrays use the platform's order, so read each value.
  switch (type) {
    case 'int16': {
      const out = new Int16Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getInt16(2 * i, false);
      return out;
    }
    case 'int32': {
      const out = new Int32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getInt32(4 * i, false);
      return out;
    }
    case 'float32': {
      const out = new Float32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getFloat32(4 * i, false);
      return out;
    }
    case 'float64': {
      const out = new Float64Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getFloat64(8 * i, false);
      return out;
    }
  }
}
