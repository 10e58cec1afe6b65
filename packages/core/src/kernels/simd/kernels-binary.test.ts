import { describe, expect, it } from 'vitest';
import { compileKernels, expandUnrolls } from '../../../scripts/compile-kernels.mjs';
import { ConfigError } from '../../errors/config-error.js';
import { kernelsModuleBase64, sharedKernelsModuleBase64 } from './kernels-binary.generated.js';
import { prepareSimdKernels, simdKernelsFor } from './simd-kernels.js';

/** The ids of a WebAssembly binary's sections, in order (1 type, 2 import, 6 global, 7 export, 10 code, 11 data, ...). */
function sectionIds(bytes: Uint8Array): number[] {
  const ids: number[] = [];
  let at = 8; // magic and version
  while (at < bytes.length) {
    const id = bytes[at++]!;
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++]!;
      size |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
    }
    ids.push(id);
    at += size;
  }
  return ids;
}

const decode = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

describe("dl's SIMD kernels module", () => {
  it('is what assembly/kernels.ts compiles to (node scripts/build-wasm.mjs regenerates it)', async () => {
    const [plain, shared] = await Promise.all([compileKernels({ shared: false }), compileKernels({ shared: true })]);
    expect(Buffer.from(plain).toString('base64')).toBe(kernelsModuleBase64);
    expect(Buffer.from(shared).toString('base64')).toBe(sharedKernelsModuleBase64);
  }, 60_000);

  it('is compiled from the source with each `// unroll N {` block written out N times, at any indentation', () => {
    const source = ['a;', '  // unroll 3 {', '  b;', '  if (c) break;', '  // }', 'd;', '// unroll 2 {', 'e;', '// }', ''].join('\n');
    expect(expandUnrolls(source)).toBe(['a;', '  b;', '  if (c) break;', '  b;', '  if (c) break;', '  b;', '  if (c) break;', 'd;', 'e;', 'e;', ''].join('\n'));
    expect(expandUnrolls('no blocks\n')).toBe('no blocks\n');
    expect(() => expandUnrolls('  // unroll 2 {\n  b;\n// }\n')).toThrow('"// unroll 2 {" has no "// }" at its indentation after it');
  });

  it.each([
    ['ordinary', kernelsModuleBase64],
    ['shared', sharedKernelsModuleBase64],
  ])('(%s memory) imports only the memory and writes nothing of its own into it: no data, no globals, no start', (_, base64) => {
    const bytes = decode(base64);
    const module = new WebAssembly.Module(bytes);
    expect(WebAssembly.Module.imports(module)).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
    expect(WebAssembly.Module.exports(module).map((e) => e.name).sort()).toEqual(['biasActivation', 'col2im', 'conv2d', 'conv2dScratchBytes', 'gatherRows', 'gemm', 'gemmScratchBytes', 'im2col', 'maxPoolGradTiled', 'patchAddresses', 'scatterAddRows', 'sigmoidInPlace', 'sumColumns', 'tanhInPlace']);
    const ids = sectionIds(bytes);
    expect(ids).not.toContain(6); // globals (a stack pointer would be one)
    expect(ids).not.toContain(8); // start function
    expect(ids).not.toContain(11); // data segments, which would be copied into the backend's heap
  });

  it('is offered only for tfjs-backend-wasm (a backend with a WebAssembly memory and a dataIdMap)', () => {
    expect(simdKernelsFor({})).toBeUndefined();
    expect(simdKernelsFor({ wasm: { asm: { memory: {} } }, dataIdMap: new Map() })).toBeUndefined();
    expect(simdKernelsFor({ wasm: { asm: { memory: new WebAssembly.Memory({ initial: 1 }) } }, dataIdMap: new Map() })).toBeDefined();
  });

  it('refuses a thread count that is not an integer from 1 to 8, naming the argument', async () => {
    const backend = { wasm: { asm: { memory: new WebAssembly.Memory({ initial: 1 }) } }, dataIdMap: new Map() };
    for (const threads of [0, 2.5, 9, Number.NaN]) {
      await expect(prepareSimdKernels(backend, threads)).rejects.toThrow(ConfigError);
      await expect(prepareSimdKernels(backend, threads)).rejects.toThrow(/threads/);
    }
    await expect(prepareSimdKernels(backend, 8)).resolves.toBe(true); // ordinary memory: no pool, still fine
  });

  it('can be prepared asynchronously (a browser main thread compiles at most 4 KB synchronously), once per memory', async () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const backend = { wasm: { asm: { memory } }, dataIdMap: new Map() };
    await expect(prepareSimdKernels({})).resolves.toBe(false);
    await expect(prepareSimdKernels(backend)).resolves.toBe(true);
    const first = simdKernelsFor(backend);
    await expect(prepareSimdKernels(backend)).resolves.toBe(true);
    expect(simdKernelsFor(backend)?.multiply).toBeDefined();
    expect(first).toBeDefined();
  });
});
